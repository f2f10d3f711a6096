import { en } from '../i18n/en';
import type { QuestionDto } from '../lib/contracts';
import { h } from '../lib/dom';
import { Shortcuts } from '../lib/shortcuts';
import { enableDrag } from './online/drag';
import { QuestionList } from './online/lists';
import { TriageFilter } from './online/filter';
import { recordForm } from './shared/record';
import { stageMessagePanel } from './shared/stage-message';
import { bootStaff, presenceBadge, questionsSwitch, run } from './shared/staff';

const s = en.online;
const page = bootStaff(s.pageTitle, { size: 'compact', showSlot: true }, (p) => [presenceBadge(p)]);

if (page) {
  const { connection, shell, parts, clock } = page;
  const model = connection.model;

  const move = (id: string, position: number, focus?: number) =>
    void shell.act(() => connection.command('MoveQuestion', id, position), { done: s.moved(position + 1) }).then((result) => {
      if (result && focus !== undefined) queue.items.get(id)?.focusMove(focus);
    });
  const moveBy = (card: { question: QuestionDto }, delta: number) => {
    const index = model.onlineQueue.indexOf(card.question.id);
    const to = index + delta;
    if (index < 0 || to < 0 || to >= model.onlineQueue.length) return;
    move(card.question.id, to, delta);
  };

  const incoming = new QuestionList(page, 'incoming', s.incoming, s.noIncoming);
  const queue = new QuestionList(page, 'queue', s.queue, s.noQueue, moveBy, s.queueHint);
  const forwarded = new QuestionList(page, 'forwarded', s.forwarded, s.noForwarded);
  const closed = new QuestionList(page, 'closed', s.closed, '—');
  const lists = [incoming, queue, forwarded, closed];
  enableDrag(page, queue.ol, (id, to) => move(id, to));
  const closedBox = h('details', { class: 'closed-box' }, h('summary', null, s.closed), closed.root);
  closed.root.querySelector('h2')?.classList.add('sr-only');
  const filter = new TriageFilter(() => render());

  // Single keys act on the focused question; never while typing (search, editors, the record form).
  const onCard = (action: 'approve' | 'send' | 'edit' | 'merge' | 'reject') => () => {
    if (!lists.some((list) => list.focusedCard()?.press(action))) shell.announce(s.noFocusedQuestion);
  };
  const step = (delta: number) => () => {
    const list = lists.find((l) => l.focusedCard()) ?? null;
    if (list) list.step(delta);
    else lists.some((l) => l.focusFirst());
  };
  const shortcuts = new Shortcuts({ on: s.shortcuts, off: en.staff.shortcutsOff }, [
    { keys: ['a', 'A'], run: onCard('approve') },
    { keys: ['s', 'S'], run: onCard('send') },
    { keys: ['e', 'E'], run: onCard('edit') },
    { keys: ['m', 'M'], run: onCard('merge') },
    { keys: ['r', 'R'], run: onCard('reject') },
    { keys: ['j', 'ArrowDown'], run: step(1) },
    { keys: ['k', 'ArrowUp'], run: step(-1) },
  ]);

  parts.header.append(h('div', { class: 'online-clock' }, clock.root));
  parts.main.append(
    h('div', { class: 'online-tools panel' }, filter.root, questionsSwitch(page), shortcuts.hint),
    h('div', { class: 'online-grid' },
      h('div', { class: 'online-col' }, incoming.root),
      h('div', { class: 'online-col' }, queue.root, forwarded.root)),
    h('div', { class: 'online-grid online-lower' },
      h('div', { class: 'online-col' },
        h('details', { class: 'panel record', attrs: { open: true } }, h('summary', null, en.staff.recordTitle), recordForm(page, 'Online')),
        closedBox),
      h('div', { class: 'online-col' }, stageMessagePanel(page))),
  );

  const render = () => {
    const all = [...model.questions.values()].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    incoming.render(filter.apply(all.filter((q) => q.status === 'Submitted')));
    const approved = model.onlineQueue.map((id) => model.questions.get(id)).filter((q): q is QuestionDto => !!q);
    // The queue keeps the moderator's order (that is what it is); search only narrows it.
    const shownQueue = filter.narrow(approved);
    queue.render(shownQueue);
    shownQueue.forEach((q) => {
      const card = queue.items.get(q.id);
      const at = approved.indexOf(q);
      card?.setEnds(at === 0, at === approved.length - 1);
      if (card) card.root.draggable = shownQueue.length === approved.length;
    });
    const rank: Record<string, number> = { Live: 0, Forwarded: 1, Answered: 2 };
    forwarded.render(filter.apply(all.filter((q) => q.status in rank)).sort((a, b) => rank[a.status]! - rank[b.status]!));
    closed.render(filter.apply(all.filter((q) => q.status === 'Rejected' || q.status === 'Merged' || q.status === 'Withdrawn')));
    filter.count(all.length, incoming.ol.children.length + queue.ol.children.length + forwarded.ol.children.length + closed.ol.children.length);
    shell.gate();
  };
  connection.onChange(render);

  connection.onHappening((happening) => {
    if (happening.kind !== 'question') return;
    const q = happening.question;
    if (happening.type === 'QuestionSubmitted' && q.status === 'Submitted') {
      shell.announce(s.newQuestion(q.authorName ?? en.common.anonymous));
    }
  });

  run(page);
}
