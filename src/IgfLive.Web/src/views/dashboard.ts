import { en } from '../i18n/en';
import { formatCountdown, tick } from '../lib/clock';
import type { ConflictView, DashboardDto, RoomSummaryDto } from '../lib/contracts';
import { h, setText } from '../lib/dom';
import { EventConnection } from '../lib/eventconnection';
import { appRoot, clockTime, fatal, scaffold, startTime } from '../lib/page';
import { keyFromHash, Shell } from '../lib/shell';

// The secretariat's dashboard (/e/{id}/dashboard#key=…): every room of the event on one screen,
// live over the event hub. Each room's summary comes at most once a second; the segment countdowns
// run here from the clock, so the screen moves between summaries. A room running into its next
// session is flagged on its card and in the warnings at the top, and said to screen readers.

const s = en.dashboard;
const app = appRoot();
const eventId = /^\/e\/([^/]+)\/dashboard\/?$/.exec(location.pathname)?.[1];
const key = keyFromHash();

/** One room's card; redrawn from its latest summary, its countdown on every tick. */
class RoomCard {
  readonly root: HTMLElement;
  summary: RoomSummaryDto;
  private readonly title = h('p', { class: 'room-session' });
  private readonly status = h('span', { class: 'badge' });
  private readonly segment = h('p', { class: 'room-segment' });
  private readonly countdown = h('p', { class: 'room-countdown', attrs: { 'data-volatile': true } });
  private readonly drift = h('p', { class: 'room-drift' });
  private readonly counts = h('p', { class: 'room-counts' });
  private readonly warning = h('p', { class: 'room-warning', attrs: { hidden: true } });
  private readonly next = h('p', { class: 'room-next' });
  private readonly previous = h('p', { class: 'room-previous' });

  constructor(summary: RoomSummaryDto, private readonly zone: string) {
    this.summary = summary;
    const id = `room-${summary.roomId}`;
    this.root = h('section', { class: 'panel room-card', attrs: { 'aria-labelledby': id, 'data-room': summary.roomName } },
      h('h2', { id }, summary.roomName),
      this.warning, h('div', { class: 'room-head' }, this.title, this.status), this.segment, this.countdown, this.drift, this.counts, this.next, this.previous);
    this.render();
  }

  /** Keeps the later of two summaries: a reconnection's answer may cross a newer one on its way. */
  update(summary: RoomSummaryDto): boolean {
    if (Date.parse(summary.at) < Date.parse(this.summary.at)) return false;
    this.summary = summary;
    this.render();
    return true;
  }

  get overrun(): string | null {
    const o = this.summary.overrun;
    return o ? s.overrun(this.summary.roomName, o.minutesLate, clockTime(o.nextStartsAt, this.zone)) : null;
  }

  render(): void {
    const { current, next, previous } = this.summary;
    this.root.dataset['status'] = current?.clock.status ?? 'None';
    this.root.dataset['late'] = String(this.summary.overrun !== null);
    setText(this.title, current?.title ?? s.noSession);
    this.status.hidden = !current;
    setText(this.status, current ? (s.status[current.clock.status] ?? current.clock.status) : '');
    this.status.dataset['status'] = current?.clock.status ?? '';
    const started = current && current.clock.status !== 'NotStarted';
    this.segment.hidden = !started;
    setText(this.segment, current ? s.segment(current.clock.segment + 1, current.segmentCount, current.clock.segmentTitle) : '');
    this.drift.hidden = !current;
    if (current) {
      // Whole minutes by the server's rule for a room's warning (any lateness is a minute started),
      // so the card and its warning never give two figures.
      const late = current.lateMs > 0 ? Math.ceil(current.lateMs / 60_000) : -Math.floor(-current.lateMs / 60_000);
      setText(this.drift, `${late > 0 ? s.late(late) : late < 0 ? s.early(-late) : s.onTime} · ${s.projected(clockTime(current.projectedEnd, this.zone), clockTime(current.endsAt, this.zone))}`);
      this.drift.dataset['late'] = String(late > 0);
    }
    this.counts.hidden = !current;
    setText(this.counts, current ? s.counts(current.questionsWaiting, current.online, current.notes) : '');
    this.warning.hidden = !this.overrun;
    setText(this.warning, this.overrun ?? '');
    setText(this.next, next ? s.next(next.title, startTime(next.startsAt, this.zone)) : s.noNext);
    this.previous.hidden = !previous;
    setText(this.previous, previous ? s.previous(previous.title, previous.notes) : '');
  }

