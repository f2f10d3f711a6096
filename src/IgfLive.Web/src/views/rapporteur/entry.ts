import { en } from '../../i18n/en';
import { limits, noteKinds, type NoteKind } from '../../lib/contracts';
import { h, setText } from '../../lib/dom';
import type { StaffPage } from '../shared/staff';
import { NoteOutbox } from './outbox';

const s = en.rapporteur;

/**
 * The note box: type, Enter saves; Alt+1…4 picks the kind, which goes back to "Point" after each
 * note; the draft survives a reload. A saved note goes through the outbox, so one written while the
 * connection is down waits on this device, with the others, and is sent (in order, once) when it is back.
 */
export class NoteEntry {
  readonly root: HTMLElement;
  readonly text: HTMLTextAreaElement;
  private readonly radios: HTMLInputElement[];
  private readonly tied = h('p', { class: 'tied', attrs: { 'data-volatile': true } });
  private readonly waiting = h('div', { class: 'outbox', attrs: { 'aria-live': 'polite', hidden: true } });
  private readonly submit: HTMLButtonElement;
  private readonly draftKey: string;
  private readonly outbox: NoteOutbox;

  constructor(private readonly page: StaffPage) {
    this.draftKey = `igflive.draft.${page.sessionId}`;
    this.text = h('textarea', { id: 'note-text', attrs: { rows: 3, maxlength: limits.note, 'aria-describedby': 'note-hint note-tied', 'aria-keyshortcuts': 'Alt+1 Alt+2 Alt+3 Alt+4' } });
    this.tied.id = 'note-tied';
    this.radios = noteKinds.map((k, i) => h('input', { id: `kind-${k}`, attrs: { type: 'radio', name: 'kind', value: k, checked: k === 'Point', 'aria-keyshortcuts': `Alt+${i + 1}` } }));
    // Not a data-cmd button: saving works offline too (the note waits in the outbox).
    this.submit = h('button', { class: 'primary', attrs: { type: 'submit' } }, s.add);
    const form = h('form', { class: 'note-form', attrs: { novalidate: true } },
      h('fieldset', { class: 'kinds' }, h('legend', null, s.kind),
        ...this.radios.map((r, i) => h('span', { class: 'kind-choice' }, r, h('label', { attrs: { for: r.id } }, `${s.kinds[r.value] ?? r.value} (Alt+${i + 1})`)))),
      h('div', { class: 'field' }, h('label', { attrs: { for: 'note-text' } }, s.noteLabel), this.text),
      h('p', { id: 'note-hint', class: 'hint' }, s.noteHint),
      this.tied,
      this.submit,
      this.waiting);
    this.root = h('section', { class: 'panel note-entry', attrs: { 'aria-labelledby': 'h-entry' } }, h('h2', { id: 'h-entry' }, s.add), form);

    this.outbox = new NoteOutbox(page.sessionId, page.connection, {
      changed: () => this.showWaiting(),
      sent: () => page.shell.say(s.added),
      refused: (note, error) => {
        page.shell.error(error.message);
        // Handed back to be corrected, unless the rapporteur has started on the next one.
        if (!this.text.value.trim()) this.text.value = note.request.text;
      },
    });
    this.showWaiting();

    this.text.value = localStorage.getItem(this.draftKey) ?? '';
    this.text.addEventListener('input', () => localStorage.setItem(this.draftKey, this.text.value));
    this.text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    document.addEventListener('keydown', (event) => {
      const n = Number(event.code.replace('Digit', '')); // code, not key: Alt+digit types symbols on some layouts.
      if (!event.altKey || event.ctrlKey || event.metaKey || !(n >= 1 && n <= 4)) return;
      event.preventDefault();
      this.radios[n - 1]!.checked = true;
      page.shell.announce(s.kinds[this.radios[n - 1]!.value] ?? '');
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
  }

  render(): void {
    const model = this.page.connection.model;
    const segment = `${model.clock.segment + 1}. ${model.clock.segmentTitle}`;
    setText(this.tied, s.tiedTo(segment, model.speakerName(model.clock.speakerId)));
  }

  private save(): void {
    const text = this.text.value.trim();
    if (!text) {
      this.text.focus();
      return;
    }
    const kind = (this.radios.find((r) => r.checked)?.value ?? 'Point') as NoteKind;
    const model = this.page.connection.model;
    // Online, segment and speaker are left to the server (where the session is now); a note that
    // must wait is tied to where the session was when it was written.
    const waits = !this.page.connection.connected;
    this.outbox.add({
      kind,
      text,
      segment: waits && model.loaded ? model.clock.segment : null,
      speakerId: waits && model.loaded ? model.clock.speakerId : null,
      questionId: null,
    });
    // The box empties at once, so the next note can be typed while this one is on its way.
    this.text.value = '';
    localStorage.removeItem(this.draftKey);
    // The usual note is a point: a one-off takeaway or call to action must not stick.
    this.radios.find((r) => r.value === 'Point')!.checked = true;
    if (waits) this.page.shell.say(s.kept(this.outbox.pending.length));
    this.text.focus();
  }

  private showWaiting(): void {
    const pending = this.outbox.pending;
    this.waiting.hidden = pending.length === 0;
    this.waiting.replaceChildren(
      h('p', { class: 'hint' }, s.waiting(pending.length)),
      h('ol', { class: 'outbox-list' }, ...pending.map((n) => h('li', null, `${s.kinds[n.request.kind] ?? n.request.kind}: ${n.request.text}`))));
  }
}
