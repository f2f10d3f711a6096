import type { ParticipantStrings } from '../../i18n/en';
import type { SessionConnection } from '../../lib/connection';
import { limits, type SubmitQuestionRequest } from '../../lib/contracts';
import { h } from '../../lib/dom';
import type { Shell } from '../../lib/shell';

const identityKey = 'igflive.identity';

interface Identity {
  name: string;
  organisation: string;
  group: string;
  anonymous: boolean;
}

export interface AskState extends Identity {
  text: string;
  speaker: string;
}

/**
 * The question form: words, who is asking (or nobody), and optionally which speaker it is for.
 * It starts as one line ("Type your question"), so the audience's questions are right under it on
 * a phone, and opens up for the rest once the participant starts to write.
 */
export class AskForm {
  readonly root: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly closed: HTMLElement;
  private readonly text: HTMLTextAreaElement;
  private readonly counter: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly more: HTMLElement;
  private readonly anonymous: HTMLInputElement;
  private readonly anonymousRow: HTMLElement;
  private readonly who: HTMLElement;
  private readonly name: HTMLInputElement;
  private readonly organisation: HTMLInputElement;
  private readonly group: HTMLSelectElement;
  private readonly speaker: HTMLSelectElement;
  private readonly speakerRow: HTMLElement;
  private readonly submit: HTMLButtonElement;