  /** The running segment's time left, drawn from the clock the summary carried. */
  tick(serverNow: number): void {
    const clock = this.summary.current?.clock;
    const show = clock && (clock.status === 'Running' || clock.status === 'Paused');
    this.countdown.hidden = !show;
    if (!show) return;
    const since = clock.status === 'Running' ? serverNow - Date.parse(clock.at) : 0;
    const remaining = clock.segmentRemainingMs - since;
    setText(this.countdown, formatCountdown(remaining));
    this.countdown.dataset['overtime'] = String(remaining < 0);
  }
}

function conflictList(conflicts: ConflictView[]): HTMLElement {
  const items = conflicts.map((c) => h('li', { attrs: { 'data-kind': c.kind } }, c.detail));
  return h('section', { class: 'panel conflicts', attrs: { 'aria-labelledby': 'h-conflicts' } },
    h('h2', { id: 'h-conflicts' }, s.conflicts),
    items.length > 0 ? h('ul', null, ...items) : h('p', null, s.noConflicts));
}

if (!eventId) {
  fatal(app, s.pageTitle, s.missingEvent);
} else if (!key) {
  fatal(app, s.pageTitle, s.missingKey);
} else {
  document.title = `${s.pageTitle} · IgfLive`;
  const parts = scaffold(app, s.pageTitle);
  const shell = new Shell(en.common);
  const cards = new Map<string, RoomCard>();
  const grid = h('div', { class: 'room-grid', attrs: { 'aria-label': s.rooms } });
  const warnings = h('section', { class: 'panel warnings', attrs: { 'aria-labelledby': 'h-warnings', hidden: true } },
    h('h2', { id: 'h-warnings' }, s.warnings), h('ul'));
  const conflicts = h('div');
  let zone = 'UTC';
  let warned = new Set<string>();

  /** The warnings at the top: every room projected to run into its next session; a new one is said aloud. */
  const renderWarnings = () => {
    const now = [...cards.values()].map((c) => c.overrun).filter((w): w is string => w !== null);
    warnings.hidden = now.length === 0;
    warnings.querySelector('ul')!.replaceChildren(...now.map((w) => h('li', null, w)));
    const rooms = new Set([...cards.values()].filter((c) => c.overrun).map((c) => c.summary.roomId));
    for (const card of cards.values()) {
      if (card.overrun && !warned.has(card.summary.roomId)) shell.announce(card.overrun, true);
    }
    warned = rooms;
  };

  const connection = new EventConnection<DashboardDto>({ method: 'WatchEvent', args: [decodeURIComponent(eventId), key] }, (dashboard) => {
    zone = dashboard.event.timeZone;
    document.title = `${s.pageTitle} · ${dashboard.event.title} · IgfLive`;
    setText(parts.title, dashboard.event.title);
    setText(parts.subtitle, s.times(zone));
    for (const summary of dashboard.rooms) {
      const card = cards.get(summary.roomId);
      if (card) card.update(summary);
      else cards.set(summary.roomId, new RoomCard(summary, zone));
    }
    grid.replaceChildren(...dashboard.rooms.map((r) => cards.get(r.roomId)!.root));
    conflicts.replaceChildren(conflictList(dashboard.conflicts));
    renderWarnings();
  }, en.common);
  connection.on<RoomSummaryDto[]>('RoomsSummarised', (summaries) => {
    for (const summary of summaries) cards.get(summary.roomId)?.update(summary);
    renderWarnings();
  });
  shell.attach(connection);
  parts.tools.append(shell.status);
  parts.main.append(shell.banner, shell.messages, warnings, grid, conflicts);
  tick(connection.serverNow, (now) => {
    for (const card of cards.values()) card.tick(now);
  }, 250);
  void connection.start();
}
