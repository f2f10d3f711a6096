import { en } from '../../i18n/en';
import type { NoteKind, QuestionDto } from '../../lib/contracts';
import { commandButton, h, KeyedList, setText } from '../../lib/dom';
import { questionMeta, type StaffPage } from '../shared/staff';
import { kindSelect } from './notes';

const s = en.rapporteur;
let ids = 0;

/** A question the rapporteur can turn into a note, with the answer given in the room. */
class PromoteItem {
  readonly root: HTMLLIElement;
  private readonly badge = h('span', { class: 'badge' });
  private readonly text = h('p', { class: 'q-text' });
  private readonly meta = h('p', { class: 'q-meta' });
  private readonly noted = h('p', { class: 'q-noted', attrs: { hidden: true } });
  private readonly editor = h('div', { class: 'q-editor' });
  private readonly open: HTMLButtonElement;
  private question!: QuestionDto;

  constructor(private readonly page: StaffPage) {
    this.open = commandButton(s.promote, () => this.openEditor(), { class: 'small' });
    this.root = h('li', { class: 'q' }, h('div', { class: 'q-body' }, this.badge, this.text, this.meta, this.noted, this.editor), h('div', { class: 'q-actions' }, this.open));
  }

  update(q: QuestionDto): void {
    this.question = q;
    this.root.dataset['status'] = q.status.toLowerCase();
    setText(this.badge, `${q.id} · ${en.common.questionStatus[q.status] ?? q.status}`);
    setText(this.text, q.text);
    setText(this.meta, questionMeta(this.page.connection.model, q));
    // A question already turned into a note says so (and which), so it is not noted twice by accident.
    const notes = [...this.page.connection.model.notes.values()].filter((n) => n.questionId === q.id && !n.deleted).map((n) => n.id);
    this.root.dataset['noted'] = String(notes.length > 0);
    this.noted.hidden = notes.length === 0;
    setText(this.noted, s.alreadyNoted(notes));
    setText(this.open, notes.length > 0 ? s.promoteAgain : s.promote);
    this.page.shell.gate(this.root);
  }

  private openEditor(): void {
    const id = `pq${++ids}`;
    const kind = kindSelect(`${id}-kind`, 'Point');
    const answer = h('textarea', { id: `${id}-answer`, attrs: { rows: 2, maxlength: 2000 } });
    const save = h('button', { class: 'primary', attrs: { type: 'submit', 'data-cmd': true } }, s.promote);
    const cancel = h('button', { attrs: { type: 'button' }, on: { click: () => { this.editor.replaceChildren(); this.open.focus(); } } }, s.cancel);
    const form = h('form', { class: 'inline-form', attrs: { novalidate: true } },
      h('div', { class: 'field' }, h('label', { attrs: { for: kind.id } }, s.kind), kind),
      h('div', { class: 'field' }, h('label', { attrs: { for: answer.id } }, s.promoteAnswer), answer),
      h('div', { class: 'actions' }, save, cancel));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const request = { questionId: this.question.id, kind: kind.value as NoteKind, answer: answer.value.trim() || null };
      void this.page.shell.act(() => this.page.connection.command('PromoteQuestion', request), { button: save, done: s.promoted }).then((result) => {
        if (result) {
          this.editor.replaceChildren();
          this.open.focus();
        }
      });
    });
    this.editor.replaceChildren(form);
    this.page.shell.gate(form);
    kind.focus();
  }
}

export class PromoteList {
  readonly root: HTMLElement;
  private readonly empty = h('p', { class: 'empty' }, s.noQuestions);
  private readonly items: KeyedList<QuestionDto, PromoteItem>;

  constructor(private readonly page: StaffPage) {
    const list = h('ol', { class: 'questions', attrs: { 'aria-labelledby': 'h-rq' } });
    this.items = new KeyedList(list, (q) => q.id, () => new PromoteItem(page));
    this.root = h('section', { class: 'panel rq', attrs: { 'aria-labelledby': 'h-rq' } }, h('h2', { id: 'h-rq' }, s.questions), this.empty, list);
  }

  render(): void {
    const questions = [...this.page.connection.model.questions.values()]
      // The questions the server says can be turned into a note now (their `actions`).
      .filter((q) => q.actions.includes('PromoteQuestion'))
      .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    this.items.render(questions);
    this.empty.hidden = questions.length > 0;
  }
}
