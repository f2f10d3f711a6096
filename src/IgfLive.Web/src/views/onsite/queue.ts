import { en } from '../../i18n/en';
import type { QueueAdviceDto, QuestionDto } from '../../lib/contracts';
import { InlineChoice } from '../../lib/choice';
import { commandButton, h, KeyedList, setText } from '../../lib/dom';
import { questionMeta, type StaffPage } from '../shared/staff';

const s = en.onsite;

/** Whether this device keeps the room's queue folded away (a podium screen short of space). */
const collapsedKey = 'igflive.onsite.queueCollapsed';

/** Reasons the onsite moderator can give when dropping a forwarded question; its author reads them, in their language. */
const dropReasons = [{ code: 'covered', label: s.dropCovered }, { code: 'no_time', label: s.dropNoTime }] as const;

/**
 * A forwarded question in the room's queue, to ask now or to drop, as far as the server offers
 * either (the question's `actions`). Dropping rejects it with one of two fixed reasons, chosen in
 * a second step so that one stray tap at the podium drops nothing.
 */
class QueueItem {
  readonly root: HTMLLIElement;
  private readonly channel = h('span', { class: 'badge channel' });
  private readonly text = h('p', { class: 'q-text' });
  private readonly meta = h('p', { class: 'q-meta' });
  private readonly choice = h('div', { class: 'q-editor' });
  private readonly live: HTMLButtonElement;
  private readonly drop: HTMLButtonElement;
  private readonly dropChoice: InlineChoice;
  private question!: QuestionDto;

  constructor(private readonly page: StaffPage, private readonly onDropped: () => void) {
    this.live = commandButton(s.makeLive, () => void page.shell.act(() => page.connection.command('MakeQuestionLive', this.question.id), { button: this.live }), { class: 'primary', attrs: { 'aria-describedby': 'ask-wait' } });
    this.drop = commandButton(s.drop, () => this.openChoice(), { attrs: { 'aria-expanded': 'false' } });
    this.dropChoice = new InlineChoice(this.choice, this.drop);
    this.root = h('li', { class: 'q' }, h('div', { class: 'q-body' }, this.channel, this.text, this.meta, this.choice), h('div', { class: 'q-actions' }, this.live, this.drop));
  }

  update(q: QuestionDto): void {
    this.question = q;
    this.root.dataset['status'] = q.status.toLowerCase();
    this.root.dataset['channel'] = q.channel.toLowerCase();
    setText(this.channel, en.common.channel[q.channel] ?? q.channel);
    setText(this.text, q.text);
    setText(this.meta, questionMeta(this.page.connection.model, q));
    this.live.hidden = !q.actions.includes('MakeQuestionLive');
    this.drop.hidden = !q.actions.includes('RejectQuestionFor');
    if (this.drop.hidden) this.dropChoice.close(false);
    // Only one question can be live: the next waits until the current one is answered.
    this.live.dataset['off'] = String(this.page.connection.model.liveQuestionId !== null);
  }

  private openChoice(): void {
    const reasons = dropReasons.map((reason) => {
      const button: HTMLButtonElement = commandButton(reason.label, () => void this.page.shell.act(() => this.page.connection.command('RejectQuestionFor', this.question.id, reason.code), { button, done: s.dropped }).then((result) => {
        if (result) this.onDropped();
      }), { class: 'danger' });
      return button;
    });
    this.page.shell.gate(this.dropChoice.open(s.dropWhy, reasons, { label: s.keep }));
  }
}

/**
 * The question being asked now, and the forwarded queue in the suggested order (alternating
 * online and floor), with how many fit in the time left of the segment.
 */
export class OnsiteQueue {
  readonly live: HTMLElement;
  readonly queue: HTMLElement;
  private readonly liveText = h('p', { class: 'live-text' });
  private readonly liveMeta = h('p', { class: 'q-meta' });
  private readonly liveEmpty = h('p', { class: 'empty' }, s.noLive);
  private readonly answered: HTMLButtonElement;
  private readonly fit = h('p', { class: 'fit', attrs: { 'data-volatile': true } });
  private readonly alternate = h('p', { class: 'hint' }, s.alternate);
  /** Why "Ask now" is greyed out while a question is being asked. */
  private readonly wait = h('p', { id: 'ask-wait', class: 'hint wait', attrs: { hidden: true } }, s.askWait);
  private readonly empty = h('p', { class: 'empty' }, s.noQueue);
  private readonly items: KeyedList<QuestionDto, QueueItem>;
  private readonly body: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private collapsed = false;
  private count = 0;
  private advice: QueueAdviceDto | null = null;
  private adviceTimer: number | undefined;

