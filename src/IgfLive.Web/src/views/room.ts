import { en } from '../i18n/en';
import { formatCountdown, tick } from '../lib/clock';
import type { RoomSessionDto, RoomStateDto } from '../lib/contracts';
import { h, setText } from '../lib/dom';
import { EventConnection } from '../lib/eventconnection';
import { appRoot, clockTime, fatal, startTime } from '../lib/page';
import { keyFromHash, Shell } from '../lib/shell';
import { keepScreenAwake } from '../lib/wakelock';
import { showOnsite } from './onsite/view';
import { showStage } from './stage/display';

// A room's own screens, which follow its programme by themselves:
// - /e/{id}/rooms/{room}/stage#key=… shows the stage display of the session the room is in, and
//   between sessions "Next: <title> at 16:30" with a countdown to its start;
// - /e/{id}/rooms/{room}/desk#key=… opens the onsite moderator's view of the current session (else
//   the next one), with the room's current and next session above it.
// The room is watched over the event hub; when the session to show changes, the page loads again,
// so each session gets a fresh view of its own.

const s = en.room;
const app = appRoot();
const match = /^\/e\/([^/]+)\/rooms\/([^/]+)\/(stage|desk)\/?$/.exec(location.pathname);
const key = keyFromHash();

function statusName(status: string): string {
  return en.dashboard.status[status] ?? status;
}

/** The screen between two sessions: the room, the time of day, and the next session counting down. */
class Between {
  readonly root: HTMLElement;
  private readonly room = h('h1', { class: 'stage-title' });
  private readonly now = h('p', { class: 'stage-now', attrs: { 'data-volatile': true } });
  private readonly next = h('p', { class: 'room-next-title' });
  private readonly countdown = h('p', { class: 'room-next-countdown clock-time', attrs: { 'data-volatile': true } });
  private state: RoomStateDto | null = null;

  constructor(readonly shell: Shell) {
    this.root = h('main', { id: 'main', class: 'stage-main room-between' },
      h('div', { class: 'stage-top' }, this.room, this.now), this.next, this.countdown, h('div', { class: 'stage-foot' }, shell.status));
  }

  show(state: RoomStateDto): void {
    this.state = state;
    document.title = `${state.roomName} · IgfLive`;
    setText(this.room, state.roomName);
    const next = state.next;
    setText(this.next, next ? s.next(next.title, startTime(next.startsAt, state.timeZone)) : s.noMore);
  }

  tick(serverNow: number): void {
    if (!this.state) return;
    setText(this.now, clockTime(new Date(serverNow).toISOString(), this.state.timeZone));
    const next = this.state.next;
    this.countdown.hidden = !next;
    if (next) setText(this.countdown, s.startsIn(formatCountdown(Math.max(0, Date.parse(next.startsAt) - serverNow))));
  }
}

/** The desk's strip above the onsite view: which session the room is in and which comes next. */
function deskStrip(state: RoomStateDto): HTMLElement {
  const line = (session: RoomSessionDto | null, text: (x: RoomSessionDto) => string) => (session ? h('span', null, text(session)) : null);
  return h('p', { class: 'room-strip', attrs: { 'data-room': state.roomName } },
    h('strong', null, state.roomName), ' ',
    line(state.current, (x) => s.deskNow(x.title, statusName(x.status))), ' ',
    line(state.next, (x) => s.deskNext(x.title, startTime(x.startsAt, state.timeZone), statusName(x.status))));
}

if (!match || !key) {
  fatal(app, match?.[3] === 'desk' ? s.deskTitle : s.stageTitle, s.missingLink);
} else {
  const [, eventId, roomId, screen] = match;
  const desk = screen === 'desk';
  const shell = new Shell(en.common);
  const between = new Between(shell);
  let latest: RoomStateDto | null = null;
  /** The session this page shows; it never changes without a reload. */
  let shown: string | null = null;
  let strip: HTMLElement | null = null;

  const show = (state: RoomStateDto) => {
    if (latest && Date.parse(state.at) < Date.parse(latest.at)) return;
    latest = state;
    const target = desk ? (state.current ?? state.next) : state.current;
    if (shown !== null && target?.sessionId !== shown) {
      location.reload();
      return;
    }
    if (shown === null && target?.key) {
      shown = target.sessionId;
      if (desk) {
        const page = showOnsite({ sessionId: target.sessionId, key: target.key });
        strip = page ? deskStrip(state) : null;
        if (strip) page!.parts.main.prepend(strip);
      } else {
        showStage(app, target.sessionId, target.key);
      }
      return;
    }
    if (shown !== null && strip) {
      const fresh = deskStrip(state);
      strip.replaceWith(fresh);
      strip = fresh;
      return;
    }
    if (shown === null) {
      if (!between.root.isConnected) app.replaceChildren(between.root, shell.banner);
      between.show(state);
    }
  };

  const connection = new EventConnection<RoomStateDto>({ method: 'WatchRoom', args: [decodeURIComponent(eventId!), decodeURIComponent(roomId!), key] }, show, en.common);
  connection.on<RoomStateDto>('RoomChanged', show);
  shell.attach(connection);
  shell.banner.classList.add('stage-offline');
  if (!desk) {
    document.body.classList.add('view-stage');
    keepScreenAwake(document.body);
  }
  tick(connection.serverNow, (now) => between.tick(now), 250);
  connection.onState((state) => {
    if (state === 'refused' && shown === null) fatal(app, desk ? s.deskTitle : s.stageTitle, connection.refusal?.message ?? s.missingLink);
  });
  void connection.start();
}
