import { en } from '../../i18n/en';
import { download, fileNameFor } from '../../lib/download';
import { h } from '../../lib/dom';
import type { SessionListItem } from './api';

const s = en.organiser;

function inZone(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

/** Sessions grouped by day (in each session's own time zone), then by room and start time. */
export function sessionList(sessions: SessionListItem[], key: string, onError: (text: string) => void): HTMLElement {
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
    root.append(h('h3', null, label), h('ul', { class: 'session-list' }, ...items.map((item) => row(item, key, onError))));
  }
  return root;
}

function row(item: SessionListItem, key: string, onError: (text: string) => void): HTMLLIElement {
  const get = (path: string, suffix: string) => () =>
    void download(`/api/sessions/${encodeURIComponent(item.id)}/${path}`, key, fileNameFor(item.title, suffix))
      .then((status) => {
        if (status >= 400) onError(en.staff.downloadFailed(status));
      })
      .catch(() => onError(en.common.offline));
  const link = `${location.origin}/join/${item.participantCode}`;
  return h('li', { class: 'session-item' },
    h('div', { class: 'session-when' },
      h('strong', null, inZone(item.startsAt, item.timeZone, { hour: '2-digit', minute: '2-digit', hour12: false })),
      h('span', { class: 'hint' }, item.timeZone),
      item.room ? h('span', null, item.room) : null),
    h('div', { class: 'session-what' },
      h('p', { class: 'session-title' }, item.title),
      h('p', { class: 'hint' }, s.code(item.participantCode), ' · ', h('a', { attrs: { href: link } }, s.participantLink),
        ' · ', h('a', { attrs: { href: `/screen/${encodeURIComponent(item.participantCode)}`, target: '_blank' } }, s.joinScreen))),
    h('div', { class: 'actions' },
      h('button', { class: 'small', attrs: { type: 'button' }, on: { click: get('report.md', 'report.md') } }, s.report),
      h('button', { class: 'small', attrs: { type: 'button' }, on: { click: get('questions.csv', 'questions.csv') } }, s.csv)));
}
