import type { ParticipantStrings } from '../i18n/en';
import { pickLanguage, stringsFor } from '../i18n/index';
import type { EventSessionView, EventView, RoomView } from '../lib/contracts';
import { h } from '../lib/dom';
import { appRoot, scaffold } from '../lib/page';
import { languageSwitch, setLanguage } from './shared/language';

// The public programme of an event (/e/{id}): its days, rooms and sessions with a join link each,
// what is on now and next in every room, in the venue's time with the visitor's own beside it.
// Read from GET /api/events/{id}, again every 30 s, so "now" and each session's status follow the day.

const REFRESH_MS = 30_000;
const app = appRoot();
const eventId = /^\/e\/([^/]+)\/?$/.exec(location.pathname)?.[1];
let language = pickLanguage();
let programme: EventView | null = null;
let problem: 'notFound' | 'loadFailed' | null = null;

const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function time(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(iso));
}

function dayOf(iso: string, timeZone: string): string {
  // en-CA writes dates as yyyy-MM-dd, the form the API's days use.
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(iso));
}

function dayHeading(day: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(new Date(`${day}T12:00:00Z`));
}

/** "10:00–11:30", and "(08:00–09:30 your time)" when the visitor's clock reads otherwise. */
function when(s: ParticipantStrings['programme'], session: EventSessionView, zone: string): HTMLElement {
  const venue = `${time(session.startsAt, zone)}–${time(session.endsAt, zone)}`;
  const mine = `${time(session.startsAt, visitorZone)}–${time(session.endsAt, visitorZone)}`;
  return h('span', { class: 'programme-time' },
    h('time', { attrs: { datetime: session.startsAt } }, venue),
    mine === venue ? null : h('span', { class: 'programme-yours' }, ` (${s.yourTime(mine)})`));
}

/** The room's session now (running or paused, else the one whose slot holds the present) and the next one. */
function nowAndNext(room: RoomView, now: number): { now: EventSessionView | null; next: EventSessionView | null } {
  const live = room.sessions.filter((x) => x.status === 'Running' || x.status === 'Paused');
  const current = live.at(-1)
    ?? room.sessions.find((x) => x.status === 'NotStarted' && Date.parse(x.startsAt) <= now && now < Date.parse(x.endsAt))
    ?? null;
  const after = current ? Date.parse(current.startsAt) : now;
  const next = room.sessions.find((x) => x !== current && x.status === 'NotStarted' && Date.parse(x.startsAt) > after) ?? null;
  return { now: current, next };
}

function joinLink(s: ParticipantStrings['programme'], session: EventSessionView): HTMLElement | null {
  if (session.status === 'Ended') return null;
  return h('a', { class: 'button small', attrs: { href: `/join/${encodeURIComponent(session.participantCode)}`, 'aria-label': s.joinLabel(session.title) } }, s.join);
}

function sessionItem(s: ParticipantStrings['programme'], session: EventSessionView, zone: string): HTMLElement {
  const status = s.status[session.status];
  return h('li', { class: 'programme-session', attrs: { 'data-status': session.status } },
    when(s, session, zone),
    h('span', { class: 'programme-what' },
      h('span', { class: 'programme-title' }, session.title),
      session.format ? h('span', { class: 'programme-format' }, ` · ${session.format}`) : null,
      status ? h('span', { class: 'badge', attrs: { 'data-status': session.status } }, status) : null),
    joinLink(s, session));
}

function nowPanel(s: ParticipantStrings['programme'], view: EventView): HTMLElement {
  const zone = view.event.timeZone;
  const rows = view.rooms.map((room) => {
    const { now, next } = nowAndNext(room, Date.now());
    return h('li', { class: 'programme-room-now', attrs: { 'data-room': room.name } },
      h('strong', null, room.name),
      h('span', { class: 'programme-now' }, `${s.now}: `, now ? h('span', null, now.title, ` (${s.until(time(now.endsAt, zone))}) `) : s.nothingNow, now ? joinLink(s, now) : null),
      h('span', { class: 'programme-next' }, `${s.next}: `, next ? `${next.title} (${s.at(time(next.startsAt, zone))})` : s.nothingNext));
  });
  return h('section', { class: 'panel programme-now-next', attrs: { 'aria-labelledby': 'h-now' } }, h('h2', { id: 'h-now' }, s.nowAndNext), h('ul', { class: 'plain' }, ...rows));
}

function daySection(s: ParticipantStrings['programme'], view: EventView, day: string): HTMLElement {
  const zone = view.event.timeZone;
  const rooms = view.rooms
    .map((room) => ({ room, sessions: room.sessions.filter((x) => dayOf(x.startsAt, zone) === day) }))
    .filter((r) => r.sessions.length > 0)
    .map(({ room, sessions }) => h('section', { class: 'programme-room' },
      h('h3', null, room.name),
      h('ul', { class: 'plain' }, ...sessions.map((x) => sessionItem(s, x, zone)))));
  return h('section', { class: 'panel programme-day', id: `day-${day}`, attrs: { 'aria-labelledby': `h-${day}` } },
    h('h2', { id: `h-${day}` }, dayHeading(day, zone)), ...rooms);
}

/** Rebuilds the page; the link or control that had the focus keeps it. */
function render(): void {
  const focused = document.activeElement instanceof HTMLElement && app.contains(document.activeElement)
    ? (document.activeElement.getAttribute('aria-label') ?? document.activeElement.getAttribute('href') ?? document.activeElement.id)
    : null;
  build();
  if (focused) {
    const again = [...app.querySelectorAll<HTMLElement>('a, select, button')]
      .find((el) => (el.getAttribute('aria-label') ?? el.getAttribute('href') ?? el.id) === focused);
    again?.focus();
  }
}

function build(): void {
  const all = stringsFor(language);
  const s = all.programme;
  setLanguage(all);
  const parts = scaffold(app, s.pageTitle);
  parts.tools.append(languageSwitch(language, (code) => {
    language = code;
    render();
  }));
  if (problem === 'notFound' || !eventId) {
    parts.title.textContent = s.pageTitle;
    parts.main.append(h('p', { class: 'message error', attrs: { role: 'alert' } }, s.notFound));
    return;
  }
  if (problem === 'loadFailed') parts.main.append(h('p', { class: 'message error', attrs: { role: 'alert' } }, s.loadFailed));
  if (!programme) return;
  const view = programme;
  document.title = `${view.event.title} · ${s.pageTitle} · IgfLive`;
  parts.title.textContent = view.event.title;
  parts.subtitle.textContent = s.venueTime(view.event.timeZone);
  if (view.days.length === 0) {
    parts.main.append(h('p', null, s.empty));
    return;
  }
  const days = h('nav', { class: 'programme-days', attrs: { 'aria-label': s.days } },
    ...view.days.map((day) => h('a', { attrs: { href: `#day-${day}` } }, dayHeading(day, view.event.timeZone))));
  parts.main.append(days, nowPanel(s, view), ...view.days.map((day) => daySection(s, view, day)));
}

async function load(): Promise<void> {
  if (!eventId) return;
  try {
    const response = await fetch(`/api/events/${encodeURIComponent(decodeURIComponent(eventId))}`, { headers: { Accept: 'application/json' } });
    if (response.status === 404) problem = 'notFound';
    else if (!response.ok) problem = 'loadFailed';
    else {
      programme = (await response.json()) as EventView;
      problem = null;
    }
  } catch {
    problem = 'loadFailed';
  }
  render();
  if (problem !== 'notFound') window.setTimeout(() => void load(), REFRESH_MS);
}

render();
void load();