  constructor(private readonly connection: SessionConnection, private readonly shell: Shell, private readonly s: ParticipantStrings) {
    const p = s.participant;
    // No maxlength: a long paste is shown whole and marked as over the limit, never cut mid-word.
    this.text = h('textarea', { id: 'ask-text', attrs: { rows: 1, required: true, placeholder: p.placeholder, 'aria-describedby': 'ask-counter ask-problem' } });
    this.counter = h('p', { id: 'ask-counter', class: 'hint counter', attrs: { 'aria-live': 'polite' } });
    this.problem = h('p', { id: 'ask-problem', class: 'field-error', attrs: { role: 'alert', hidden: true } });
    this.anonymous = h('input', { id: 'ask-anon', attrs: { type: 'checkbox', 'aria-describedby': 'ask-anon-hint' } });
    this.anonymousRow = h('div', { class: 'field check' }, this.anonymous, h('label', { attrs: { for: 'ask-anon' } }, p.anonymous),
      h('p', { id: 'ask-anon-hint', class: 'hint' }, p.anonymousHint));
    this.name = h('input', { id: 'ask-name', attrs: { type: 'text', maxlength: limits.name, autocomplete: 'name' } });
    this.organisation = h('input', { id: 'ask-org', attrs: { type: 'text', maxlength: limits.organisation, autocomplete: 'organization' } });
    this.group = h('select', { id: 'ask-group' }, h('option', { attrs: { value: '' } }, p.groupNone),
      ...Object.entries(s.common.stakeholderGroups).map(([value, label]) => h('option', { attrs: { value } }, label)));
    this.who = h('div', { class: 'who' },
      field('ask-name', p.nameLabel, this.name),
      field('ask-org', p.orgLabel, this.organisation),
      field('ask-group', p.groupLabel, this.group));
    this.speaker = h('select', { id: 'ask-speaker' });
    this.speakerRow = field('ask-speaker', p.addressedLabel, this.speaker);
    this.submit = h('button', { class: 'primary', attrs: { type: 'submit', 'data-cmd': true } }, p.send);
    // Open or folded is this device's own state of the form, not the session's (data-volatile).
    this.more = h('div', { class: 'ask-more', attrs: { 'data-volatile': true } }, this.counter, this.anonymousRow, this.who, this.speakerRow, this.submit);
    this.form = h('form', { class: 'ask-form', attrs: { novalidate: true } },
      field('ask-text', p.questionLabel, this.text), this.problem, this.more);
    this.closed = h('p', { class: 'questions-closed', attrs: { hidden: true } }, p.questionsClosed);
    this.root = h('div', null, this.closed, this.form);

    this.text.addEventListener('input', () => this.count());
    this.form.addEventListener('input', () => this.clearProblem());
    this.text.addEventListener('focus', () => this.open(true));
    // Folds again when the participant leaves it empty (relatedTarget: where the focus is going).
    this.form.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node && this.form.contains(next)) && !this.text.value.trim()) this.open(false);
    });
    this.anonymous.addEventListener('change', () => this.toggleWho());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    this.restore(loadIdentity());
    this.count();
    this.open(this.text.value.trim() !== '');
  }

  private open(expanded: boolean): void {
    this.form.dataset['expanded'] = String(expanded);
    this.more.hidden = !expanded;
    this.text.rows = expanded ? 3 : 1;
  }

  /** Fills in what depends on the session: whether it takes questions now, anonymity, and the speakers. */
  update(): void {
    const open = this.connection.model.questionsOpen;
    this.form.hidden = !open;
    this.closed.hidden = open;
    const session = this.connection.model.session;
    this.anonymousRow.hidden = !session.allowAnonymousQuestions;
    if (!session.allowAnonymousQuestions) this.anonymous.checked = false;
    this.name.required = !session.allowAnonymousQuestions;
    const chosen = this.speaker.value;
    if (this.speaker.options.length !== session.speakers.length + 1) {
      this.speaker.replaceChildren(h('option', { attrs: { value: '' } }, this.s.participant.anyone),
        ...session.speakers.map((sp) => h('option', { attrs: { value: sp.id } }, sp.organisation ? `${sp.name} (${sp.organisation})` : sp.name)));
      this.speaker.value = chosen;
    }
    this.speakerRow.hidden = session.speakers.length === 0;
    this.toggleWho();
  }

  state(): AskState {
    return {
      text: this.text.value,
      name: this.name.value,
      organisation: this.organisation.value,
      group: this.group.value,
      anonymous: this.anonymous.checked,
      speaker: this.speaker.value,
    };
  }

  restore(state: Partial<AskState>): void {
    if (state.text !== undefined) this.text.value = state.text;
    if (state.name !== undefined) this.name.value = state.name;
    if (state.organisation !== undefined) this.organisation.value = state.organisation;
    if (state.group !== undefined) this.group.value = state.group;
    if (state.anonymous !== undefined) this.anonymous.checked = state.anonymous;
    if (state.speaker !== undefined) this.speaker.value = state.speaker;
    this.count();
    this.toggleWho();
    if (this.text.value.trim()) this.open(true);
  }

  private async send(): Promise<void> {
    const p = this.s.participant;
    const text = this.text.value.trim();
    if (!text) {
      this.complain(p.questionRequired);
      return;
    }
    if (text.length > limits.question) {
      this.complain(p.tooLong(text.length - limits.question, limits.question));
      return;
    }
    const anonymous = this.anonymous.checked && !this.anonymousRow.hidden;
    const name = anonymous ? null : this.name.value.trim() || null;
    if (!name && this.name.required) {
      this.complain(p.nameRequired, this.name);
      return;
    }
    const request: SubmitQuestionRequest = {
      text,
      name,
      organisation: anonymous ? null : this.organisation.value.trim() || null,
      stakeholderGroup: this.group.value || null,
      addressedTo: this.speaker.value || null,
    };
    const result = await this.shell.act(() => this.connection.command('SubmitQuestion', request), { button: this.submit, done: p.sent });
    if (!result?.id) return;
    this.connection.model.addOwnQuestion({
      id: result.id, text, originalText: null, authorName: request.name, organisation: request.organisation,
      stakeholderGroup: request.stakeholderGroup, channel: 'Online', addressedTo: request.addressedTo,
      segment: this.connection.model.clock.segment, status: 'Submitted', votes: 0, submittedAt: new Date().toISOString(),
      rejectionReason: null, rejectionCode: null, mergedInto: null, mine: true, actions: [],
    });
    this.connection.touch();
    saveIdentity({ name: this.name.value, organisation: this.organisation.value, group: this.group.value, anonymous: this.anonymous.checked });
    // Clear what was sent, not what the participant has begun to type since (the box stays editable
    // while the question is on its way).
    if (this.text.value.trim() === text) this.text.value = '';
    this.count();
    // Sent and nothing new begun: the form folds back to its line, and the participant is shown
    // their question where its status will change (unless they are already typing the next one).
    const typingOn = document.activeElement !== this.submit && this.form.contains(document.activeElement);
    if (!this.text.value.trim() && !typingOn) {
      this.open(false);
      document.getElementById('h-mine')?.focus();
    }
  }

  /** A problem with what was typed, said next to the box it is about (and read out). */
  private complain(text: string, control: HTMLElement = this.text): void {
    this.problem.hidden = false;
    this.problem.textContent = text;
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }

  private count(): void {
    const left = limits.question - this.text.value.trim().length;
    this.counter.textContent = left >= 0 ? this.s.participant.charsLeft(left) : this.s.participant.charsOver(-left);
    this.counter.dataset['over'] = String(left < 0);
    this.text.setAttribute('aria-invalid', String(left < 0));
  }

  private clearProblem(): void {
    this.problem.hidden = true;
    this.name.removeAttribute('aria-invalid');
  }

  private toggleWho(): void {
    const anonymous = this.anonymous.checked && !this.anonymousRow.hidden;
    this.name.disabled = anonymous;
    this.organisation.disabled = anonymous;
    this.who.classList.toggle('muted', anonymous);
  }
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control);
}

function loadIdentity(): Partial<Identity> {
  try {
    const raw = localStorage.getItem(identityKey);
    return raw ? (JSON.parse(raw) as Partial<Identity>) : {};
  } catch {
    return {};
  }
}

function saveIdentity(identity: Identity): void {
  try {
    localStorage.setItem(identityKey, JSON.stringify(identity));
  } catch {
    // A browser that keeps nothing simply asks again next time.
  }
}
