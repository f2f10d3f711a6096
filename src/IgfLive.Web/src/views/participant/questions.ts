import type { ParticipantStrings } from '../../i18n/en';
import type { SessionConnection } from '../../lib/connection';
import type { QuestionDto } from '../../lib/contracts';
import { InlineChoice } from '../../lib/choice';
import { commandButton, h, KeyedList, setAttr, setText } from '../../lib/dom';
import type { Shell } from '../../lib/shell';

const publicStatuses = new Set(['Approved', 'Forwarded', 'Live', 'Answered']);
const withdrawable = new Set(['Submitted', 'Approved', 'Forwarded']);
const votable = new Set(['Approved', 'Forwarded', 'Live']);
const order: Record<string, number> = { Live: 0, Forwarded: 1, Approved: 1, Answered: 2 };

function meta(s: ParticipantStrings, q: QuestionDto, speaker: string | null): string {
  const groups: Record<string, string> = s.common.stakeholderGroups;
  const group = q.stakeholderGroup ? groups[q.stakeholderGroup] ?? q.stakeholderGroup : null;
  const who = q.authorName ? [q.authorName, q.organisation, group].filter(Boolean).join(' · ') : s.common.anonymous;
  const parts = [who];
  if (q.channel === 'Floor') parts.push(s.common.channel['Floor'] ?? 'Floor');
  if (speaker) parts.push(s.common.to(speaker));
  return parts.join(' · ');
}

/** One public question: its words, who asked, its votes and the upvote toggle. */
class PublicItem {
  readonly root: HTMLLIElement;
  private readonly text = h('p', { class: 'q-text' });
  private readonly meta = h('p', { class: 'q-meta' });
  private readonly badge = h('span', { class: 'badge' });
  private readonly vote: HTMLButtonElement;
  private readonly own = h('span', { class: 'q-own' });
  private question!: QuestionDto;

  constructor(private readonly view: ParticipantQuestions) {
    this.vote = commandButton('', () => void this.toggle(), { class: 'vote' });
    this.root = h('li', { class: 'q' }, h('div', { class: 'q-body' }, this.badge, this.text, this.meta), h('div', { class: 'q-actions' }, this.vote, this.own));
  }

  update(q: QuestionDto): void {
    this.question = q;
    const s = this.view.s;
    const model = this.view.connection.model;
    this.root.dataset['status'] = q.status.toLowerCase();
    setText(this.text, q.text);
    setText(this.meta, meta(s, q, model.speakerName(q.addressedTo)));
    this.badge.hidden = q.status !== 'Live' && q.status !== 'Answered';
    setText(this.badge, s.common.questionStatus[q.status] ?? q.status);
    const mine = q.mine || model.mine.has(q.id);
    const voted = model.myVotes.has(q.id);
    const votes = s.common.votes(q.votes);
    this.vote.hidden = mine;
    this.vote.dataset['off'] = String(!votable.has(q.status));
    setAttr(this.vote, 'aria-pressed', String(voted));
    setText(this.vote, `${voted ? s.participant.upvoted : s.participant.upvote} · ${q.votes}`);
    this.own.hidden = !mine;
    setText(this.own, `${s.participant.ownQuestion} · ${votes}`);
  }

  private async toggle(): Promise<void> {
    const model = this.view.connection.model;
    const id = this.question.id;
    const voted = model.myVotes.has(id);
    const result = await this.view.shell.act(() => this.view.connection.command(voted ? 'UnvoteQuestion' : 'VoteQuestion', id), { button: this.vote });
    if (result) {
      if (voted) model.myVotes.delete(id);
      else model.myVotes.add(id);
      this.view.render();
    }
  }
}

/** One of the participant's own questions, with where it stands; withdrawing asks once more first. */
class MineItem {
  readonly root: HTMLLIElement;
  private readonly text = h('p', { class: 'q-text' });
  private readonly status = h('p', { class: 'q-status' });
  private readonly reason = h('p', { class: 'q-reason' });
  private readonly confirm = h('div', { class: 'q-editor' });
  private readonly withdraw: HTMLButtonElement;
  private readonly confirmStep: InlineChoice;
  private question!: QuestionDto;

