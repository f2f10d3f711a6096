import type { QuestionDto } from '../../lib/contracts';
import { h, KeyedList } from '../../lib/dom';
import type { StaffPage } from '../shared/staff';
import { QuestionCard } from './card';

/**
 * One list of the console (incoming, the online queue, sent to the room, closed): its cards in
 * order, an empty line, and keyboard focus that moves like a list's — the arrow keys go from card
 * to card (one tab stop per list), and when the focused card leaves the list (approved, sent,
 * rejected) the focus goes to the card that took its place, not to the page's top.
 */
export class QuestionList {
  readonly root: HTMLElement;
  readonly ol: HTMLOListElement;
  readonly items: KeyedList<QuestionDto, QuestionCard>;
  private readonly empty: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private order: string[] = [];
  /** The card that last had the focus in this list, while the focus has not gone elsewhere. */
  private lastFocus: { id: string; index: number } | null = null;

  constructor(page: StaffPage, readonly id: string, title: string, emptyText: string, onMove?: (card: QuestionCard, delta: number) => void, hint?: string) {
    this.ol = h('ol', { class: 'questions', attrs: { 'aria-labelledby': id } });
    this.empty = h('p', { class: 'empty' }, emptyText);
    this.heading = h('h2', { id, attrs: { tabindex: -1 } }, title);
    this.root = h('section', { class: `panel ${id}`, attrs: { 'aria-labelledby': id } }, this.heading, hint ? h('p', { class: 'hint' }, hint) : null, this.empty, this.ol);
    this.items = new KeyedList<QuestionDto, QuestionCard>(this.ol, (q) => q.id, () => new QuestionCard(page, onMove));
    document.addEventListener('focusin', (event) => {
      const li = event.target instanceof Element ? event.target.closest('li.q') : null;
      const id = li && this.ol.contains(li) ? (li as HTMLElement).dataset['key'] : undefined;
      this.lastFocus = id ? { id, index: this.order.indexOf(id) } : null;
    });
  }

  render(questions: QuestionDto[]): void {
    this.items.render(questions);
    this.order = questions.map((q) => q.id);
    this.empty.hidden = questions.length > 0;
    const last = this.lastFocus;
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (last && !this.order.includes(last.id) && lost) {
      // The focused card left (approved, sent, rejected): the one that took its place gets the focus.
      const next = this.order[Math.min(last.index, this.order.length - 1)];
      if (next) this.items.get(next)?.root.focus();
      else this.heading.focus();
    }
    this.roveTabStop();
  }

  /** The card that holds (or contains) the focus, if it is in this list. */
  focusedCard(): QuestionCard | null {
    const li = document.activeElement instanceof Element ? document.activeElement.closest('li.q') : null;
    if (!li || !this.ol.contains(li)) return null;
    return this.items.get((li as HTMLElement).dataset['key'] ?? '') ?? null;
  }

  /** Moves the focus up or down the list; false at its ends. */
  step(delta: number): boolean {
    const at = this.focusedIndex();
    const to = at === null ? (delta > 0 ? 0 : this.order.length - 1) : at + delta;
    const id = this.order[to];
    if (id === undefined) return false;
    this.items.get(id)?.root.focus();
    this.roveTabStop();
    return true;
  }

  focusFirst(): boolean {
    const id = this.order[0];
    if (id === undefined) return false;
    this.items.get(id)?.root.focus();
    return true;
  }

  private focusedIndex(): number | null {
    const li = document.activeElement instanceof Element ? document.activeElement.closest('li.q') : null;
    if (!li) return null;
    const index = this.order.indexOf((li as HTMLElement).dataset['key'] ?? '');
    return this.ol.contains(li) && index >= 0 ? index : null;
  }

  /** One tab stop per list: the focused card, else the first. */
  private roveTabStop(): void {
    const focused = this.focusedCard()?.root ?? this.ol.firstElementChild;
    for (const li of this.ol.children) (li as HTMLElement).tabIndex = li === focused ? 0 : -1;
  }
}
