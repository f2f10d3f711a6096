import { en } from '../../i18n/en';
import { limits, type QuestionCommandName, type QuestionDto } from '../../lib/contracts';
import { commandButton, h, setText } from '../../lib/dom';
import { questionMeta, type StaffPage } from '../shared/staff';

const s = en.online;

/** The command each inline editor sends: its button shows, and an open editor stays, while the server offers it. */
const editorCommand = { reject: 'RejectQuestion', edit: 'EditQuestion', merge: 'MergeQuestion' } as const satisfies Record<string, QuestionCommandName>;

let ids = 0;

/**
 * A question in the online moderator's console, with the buttons of the actions the server says
 * the moderator may take on it now (its `actions`). Editors
 * (reject reason, new wording, merge target) open inside the card and survive live updates.
 */
export class QuestionCard {
  readonly root: HTMLLIElement;
  private readonly badge = h('span', { class: 'badge' });
  private readonly text = h('p', { class: 'q-text' });
  private readonly original = h('p', { class: 'q-original' });
  private readonly meta = h('p', { class: 'q-meta' });
  private readonly reason = h('p', { class: 'q-reason' });
  private readonly actions = h('div', { class: 'q-actions' });
  private readonly editor = h('div', { class: 'q-editor' });
  private readonly buttons: Record<string, HTMLButtonElement>;
  private editing: 'reject' | 'edit' | 'merge' | null = null;
  question!: QuestionDto;