  constructor(private readonly view: ParticipantQuestions) {
    this.withdraw = commandButton(view.s.participant.withdraw, () => this.ask(), { class: 'secondary', attrs: { 'aria-expanded': 'false' } });
    this.confirmStep = new InlineChoice(this.confirm, this.withdraw);
    this.root = h('li', { class: 'q mine' }, h('div', { class: 'q-body' }, this.text, this.status, this.reason, this.confirm), h('div', { class: 'q-actions' }, this.withdraw));
  }

  private ask(): void {
    const p = this.view.s.participant;
    const yes: HTMLButtonElement = commandButton(p.withdrawYes, () => void this.doWithdraw(yes), { class: 'danger' });
    this.view.shell.gate(this.confirmStep.open(p.withdrawConfirm, [yes], { label: p.withdrawNo, focus: true }));
  }

  update(q: QuestionDto): void {
    this.question = q;
    const s = this.view.s;
    this.root.dataset['status'] = q.status.toLowerCase();
    setText(this.text, q.text);
    setText(this.status, s.common.questionStatus[q.status] ?? q.status);
    this.status.dataset['status'] = q.status.toLowerCase();
    // A preset reason is said in the participant's language; a moderator's own words as written.
    const reasons: Record<string, string> = s.participant.reasons;
    const preset = q.rejectionCode ? reasons[q.rejectionCode] : undefined;
    this.reason.hidden = !q.rejectionReason && !preset;
    setText(this.reason, preset ? s.participant.reason(preset) : q.rejectionReason ? s.participant.moderatorReason(q.rejectionReason) : '');
    this.withdraw.hidden = !withdrawable.has(q.status);
    if (this.withdraw.hidden) this.confirmStep.close(false);
  }

  private async doWithdraw(button: HTMLButtonElement): Promise<void> {
    const result = await this.view.shell.act(() => this.view.connection.command('WithdrawQuestion', this.question.id), { button, done: this.view.s.participant.withdrawn });
    if (result) this.confirmStep.close(false);
  }
}

/** The live question, the participant's own questions, and the audience's approved questions. */
export class ParticipantQuestions {
  readonly live: HTMLElement;
  readonly mineList: HTMLUListElement;
  readonly publicList: HTMLUListElement;
  readonly mineEmpty: HTMLElement;
  readonly publicEmpty: HTMLElement;
  private readonly liveText = h('p', { class: 'live-text' });
  private readonly liveMeta = h('p', { class: 'q-meta' });
  private readonly mine: KeyedList<QuestionDto, MineItem>;
  private readonly all: KeyedList<QuestionDto, PublicItem>;

  constructor(readonly connection: SessionConnection, readonly shell: Shell, readonly s: ParticipantStrings) {
    this.live = h('section', { class: 'panel live', attrs: { 'aria-labelledby': 'h-live', hidden: true } },
      h('h2', { id: 'h-live' }, s.participant.liveNow), this.liveText, this.liveMeta);
    this.mineList = h('ul', { class: 'questions', attrs: { 'aria-labelledby': 'h-mine' } });
    this.publicList = h('ul', { class: 'questions', attrs: { 'aria-labelledby': 'h-questions' } });
    this.mineEmpty = h('p', { class: 'empty' }, s.participant.noMyQuestions);
    this.publicEmpty = h('p', { class: 'empty' }, s.participant.noQuestions);
    this.mine = new KeyedList(this.mineList, (q) => q.id, () => new MineItem(this));
    this.all = new KeyedList(this.publicList, (q) => q.id, () => new PublicItem(this));
  }

  render(): void {
    const model = this.connection.model;
    const questions = [...model.questions.values()];
    const live = model.liveQuestionId ? model.questions.get(model.liveQuestionId) : undefined;
    this.live.hidden = !live;
    if (live) {
      setText(this.liveText, live.text);
      setText(this.liveMeta, meta(this.s, live, model.speakerName(live.addressedTo)));
    }
    const mine = questions.filter((q) => q.mine || model.mine.has(q.id)).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    this.mine.render(mine);
    this.mineEmpty.hidden = mine.length > 0;
    const visible = questions
      .filter((q) => publicStatuses.has(q.status))
      .sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3) || b.votes - a.votes || a.submittedAt.localeCompare(b.submittedAt));
    this.all.render(visible);
    this.publicEmpty.hidden = visible.length > 0;
    this.shell.gate(this.publicList);
    this.shell.gate(this.mineList);
  }
}
