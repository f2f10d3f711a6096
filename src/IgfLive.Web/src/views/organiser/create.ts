import { en } from '../../i18n/en';
import { limits } from '../../lib/contracts';
import { h, setText } from '../../lib/dom';
import type { AgendaPreview, SessionCreatedResponse } from '../../lib/contracts';
import { api, ApiError } from './api';
import { Field, Problems } from './field';
import { minutesOf, SegmentRow } from './segments';
import { SpeakerRow } from './speakers';

const s = en.organiser;

export interface OrganiserUi {
  key(): string | null;
  error(text: string, details?: string[]): void;
  say(text: string): void;
  clear(): void;
  /** Whether a session of this title already starts at this instant; resolves to the one found. */
  duplicateOf(title: string, startsAt: string, timeZone: string): { createdAt: string | null; timeZone: string } | null;
  created(result: SessionCreatedResponse): void;
}

const knownZones = new Set(Intl.supportedValuesOf?.('timeZone') ?? []);

function numberInput(value: number, min: number, max: number): HTMLInputElement {
  const input = h('input', { attrs: { type: 'number', min, max, step: 1, inputmode: 'numeric' } });
  input.value = String(value);
  return input;
}

/**
 * Paste the agenda, check what was read, adjust (segments, speakers' turns, the clock's cues), and
 * create the session. Every problem is said next to its field in the page's words before anything
 * is sent; a pasted agenda that has not been read yet is read on Create.
 */
export class CreateSession {
  readonly root: HTMLElement;
  private readonly title = new Field(h('input', { attrs: { type: 'text', maxlength: limits.title } }), s.title);
  private readonly startsAt = new Field(h('input', { attrs: { type: 'datetime-local' } }), s.startsAt);
  private readonly timeZone = new Field(h('input', { attrs: { type: 'text', list: 'zones', autocomplete: 'off' } }), s.timeZone);
  private readonly room = new Field(h('input', { attrs: { type: 'text', maxlength: limits.room } }), s.room);
  private readonly anonymous = h('input', { id: 'new-anon', attrs: { type: 'checkbox', checked: true } });
  private readonly agendaText = new Field(h('textarea', { attrs: { rows: 8 } }), s.agendaText);
  private readonly warning = new Field(numberInput(2, 0, 60), s.warningMinutes);
  private readonly critical = new Field(numberInput(30, 0, 600), s.criticalSeconds);
  private readonly takeaways = new Field(numberInput(5, 0, 60), s.takeawaysMinutes);
  private readonly segmentList = h('ol', { class: 'seg-rows' });
  private readonly speakerList = h('ul', { class: 'speaker-rows' });
  private readonly total = h('p', { class: 'total' });
  private readonly unread = h('div', { class: 'unread', attrs: { hidden: true } });
  private readonly duplicate = h('div', { class: 'duplicate', attrs: { hidden: true, role: 'alert' } });
  private readonly submit = h('button', { class: 'primary', attrs: { type: 'submit' } }, s.submit);
  private segments: SegmentRow[] = [];
  private speakers: SpeakerRow[] = [];
  /** The agenda text the segments were last read from, and whether they were edited since. */
  private readFrom: string | null = null;
  private edited = false;

