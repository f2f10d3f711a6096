import { en } from '../../i18n/en';
import { formatDuration } from '../../lib/clock';
import { limits, noteKinds, type NoteDto, type NoteKind } from '../../lib/contracts';
import { commandButton, h, setText } from '../../lib/dom';
import type { StaffPage } from '../shared/staff';

const s = en.rapporteur;
let ids = 0;

export function kindSelect(id: string, value: NoteKind): HTMLSelectElement {
  const select = h('select', { id }, ...noteKinds.map((k) => h('option', { attrs: { value: k } }, s.kinds[k] ?? k)));
  select.value = value;
  return select;
}

/** One note: its kind, words, place in the session; edit, delete and restore. */
export class NoteItem {
  readonly root: HTMLLIElement;
  private readonly kind = h('span', { class: 'badge kind' });
  private readonly text = h('p', { class: 'note-text' });
  private readonly meta = h('p', { class: 'q-meta' });
  private readonly editor = h('div', { class: 'q-editor' });
  private readonly edit: HTMLButtonElement;
  private readonly remove: HTMLButtonElement;
  private readonly restore: HTMLButtonElement;
  private note!: NoteDto;
  private editing = false;

  constructor(private readonly page: StaffPage) {
    this.edit = commandButton(s.edit, () => this.openEditor(), { class: 'small' });
    this.remove = commandButton(s.delete, () => void page.shell.act(() => page.connection.command('DeleteNote', this.note.id), { button: this.remove, done: s.removed }), { class: 'small danger' });
    this.restore = commandButton(s.restore, () => void page.shell.act(() => page.connection.command('RestoreNote', this.note.id), { button: this.restore, done: s.restored }), { class: 'small' });
    this.root = h('li', { class: 'note' },
      h('div', { class: 'q-body' }, this.kind, this.text, this.meta, this.editor),
      h('div', { class: 'q-actions' }, this.edit, this.remove, this.restore));
  }

  update(note: NoteDto): void {
    this.note = note;
    const model = this.page.connection.model;
    this.root.dataset['kind'] = note.kind;
    this.root.dataset['deleted'] = String(note.deleted);
    setText(this.kind, `${s.kinds[note.kind] ?? note.kind}${note.deleted ? ` · ${s.deleted}` : ''}`);
    setText(this.text, note.text);
    const speaker = model.speakerName(note.speakerId);
    const segment = model.session.segments[note.segment]?.title ?? '';
    setText(this.meta, [`${note.segment + 1}. ${segment}`, speaker, s.at(formatDuration(note.sessionTimeMs / 1000)), note.questionId].filter(Boolean).join(' · '));
    this.edit.hidden = note.deleted;
    this.remove.hidden = note.deleted;
    this.restore.hidden = !note.deleted;
    if (note.deleted && this.editing) this.closeEditor();
    this.page.shell.gate(this.root);
  }

  private openEditor(): void {
    this.editing = true;
    const id = `ne${++ids}`;
    const kind = kindSelect(`${id}-kind`, this.note.kind);
    const text = h('textarea', { id: `${id}-text`, attrs: { rows: 3, maxlength: limits.note } });
    text.value = this.note.text;
    const save = h('button', { class: 'primary', attrs: { type: 'submit', 'data-cmd': true } }, s.save);
    const cancel = h('button', { attrs: { type: 'button' }, on: { click: () => this.closeEditor(true) } }, s.cancel);
    const form = h('form', { class: 'inline-form', attrs: { novalidate: true } },
      h('div', { class: 'field' }, h('label', { attrs: { for: kind.id } }, s.kind), kind),
      h('div', { class: 'field' }, h('label', { attrs: { for: text.id } }, s.noteLabel), text),
      h('div', { class: 'actions' }, save, cancel));
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeEditor(true);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!text.value.trim()) return text.focus();
      const request = { noteId: this.note.id, kind: kind.value as NoteKind, text: text.value, segment: this.note.segment, speakerId: this.note.speakerId };
      void this.page.shell.act(() => this.page.connection.command('EditNote', request), { button: save, done: s.saved }).then((result) => {
        if (result) this.closeEditor(true);
      });
    });
    this.editor.replaceChildren(form);
    this.page.shell.gate(form);
    text.focus();
  }

  private closeEditor(refocus = false): void {
    this.editing = false;
    this.editor.replaceChildren();
    if (refocus) this.edit.focus();
  }
}

/** The note box: type, Enter saves; Alt+1…4 picks the kind; the draft survives a reload. */
export class NoteEntry {
  readonly root: HTMLElement;
  readonly text: HTMLTextAreaElement;
  private readonly radios: HTMLInputElement[];
  private readonly tied = h('p', { class: 'tied', attrs: { 'data-volatile': true } });
  private readonly submit: HTMLButtonElement;
  private readonly draftKey: string;

  constructor(private readonly page: StaffPage) {
    this.draftKey = `igflive.draft.${page.sessionId}`;
    this.text = h('textarea', { id: 'note-text', attrs: { rows: 3, maxlength: limits.note, 'aria-describedby': 'note-hint note-tied', 'aria-keyshortcuts': 'Alt+1 Alt+2 Alt+3 Alt+4' } });
    this.tied.id = 'note-tied';
    this.radios = noteKinds.map((k, i) => h('input', { id: `kind-${k}`, attrs: { type: 'radio', name: 'kind', value: k, checked: k === 'Point', 'aria-keyshortcuts': `Alt+${i + 1}` } }));
    this.submit = h('button', { class: 'primary', attrs: { type: 'submit', 'data-cmd': true } }, s.add);
    const form = h('form', { class: 'note-form', attrs: { novalidate: true } },
      h('fieldset', { class: 'kinds' }, h('legend', null, s.kind),
        ...this.radios.map((r, i) => h('span', { class: 'kind-choice' }, r, h('label', { attrs: { for: r.id } }, `${s.kinds[r.value] ?? r.value} (Alt+${i + 1})`)))),
      h('div', { class: 'field' }, h('label', { attrs: { for: 'note-text' } }, s.noteLabel), this.text),
      h('p', { id: 'note-hint', class: 'hint' }, s.noteHint),
      this.tied,
      this.submit);
    this.root = h('section', { class: 'panel note-entry', attrs: { 'aria-labelledby': 'h-entry' } }, h('h2', { id: 'h-entry' }, s.add), form);

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
      void this.save();
    });
  }

  render(): void {
    const model = this.page.connection.model;
    const segment = `${model.clock.segment + 1}. ${model.clock.segmentTitle}`;
    setText(this.tied, s.tiedTo(segment, model.speakerName(model.clock.speakerId)));
  }

  private async save(): Promise<void> {
    const text = this.text.value.trim();
    if (!text) {
      this.text.focus();
      return;
    }
    const kind = (this.radios.find((r) => r.checked)?.value ?? 'Point') as NoteKind;
    // Segment and speaker left empty: the server ties the note to where the session is now.
    const request = { kind, text, segment: null, speakerId: null, questionId: null };
    // The box empties at once, so the next note can be typed while this one is on its way (a fast
    // rapporteur must never lose a line to a late acknowledgement); a refusal puts the words back.
    this.text.value = '';
    localStorage.removeItem(this.draftKey);
    const result = await this.page.shell.act(() => this.page.connection.command('AddNote', request), { done: s.added });
    if (!result && this.text.value.trim() === '') {
      this.text.value = text;
      localStorage.setItem(this.draftKey, text);
    }
    this.text.focus();
  }
}
