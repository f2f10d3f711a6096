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
      h('p', { class: 'hint' }, s.editHint),
      h('div', { class: 'actions' }, save, cancel));
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeEditor(true);
    });
    // The same keys as the note box: Enter saves, Shift+Enter starts a new line.
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
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
