import { en } from '../../i18n/en';
import { limits } from '../../lib/contracts';
import { h, setText } from '../../lib/dom';
import { api, ApiError, type AgendaPreview, type SessionCreated } from './api';

const s = en.organiser;

export interface OrganiserUi {
  key(): string | null;
  error(text: string, details?: string[]): void;
  say(text: string): void;
  created(result: SessionCreated): void;
}

let rows = 0;

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control, hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

/** An editable agenda segment: title and minutes (the kind the parser read is kept along). */
class SegmentRow {
  readonly root: HTMLLIElement;
  readonly title: HTMLInputElement;
  readonly minutes: HTMLInputElement;

  constructor(title: string, minutes: number | null, readonly kind: string | null, onRemove: (row: SegmentRow) => void, onChange: () => void) {
    const id = `seg${++rows}`;
    this.title = h('input', { id: `${id}-title`, attrs: { type: 'text', maxlength: limits.title, required: true } });
    this.title.value = title;
    this.minutes = h('input', { id: `${id}-min`, attrs: { type: 'number', min: 0.5, max: 600, step: 0.5, required: true, inputmode: 'decimal' } });
    this.minutes.value = minutes === null ? '' : String(minutes);
    this.minutes.addEventListener('input', onChange);
    const remove = h('button', { class: 'small danger', attrs: { type: 'button' }, on: { click: () => onRemove(this) } }, s.removeSegment);
    this.root = h('li', { class: 'seg-row' }, field(this.title.id, s.segmentTitle, this.title), field(this.minutes.id, s.segmentMinutes, this.minutes), remove);
    if (minutes === null) this.minutes.setAttribute('aria-describedby', `${id}-missing`);
    if (minutes === null) this.root.append(h('p', { id: `${id}-missing`, class: 'hint warn' }, s.noDuration));
  }
}

/** A speaker row: name, organisation and stakeholder group. */
class SpeakerRow {
  readonly root: HTMLLIElement;
  readonly name: HTMLInputElement;
  readonly organisation: HTMLInputElement;
  readonly group: HTMLSelectElement;

  constructor(onRemove: (row: SpeakerRow) => void) {
    const id = `sp${++rows}`;
    this.name = h('input', { id: `${id}-name`, attrs: { type: 'text', maxlength: limits.name } });
    this.organisation = h('input', { id: `${id}-org`, attrs: { type: 'text', maxlength: limits.organisation } });
    this.group = h('select', { id: `${id}-group` }, h('option', { attrs: { value: '' } }, '—'),
      ...Object.entries(en.common.stakeholderGroups).map(([value, label]) => h('option', { attrs: { value } }, label)));
    const remove = h('button', { class: 'small danger', attrs: { type: 'button' }, on: { click: () => onRemove(this) } }, s.removeSpeaker);
    this.root = h('li', { class: 'speaker-row' }, field(this.name.id, s.speakerName, this.name), field(this.organisation.id, s.speakerOrg, this.organisation), field(this.group.id, s.speakerGroup, this.group), remove);
  }
}

/** Paste the agenda, check what was read, adjust, and create the session. */
export class CreateSession {
  readonly root: HTMLElement;
  private readonly title = h('input', { id: 'new-title', attrs: { type: 'text', maxlength: limits.title, required: true } });
  private readonly startsAt = h('input', { id: 'new-start', attrs: { type: 'datetime-local', required: true } });
  private readonly timeZone = h('input', { id: 'new-zone', attrs: { type: 'text', list: 'zones', required: true, autocomplete: 'off' } });
  private readonly room = h('input', { id: 'new-room', attrs: { type: 'text', maxlength: limits.room } });
  private readonly anonymous = h('input', { id: 'new-anon', attrs: { type: 'checkbox', checked: true } });
  private readonly agendaText = h('textarea', { id: 'new-agenda', attrs: { rows: 8 } });
  private readonly segmentList = h('ol', { class: 'seg-rows' });
  private readonly speakerList = h('ul', { class: 'speaker-rows' });
  private readonly total = h('p', { class: 'total' });
  private readonly unread = h('div', { class: 'unread', attrs: { hidden: true } });
  private readonly submit = h('button', { class: 'primary', attrs: { type: 'submit' } }, s.submit);
  private segments: SegmentRow[] = [];
  private speakers: SpeakerRow[] = [];