  constructor(private readonly ui: OrganiserUi) {
    this.timeZone.control.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zones = h('datalist', { id: 'zones' }, ...[...knownZones].map((z) => h('option', { attrs: { value: z } })));
    const read = h('button', { attrs: { type: 'button' }, on: { click: () => void this.read() } }, s.preview);
    const addSegment = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => this.addSegment({}, null, true) } }, s.addSegment);
    const addSpeaker = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => this.addSpeaker(true) } }, s.addSpeaker);
    const form = h('form', { class: 'create-form', attrs: { novalidate: true } },
      h('div', { class: 'row' }, this.title.root, this.room.root),
      h('div', { class: 'row' }, this.startsAt.root, this.timeZone.root),
      zones,
      h('div', { class: 'field check' }, this.anonymous, h('label', { attrs: { for: this.anonymous.id } }, s.anonymous)),
      h('fieldset', null, h('legend', null, s.speakers), this.speakerList, addSpeaker),
      this.agendaText.root,
      read,
      this.unread,
      h('fieldset', null, h('legend', null, s.segments), this.segmentList, this.total, addSegment),
      h('fieldset', { class: 'cues' }, h('legend', null, s.cues), h('p', { class: 'hint' }, s.cuesHint),
        h('div', { class: 'row' }, this.warning.root, this.critical.root, this.takeaways.root)),
      this.duplicate,
      this.submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.create(false);
    });
    this.segmentList.addEventListener('input', () => {
      this.edited = true;
    });
    this.root = h('section', { class: 'panel create', attrs: { 'aria-labelledby': 'h-create' } }, h('h2', { id: 'h-create' }, s.create), form);
    this.updateTotal();
  }

  private names(): string[] {
    return this.speakers.map((r) => r.name.value).filter(Boolean);
  }

  private addSegment(parsed: Partial<AgendaPreview['segments'][number]>, kind: string | null, focus = false): void {
    const row = new SegmentRow(parsed, kind, this.names(), (r) => {
      this.segments = this.segments.filter((x) => x !== r);
      r.root.remove();
      this.edited = true;
      this.updateTotal();
    }, () => this.updateTotal());
    this.segments.push(row);
    this.segmentList.append(row.root);
    this.updateTotal();
    if (focus) row.title.control.focus();
  }

  private addSpeaker(focus = false): void {
    const row = new SpeakerRow((r) => {
      this.speakers = this.speakers.filter((x) => x !== r);
      r.root.remove();
      this.speakersChanged();
    }, () => this.speakersChanged());
    this.speakers.push(row);
    this.speakerList.append(row.root);
    if (focus) row.name.control.focus();
  }

  private speakersChanged(): void {
    const names = this.names();
    for (const segment of this.segments) segment.setNames(names);
  }

  private updateTotal(): void {
    const minutes = this.segments.reduce((sum, r) => sum + (minutesOf(r.minutes) ?? 0), 0);
    setText(this.total, s.totalMinutes(minutes));
  }

  /** Reads the pasted agenda into segment rows; false (with the reason shown) when it could not. */
  private async read(): Promise<boolean> {
    const text = this.agendaText.control.value;
    if (!text.trim()) {
      this.agendaText.fail(s.errors.agenda);
      this.agendaText.control.focus();
      return false;
    }
    try {
      const preview = await api.parse(text);
      for (const row of this.segments) row.root.remove();
      this.segments = [];
      for (const segment of preview.segments) this.addSegment(segment, segment.kind);
      this.readFrom = text;
      this.edited = false;
      this.showUnread(preview.unread);
      if (preview.segments.length === 0) this.agendaText.fail(s.errors.nothingRead);
      return preview.segments.length > 0;
    } catch (error) {
      this.ui.error(error instanceof ApiError ? error.message : String(error), error instanceof ApiError ? error.errors : undefined);
      return false;
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

  private async create(anyway: boolean): Promise<void> {
    const key = this.ui.key();
    if (!key) {
      this.ui.error(s.keyMissing);
      return;
    }
    this.submit.disabled = true;
    try {
      // A pasted agenda not read yet (or changed since, with the rows untouched) is read now.
      const text = this.agendaText.control.value;
      if (text.trim() && text !== this.readFrom && (this.segments.length === 0 || !this.edited) && !(await this.read())) return;
      const body = this.validate(text);
      if (!body) return;
      const twin = anyway ? null : this.ui.duplicateOf(body.title, body.startsAt, body.timeZone);
      if (twin) {
        this.askAboutDuplicate(body.title, twin);
        return;
      }
      this.duplicate.hidden = true;
      this.ui.created(await api.create(key, body));
    } catch (error) {
      this.ui.error(error instanceof ApiError ? `${s.failed} ${error.message}` : String(error), error instanceof ApiError ? error.errors : undefined);
    } finally {
      this.submit.disabled = false;
    }
  }

  /** The request, or null after marking every field that needs fixing and focusing the first. */
  private validate(text: string) {
    const problems = new Problems();
    if (!this.title.value) problems.add(this.title, s.errors.title);
    if (!this.startsAt.value) problems.add(this.startsAt, s.errors.startsAt);
    if (!this.timeZone.value) problems.add(this.timeZone, s.errors.zoneMissing);
    else if (knownZones.size > 0 && !knownZones.has(this.timeZone.value)) problems.add(this.timeZone, s.errors.zoneUnknown(this.timeZone.value));
    if (text.trim() && text !== this.readFrom && this.edited) problems.add(this.agendaText, s.errors.agendaChanged);
    if (this.segments.length === 0) problems.add(this.agendaText, s.errors.agenda);
    const agenda = this.segments.map((row) => row.read(problems));
    const [warning, critical, takeaways] = [this.warning, this.critical, this.takeaways].map((f) => Number(f.value));
    if (!(warning! >= 0 && warning! <= 60)) problems.add(this.warning, s.errors.warning);
    if (!(critical! >= 0 && critical! <= 600)) problems.add(this.critical, s.errors.critical);
    else if (critical! > warning! * 60) problems.add(this.critical, s.errors.criticalAfterWarning);
    if (!(takeaways! >= 0 && takeaways! <= 60)) problems.add(this.takeaways, s.errors.takeaways);
    if (problems.list.length > 0) {
      this.ui.error(s.errors.fix(problems.list.length), problems.list);
      problems.focusFirst();
      return null;
    }
    return {
      title: this.title.value,
      startsAt: this.startsAt.value,
      timeZone: this.timeZone.value,
      room: this.room.value || null,
      allowAnonymousQuestions: this.anonymous.checked,
      thresholds: { warningSeconds: Math.round(warning! * 60), criticalSeconds: Math.round(critical!), takeawaysSeconds: Math.round(takeaways! * 60) },
      speakers: this.speakers.filter((r) => r.name.value).map((r) => ({
        name: r.name.value,
        organisation: r.organisation.value || null,
        stakeholderGroup: r.group.value || null,
      })),
      agenda: agenda.filter((x): x is NonNullable<typeof x> => x !== null),
    };
  }

  private askAboutDuplicate(title: string, twin: { createdAt: string | null; timeZone: string }): void {
    const yes = h('button', { class: 'primary', attrs: { type: 'button' }, on: { click: () => void this.create(true) } }, s.duplicateYes);
    const no = h('button', { attrs: { type: 'button' }, on: { click: () => { this.duplicate.hidden = true; this.submit.focus(); } } }, s.duplicateNo);
    const created = twin.createdAt ? new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(twin.createdAt)) : null;
    this.duplicate.hidden = false;
    this.duplicate.replaceChildren(h('p', null, s.duplicate(title, created)), h('div', { class: 'actions' }, yes, no));
    no.focus();
  }
}
