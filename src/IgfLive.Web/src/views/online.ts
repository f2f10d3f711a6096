import { en } from '../i18n/en';
import type { QuestionDto } from '../lib/contracts';
import { h, KeyedList } from '../lib/dom';
import { QuestionCard } from './online/card';
import { recordForm } from './shared/record';
import { stageMessagePanel } from './shared/stage-message';
import { bootStaff, presenceBadge, run, type StaffPage } from './shared/staff';

const s = en.online;
const page = bootStaff(s.pageTitle, { size: 'compact', showSlot: true }, (p) => [presenceBadge(p)]);

function list(page: StaffPage, id: string, title: string, emptyText: string, onMove?: (card: QuestionCard, delta: number) => void, hint?: string) {
  const ol = h('ol', { class: 'questions', attrs: { 'aria-labelledby': id } });
  const empty = h('p', { class: 'empty' }, emptyText);
  const root = h('section', { class: `panel ${id}`, attrs: { 'aria-labelledby': id } }, h('h2', { id }, title), hint ? h('p', { class: 'hint' }, hint) : null, empty, ol);
  const items = new KeyedList<QuestionDto, QuestionCard>(ol, (q) => q.id, () => new QuestionCard(page, onMove));
  return {
    root,
    ol,
    items,
    render(questions: QuestionDto[]) {
      items.render(questions);
      empty.hidden = questions.length > 0;
    },
  };
}

/** Drag a queued question onto another to put it there; the server decides the final order. */
function enableDrag(page: StaffPage, ol: HTMLOListElement, move: (id: string, position: number) => void): void {
  let dragged: string | null = null;
  const clear = () => ol.querySelectorAll('.drop-before, .drop-after').forEach((el) => el.classList.remove('drop-before', 'drop-after'));
  ol.addEventListener('dragstart', (event) => {
    const li = (event.target as HTMLElement).closest('li');
    if (!li?.dataset['id'] || !page.connection.connected) return event.preventDefault();
    dragged = li.dataset['id'];
    event.dataTransfer?.setData('text/plain', dragged);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    li.classList.add('dragging');
  });
  ol.addEventListener('dragover', (event) => {
    const li = (event.target as HTMLElement).closest('li');
    if (!dragged || !li) return;
    event.preventDefault();
    clear();
    const below = event.clientY > li.getBoundingClientRect().top + li.offsetHeight / 2;
    li.classList.add(below ? 'drop-after' : 'drop-before');
  });
  ol.addEventListener('dragleave', (event) => {
    if (!ol.contains(event.relatedTarget as Node | null)) clear();
  });
  ol.addEventListener('drop', (event) => {
    const li = (event.target as HTMLElement).closest('li');
    event.preventDefault();
    const below = li?.classList.contains('drop-after') ?? false;
    clear();
    if (!dragged || !li?.dataset['id'] || li.dataset['id'] === dragged) return;
    const queue = page.connection.model.onlineQueue;
    const from = queue.indexOf(dragged);
    let to = queue.indexOf(li.dataset['id']) + (below ? 1 : 0);
    if (from < to) to -= 1;
    if (from !== to) move(dragged, to);
  });
  ol.addEventListener('dragend', () => {
    dragged = null;
    clear();
    ol.querySelectorAll('.dragging').forEach((el) => el.classList.remove('dragging'));
  });
}

if (page) {
  const { connection, shell, parts, clock } = page;
  const model = connection.model;

  const move = (id: string, position: number, focus?: number) =>
    void shell.act(() => connection.command('MoveQuestion', id, position), { done: s.moved(position + 1) }).then((result) => {
      if (result && focus !== undefined) queue.items.get(id)?.focusMove(focus);
    });
  const moveBy = (card: QuestionCard, delta: number) => {
    const index = model.onlineQueue.indexOf(card.question.id);
    const to = index + delta;
    if (index < 0 || to < 0 || to >= model.onlineQueue.length) return;
    move(card.question.id, to, delta);
  };

  const incoming = list(page, 'incoming', s.incoming, s.noIncoming);
  const queue = list(page, 'queue', s.queue, s.noQueue, moveBy, s.queueHint);
  const forwarded = list(page, 'forwarded', s.forwarded, s.noForwarded);
  const closed = list(page, 'closed', s.closed, '—');
  enableDrag(page, queue.ol, (id, to) => move(id, to));
  const closedBox = h('details', { class: 'closed-box' }, h('summary', null, s.closed), closed.root);
  closed.root.querySelector('h2')?.classList.add('sr-only');

  parts.header.append(h('div', { class: 'online-clock' }, clock.root));
  parts.main.append(
    h('div', { class: 'online-grid' },
      h('div', { class: 'online-col' }, incoming.root, queue.root),
      h('div', { class: 'online-col' },
        forwarded.root,
        h('details', { class: 'panel record', attrs: { open: true } }, h('summary', null, en.staff.recordTitle), recordForm(page, 'Online')),
        stageMessagePanel(page),
        closedBox)),
  );

  connection.onChange(() => {
    const all = [...model.questions.values()].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    incoming.render(all.filter((q) => q.status === 'Submitted'));
    const approved = model.onlineQueue.map((id) => model.questions.get(id)).filter((q): q is QuestionDto => !!q);
    queue.render(approved);
    approved.forEach((q, i) => {
      const card = queue.items.get(q.id);
      card?.setEnds(i === 0, i === approved.length - 1);
      if (card) card.root.draggable = true;
    });
    const rank: Record<string, number> = { Live: 0, Forwarded: 1, Answered: 2 };
    forwarded.render(all.filter((q) => q.status in rank).sort((a, b) => rank[a.status]! - rank[b.status]!));
    closed.render(all.filter((q) => q.status === 'Rejected' || q.status === 'Merged' || q.status === 'Withdrawn'));
    shell.gate();
  });

  connection.onHappening((happening) => {
    if (happening.kind !== 'question') return;
    const q = happening.question;
    if (happening.type === 'QuestionSubmitted' && q.status === 'Submitted') {
      shell.announce(s.newQuestion(q.authorName ?? en.common.anonymous));
    }
  });

  run(page);
}