  constructor(private readonly ui: OrganiserUi) {
    this.timeZone.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zones = h('datalist', { id: 'zones' }, ...(Intl.supportedValuesOf?.('timeZone') ?? []).map((z) => h('option', { attrs: { value: z } })));
    const read = h('button', { attrs: { type: 'button' }, on: { click: () => void this.read(read) } }, s.preview);
    const addSegment = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => this.addSegment('', null, null, true) } }, s.addSegment);
    const addSpeaker = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => this.addSpeaker(true) } }, s.addSpeaker);
    const form = h('form', { class: 'create-form', attrs: { novalidate: true } },
      h('div', { class: 'row' }, field(this.title.id, s.title, this.title), field(this.room.id, s.room, this.room)),
      h('div', { class: 'row' }, field(this.startsAt.id, s.startsAt, this.startsAt), field(this.timeZone.id, s.timeZone, this.timeZone)),
      zones,
      h('div', { class: 'field check' }, this.anonymous, h('label', { attrs: { for: this.anonymous.id } }, s.anonymous)),
      h('fieldset', null, h('legend', null, s.speakers), this.speakerList, addSpeaker),
      field(this.agendaText.id, s.agendaText, this.agendaText),
      read,
      this.unread,
      h('fieldset', null, h('legend', null, s.segments), this.segmentList, this.total, addSegment),
      this.submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.create();
    });
    this.root = h('section', { class: 'panel create', attrs: { 'aria-labelledby': 'h-create' } }, h('h2', { id: 'h-create' }, s.create), form);
    this.updateTotal();
  }

  private addSegment(title: string, minutes: number | null, kind: string | null, focus = false): void {
    const row = new SegmentRow(title, minutes, kind, (r) => {
      this.segments = this.segments.filter((x) => x !== r);
      r.root.remove();
      this.updateTotal();
    }, () => this.updateTotal());
    this.segments.push(row);
    this.segmentList.append(row.root);
    this.updateTotal();
    if (focus) row.title.focus();
  }

  private addSpeaker(focus = false): void {
    const row = new SpeakerRow((r) => {
      this.speakers = this.speakers.filter((x) => x !== r);
      r.root.remove();
    });
    this.speakers.push(row);
    this.speakerList.append(row.root);
    if (focus) row.name.focus();
  }

  private updateTotal(): void {
    const minutes = this.segments.reduce((sum, r) => sum + (Number(r.minutes.value) || 0), 0);
    setText(this.total, s.totalMinutes(minutes));
  }

  private async read(button: HTMLButtonElement): Promise<void> {
    const text = this.agendaText.value;
    if (!text.trim()) {
      this.agendaText.focus();
      return;
    }
    button.disabled = true;
    try {
      const preview = await api.parse(text);
      for (const row of this.segments) row.root.remove();
      this.segments = [];
      for (const segment of preview.segments) this.addSegment(segment.title, segment.minutes, segment.kind);
      this.showUnread(preview.unread);
      this.segments[0]?.title.focus();
    } catch (error) {
      this.ui.error(error instanceof ApiError ? error.message : String(error), error instanceof ApiError ? error.errors : undefined);
    } finally {
      button.disabled = false;
    }
  }

  private showUnread(unread: AgendaPreview['unread']): void {
    this.unread.hidden = false;
    this.unread.replaceChildren(
      h('h3', null, s.unread),
      unread.length === 0
        ? h('p', { class: 'empty' }, s.unreadNone)
        : h('ul', null, ...unread.map((u) => h('li', null, h('strong', null, s.line(u.line)), u.text, h('span', { class: 'hint' }, ` — ${u.reason}`)))));
  }

  private async create(): Promise<void> {
    const key = this.ui.key();
    if (!key) {
      this.ui.error(s.keyMissing);
      return;
    }
    const body = {
      title: this.title.value.trim(),
      startsAt: this.startsAt.value,
      timeZone: this.timeZone.value.trim(),
      room: this.room.value.trim() || null,
      allowAnonymousQuestions: this.anonymous.checked,
      speakers: this.speakers.filter((r) => r.name.value.trim()).map((r) => ({
        name: r.name.value.trim(),
        organisation: r.organisation.value.trim() || null,
        stakeholderGroup: r.group.value || null,
      })),
      agenda: this.segments.map((r) => ({ title: r.title.value.trim(), minutes: r.minutes.value === '' ? null : Number(r.minutes.value), kind: r.kind })),
    };
    this.submit.disabled = true;
    try {
      this.ui.created(await api.create(key, body));
    } catch (error) {
      this.ui.error(error instanceof ApiError ? `${s.failed} ${error.message}` : String(error), error instanceof ApiError ? error.errors : undefined);
    } finally {
      this.submit.disabled = false;
    }
  }
}
