import { en } from '../../i18n/en';
import { tick } from '../../lib/clock';
import { ClockWidget } from '../../lib/clockwidget';
import { SessionConnection } from '../../lib/connection';
import { h, setText } from '../../lib/dom';
import { clockTime } from '../../lib/page';
import { Shell } from '../../lib/shell';
import { keepScreenAwake } from '../../lib/wakelock';
import { StageBanner } from './banner';

// The stage display: the speaker's clock, readable from the back of the room, with the
// moderator's messages, the time of day and when the session will end. No controls; F (or a
// double click) toggles full screen.

const s = en.stage;

/** Shows the stage display of one session in `app` and connects (its own page, or a room's screen). */
export function showStage(app: HTMLElement, sessionId: string, key: string): void {
  const shell = new Shell(en.common);
  const connection = new SessionConnection({ sessionId, key, messages: en.common });
  shell.attach(connection);
  const clock = new ClockWidget(connection, en.common, { size: 'stage', showSlot: true });
  const title = h('h1', { class: 'stage-title' }, s.pageTitle);
  const now = h('p', { class: 'stage-now', attrs: { 'aria-label': s.timeOfDay, 'data-volatile': true } });
  const ends = h('p', { class: 'stage-ends', attrs: { 'data-volatile': true } });
  const banner = new StageBanner();
  const main = h('main', { id: 'main', class: 'stage-main' },
    h('div', { class: 'stage-top' }, title, now),
    clock.root,
    banner.root,
    h('div', { class: 'stage-foot' }, ends, shell.status));
  app.replaceChildren(main, shell.banner);
  shell.banner.classList.add('stage-offline');

  connection.onChange(() => {
    const model = connection.model;
    document.title = `${s.pageTitle} · ${model.session.title} · IgfLive`;
    setText(title, model.session.title);
    banner.show(model.stageMessage);
  });
  connection.onHappening((happening) => {
    if (happening.kind === 'cue' && happening.cue !== 'Takeaways') {
      const t = connection.model.clock.segmentTitle;
      shell.announce(happening.cue === 'Warning' ? en.common.cue.Warning(t) : happening.cue === 'Critical' ? en.common.cue.Critical(t) : en.common.cue.Overtime(t));
    }
  });

  const fullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  document.addEventListener('keydown', (event) => {
    if ((event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey && !event.altKey) fullScreen();
  });
  main.addEventListener('dblclick', fullScreen);
  keepScreenAwake(document.body);

  tick(connection.serverNow, (serverNow) => {
    const reading = clock.render(serverNow);
    if (!reading) return;
    const model = connection.model;
    const zone = model.session.timeZone;
    const status = model.clock.status;
    const slot = clock.root.dataset['slot'] === 'true';
    // Paused outranks the time thresholds: from the back of the room "stopped" must read at once.
    document.body.dataset['threshold'] = (slot ? clock.root.dataset['slotThreshold'] : clock.root.dataset['threshold']) ?? 'normal';
    document.body.dataset['status'] = status.toLowerCase();
    setText(now, clockTime(new Date(serverNow).toISOString(), zone));
    ends.hidden = status === 'Ended';
    const projected = Date.parse(model.clock.scheduledEnd) + reading.driftMs;
    const late = Math.round(reading.driftMs / 60000);
    const when = clockTime(new Date(status === 'NotStarted' ? Date.parse(model.session.scheduledEnd) : projected).toISOString(), zone);
    setText(ends, [s.endsAt(when), status !== 'NotStarted' && late > 0 ? s.late(late) : status !== 'NotStarted' && late < 0 ? s.early(-late) : null].filter(Boolean).join(' · '));
  });
  void connection.start();
}
