import { en } from '../../i18n/en';
import { h } from '../../lib/dom';
import type { SessionListItem } from '../../lib/contracts';
import { SessionRow, type RowUi } from './row';

const s = en.organiser;

function inZone(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

/** Sessions grouped by day (in each session's own time zone), then by room and start time. */
export function sessionList(sessions: SessionListItem[], ui: Omit<RowUi, 'inZone'>): HTMLElement {
  if (sessions.length === 0) return h('p', { class: 'empty' }, s.noSessions);
  const days = new Map<string, { label: string; items: SessionListItem[] }>();
  for (const session of sessions) {
    const day = inZone(session.startsAt, session.timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).split('/').reverse().join('-');
    const label = inZone(session.startsAt, session.timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const entry = days.get(day) ?? { label, items: [] };
    entry.items.push(session);
    days.set(day, entry);
  }
  const root = h('div', { class: 'session-days' });
  for (const [, { label, items }] of [...days.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    items.sort((a, b) => (a.room ?? '').localeCompare(b.room ?? '') || a.startsAt.localeCompare(b.startsAt));
    root.append(h('h3', null, label), h('ul', { class: 'session-list' }, ...items.map((item) => new SessionRow(item, { ...ui, inZone }).root)));
  }
  return root;
}