  constructor(private readonly page: StaffPage) {
    this.answered = commandButton(s.answered, () => {
      const id = page.connection.model.liveQuestionId;
      if (id) void page.shell.act(() => page.connection.command('MarkQuestionAnswered', id), { button: this.answered });
    }, { class: 'primary' });
    this.live = h('section', { class: 'panel live-panel', attrs: { 'aria-labelledby': 'h-live' } },
      h('h2', { id: 'h-live' }, s.live), this.liveEmpty, this.liveText, this.liveMeta, h('div', { class: 'actions' }, this.answered));
    const list = h('ol', { class: 'questions', attrs: { 'aria-labelledby': 'h-queue' } });
    const heading = h('h2', { id: 'h-queue', attrs: { tabindex: -1 } }, s.queue);
    // A dropped question leaves the list: the focus goes back to its heading, not to the page's top.
    this.items = new KeyedList(list, (q) => q.id, () => new QueueItem(page, () => heading.focus()));
    this.body = h('div', { id: 'queue-body', class: 'queue-body' }, this.fit, this.wait, this.alternate, this.empty, list);
    this.toggle = h('button', { class: 'small', attrs: { type: 'button', 'aria-controls': 'queue-body' }, on: { click: () => this.collapse(!this.collapsed) } });
    this.queue = h('section', { class: 'panel queue', attrs: { 'aria-labelledby': 'h-queue' } },
      h('div', { class: 'panel-head' }, heading, this.toggle), this.body);
    this.collapse(localStorage.getItem(collapsedKey) === 'true');
    // The fit depends on the time left, which changes as the clock runs.
    window.setInterval(() => this.refreshAdvice(), 30_000);
    page.connection.onState((state) => {
      if (state === 'connected') this.refreshAdvice();
    });
  }

  render(): void {
    const model = this.page.connection.model;
    const live = model.liveQuestionId ? model.questions.get(model.liveQuestionId) : undefined;
    this.liveEmpty.hidden = !!live;
    this.liveText.hidden = !live;
    this.liveMeta.hidden = !live;
    this.answered.hidden = !live?.actions.includes('MarkQuestionAnswered');
    if (live) {
      setText(this.liveText, live.text);
      setText(this.liveMeta, questionMeta(model, live));
    }
    const order = this.order();
    this.items.render(order.map((id) => model.questions.get(id)).filter((q): q is QuestionDto => !!q));
    this.empty.hidden = order.length > 0;
    this.wait.hidden = order.length === 0 || !live;
    this.alternate.hidden = order.length < 2;
    this.fit.hidden = order.length === 0 || !this.advice;
    this.count = order.length;
    this.showToggle();
    if (this.advice) setText(this.fit, s.fit(Math.min(this.advice.fitInTimeLeft, order.length), order.length));
    this.page.shell.gate(this.live);
    this.page.shell.gate(this.queue);
  }

  private collapse(collapsed: boolean): void {
    this.collapsed = collapsed;
    this.body.hidden = collapsed;
    try {
      localStorage.setItem(collapsedKey, String(collapsed));
    } catch {
      // Without storage the choice lasts as long as the page.
    }
    this.showToggle();
  }

  private showToggle(): void {
    this.toggle.setAttribute('aria-expanded', String(!this.collapsed));
    setText(this.toggle, this.collapsed ? s.showQueue(this.count) : s.hideQueue);
  }

  /** Asks the server again soon (coalescing bursts of events into one call). */
  refreshAdvice(): void {
    window.clearTimeout(this.adviceTimer);
    this.adviceTimer = window.setTimeout(() => void this.fetchAdvice(), 150);
  }

  private async fetchAdvice(): Promise<void> {
    if (!this.page.connection.connected) return;
    try {
      this.advice = await this.page.connection.invoke<QueueAdviceDto>('GetQueueAdvice');
      this.render();
    } catch {
      // Advice is a hint; the queue itself is still shown in the order it was sent.
    }
  }

  /** The server's suggested order, as long as it still matches the queue; else the queue as sent. */
  private order(): string[] {
    const queue = this.page.connection.model.onsiteQueue;
    const suggested = this.advice?.suggestedOrder ?? [];
    const same = suggested.length === queue.length && suggested.every((id) => queue.includes(id));
    return same ? suggested : queue;
  }
}
