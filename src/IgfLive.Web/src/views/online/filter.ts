import { en } from '../../i18n/en';
import type { QuestionDto } from '../../lib/contracts';
import { h, setText } from '../../lib/dom';

const s = en.online;

type Order = 'oldest' | 'newest' | 'votes';

/**
 * Search and sort for the console. Search narrows every list to the questions whose words, author
 * or organisation contain what was typed; the order applies to the lists that have no order of
 * their own (the online queue keeps the moderator's).
 */
export class TriageFilter {
  readonly root: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly order: HTMLSelectElement;
  private readonly shown = h('p', { class: 'hint', attrs: { 'aria-live': 'polite', 'data-volatile': true } });

  constructor(onChange: () => void) {
    this.search = h('input', { id: 'triage-search', attrs: { type: 'search', autocomplete: 'off', placeholder: s.searchHint } });
    this.order = h('select', { id: 'triage-order' },
      h('option', { attrs: { value: 'oldest' } }, s.orderOldest),
      h('option', { attrs: { value: 'newest' } }, s.orderNewest),
      h('option', { attrs: { value: 'votes' } }, s.orderVotes));
    this.search.addEventListener('input', onChange);
    this.order.addEventListener('change', onChange);
    this.root = h('div', { class: 'triage-filter', attrs: { role: 'search' } },
      h('div', { class: 'field' }, h('label', { attrs: { for: this.search.id } }, s.search), this.search),
      h('div', { class: 'field' }, h('label', { attrs: { for: this.order.id } }, s.order), this.order),
      this.shown);
  }

  /** Narrowed by the search and put in the chosen order. */
  apply(questions: QuestionDto[]): QuestionDto[] {
    const narrowed = this.narrow(questions);
    const by = this.order.value as Order;
    if (by === 'newest') return narrowed.reverse();
    if (by === 'votes') return narrowed.sort((a, b) => b.votes - a.votes || a.submittedAt.localeCompare(b.submittedAt));
    return narrowed;
  }

  /** Narrowed by the search, order kept. */
  narrow(questions: QuestionDto[]): QuestionDto[] {
    const words = this.search.value.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [...questions];
    return questions.filter((q) => {
      const haystack = [q.id, q.text, q.authorName, q.organisation, q.stakeholderGroup].filter(Boolean).join(' ').toLocaleLowerCase();
      return words.every((w) => haystack.includes(w));
    });
  }

  count(total: number, shown: number): void {
    this.shown.hidden = !this.search.value.trim();
    setText(this.shown, s.shown(shown, total));
  }
}