  constructor(private readonly page: StaffPage, private readonly onMove?: (card: QuestionCard, delta: number) => void) {
    const act = (method: QuestionCommandName, done: string, key: string) => () =>
      void page.shell.act(() => page.connection.command(method, this.question.id), { button: this.buttons[key]!, done });
    this.buttons = {
      approve: commandButton(s.approve, act('ApproveQuestion', s.approved, 'approve'), { class: 'primary', attrs: { 'aria-keyshortcuts': 'A' } }),
      // One step from incoming to the room (the server approves and forwards it in one append).
      send: commandButton(s.approveAndSend, act('ForwardQuestion', s.forwardedDone, 'send'), { attrs: { 'aria-keyshortcuts': 'S' } }),
      forward: commandButton(s.forward, act('ForwardQuestion', s.forwardedDone, 'forward'), { class: 'primary', attrs: { 'aria-keyshortcuts': 'S' } }),
      up: commandButton(s.moveUp, () => this.onMove?.(this, -1), { attrs: { 'aria-keyshortcuts': 'Alt+ArrowUp' } }),
      down: commandButton(s.moveDown, () => this.onMove?.(this, 1), { attrs: { 'aria-keyshortcuts': 'Alt+ArrowDown' } }),
      edit: commandButton(s.edit, () => this.openEditor('edit'), { attrs: { 'aria-keyshortcuts': 'E' } }),
      merge: commandButton(s.merge, () => this.openEditor('merge'), { attrs: { 'aria-keyshortcuts': 'M' } }),
      reject: commandButton(s.reject, () => this.openEditor('reject'), { class: 'danger', attrs: { 'aria-keyshortcuts': 'R' } }),
    };
    this.root = h('li', { class: 'q', attrs: { tabindex: -1 } },
      h('div', { class: 'q-body' }, this.badge, this.text, this.original, this.meta, this.reason, this.editor),
      this.actions);
    this.root.addEventListener('keydown', (event) => {
      if (!event.altKey || !this.onMove || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      this.onMove(this, event.key === 'ArrowUp' ? -1 : 1);
    });
  }

  update(q: QuestionDto): void {
    this.question = q;
    this.root.dataset['status'] = q.status.toLowerCase();
    this.root.dataset['id'] = q.id;
    setText(this.badge, `${q.id} · ${en.common.questionStatus[q.status] ?? q.status}`);
    setText(this.text, q.text);
    this.original.hidden = !q.originalText;
    setText(this.original, q.originalText ? `${en.staff.original} ${q.originalText}` : '');
    setText(this.meta, questionMeta(this.page.connection.model, q));
    const why = q.status === 'Rejected' ? q.rejectionReason : q.status === 'Merged' ? `→ ${q.mergedInto}` : null;
    this.reason.hidden = !why;
    setText(this.reason, why ?? '');

    const may = (command: QuestionCommandName): boolean => q.actions.includes(command);
    const show: string[] = [];
    if (may('ApproveQuestion')) show.push('approve');
    // Forwarding a question not yet approved approves it on the way: the button says both.
    if (may('ForwardQuestion')) show.push(may('ApproveQuestion') ? 'send' : 'forward');
    if (may('MoveQuestion') && this.onMove) show.push('up', 'down');
    if (may(editorCommand.edit)) show.push('edit');
    if (may(editorCommand.merge)) show.push('merge');
    if (may(editorCommand.reject)) show.push('reject');
    this.actions.replaceChildren(...show.map((k) => this.buttons[k]!));
    if (this.editing && !may(editorCommand[this.editing])) this.closeEditor();
    this.page.shell.gate(this.root);
  }

  /** A single-key shortcut: presses the card's button for the action, when the card shows it. */
  press(action: 'approve' | 'send' | 'edit' | 'merge' | 'reject'): boolean {
    const button = action === 'send' && !this.buttons['send']!.isConnected ? this.buttons['forward'] : this.buttons[action];
    if (!button?.isConnected || button.disabled) return false;
    button.click();
    return true;
  }

  /** Position buttons are meaningless at the ends of the queue. */
  setEnds(first: boolean, last: boolean): void {
    this.buttons['up']!.dataset['off'] = String(first);
    this.buttons['down']!.dataset['off'] = String(last);
  }

  focusMove(delta: number): void {
    const button = this.buttons[delta < 0 ? 'up' : 'down']!;
    (button.disabled ? this.root : button).focus();
  }

  private openEditor(kind: 'reject' | 'edit' | 'merge'): void {
    this.editing = kind;
    const id = `qe${++ids}`;
    const cancel = h('button', { attrs: { type: 'button' }, on: { click: () => this.closeEditor(true) } }, s.cancel);
    const submit = h('button', { class: kind === 'reject' ? 'danger primary' : 'primary', attrs: { type: 'submit', 'data-cmd': true } },
      kind === 'reject' ? s.rejectConfirm : kind === 'edit' ? s.save : s.mergeConfirm);
    let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    let label: string;
    if (kind === 'reject') {
      control = h('input', { id, attrs: { type: 'text', maxlength: limits.reason, required: true } });
      label = s.rejectReason;
    } else if (kind === 'edit') {
      control = h('textarea', { id, attrs: { rows: 3, maxlength: limits.question, required: true } });
      control.value = this.question.text;
      label = s.editLabel;
    } else {
      const targets = [...this.page.connection.model.questions.values()].filter((q) => q.id !== this.question.id && q.actions.includes('MergeQuestionInto'));
      control = h('select', { id }, ...targets.map((q) => h('option', { attrs: { value: q.id } }, `${q.id}: ${q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}`)));
      label = s.mergeInto;
      if (targets.length === 0) {
        this.editor.replaceChildren(h('p', { class: 'empty' }, s.mergeNone), cancel);
        cancel.focus();
        return;
      }
    }
    const form = h('form', { class: 'inline-form', attrs: { novalidate: true } },
      h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control), h('div', { class: 'actions' }, submit, cancel));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = control.value.trim();
      if (!value) {
        control.focus();
        return;
      }
      const done = kind === 'reject' ? s.rejected : kind === 'edit' ? s.edited : s.merged;
      void this.page.shell.act(() => this.page.connection.command(editorCommand[kind], this.question.id, value), { button: submit, done }).then((result) => {
        if (result) this.closeEditor();
      });
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.closeEditor(true);
    });
    this.editor.replaceChildren(form);
    this.page.shell.gate(form);
    control.focus();
  }

  private closeEditor(refocus = false): void {
    const kind = this.editing;
    this.editing = null;
    this.editor.replaceChildren();
    if (refocus && kind) this.buttons[kind]?.focus();
  }
}
