import { en } from '../i18n/en';
import { tick } from '../lib/clock';
import { ClockWidget } from '../lib/clockwidget';
import { SessionConnection } from '../lib/connection';
import { h, setText } from '../lib/dom';
import { appRoot, fatal } from '../lib/page';
import { keyFromHash, sessionIdFromPath, Shell } from '../lib/shell';

// The stage display: the speaker's clock, readable from the back of the room, with the
// moderator's messages. No controls; F (or a double click) toggles full screen.

const app = appRoot();
const sessionId = sessionIdFromPath();
const key = keyFromHash();

if (!sessionId || !key) {
  fatal(app, en.stage.pageTitle, sessionId ? en.common.missingKey : en.common.missingSession);
} else {
  const shell = new Shell(en.common);
  const connection = new SessionConnection({ sessionId, key, messages: en.common });
  shell.attach(connection);
  const clock = new ClockWidget(connection, en.common, { size: 'stage', showSlot: true });
  const title = h('h1', { class: 'stage-title' }, en.stage.pageTitle);
  const message = h('p', { class: 'stage-banner', attrs: { role: 'status', hidden: true } });
  const main = h('main', { id: 'main', class: 'stage-main' }, title, clock.root, message);
  app.replaceChildren(main, h('div', { class: 'stage-corner' }, shell.status), shell.banner);
  shell.banner.classList.add('stage-offline');

  connection.onChange(() => {
    const model = connection.model;
    document.title = `${en.stage.pageTitle} · ${model.session.title} · IgfLive`;
    setText(title, model.session.title);
    const m = model.stageMessage;
    message.hidden = !m;
    setText(message, m?.text ?? '');
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

  tick(connection.serverNow, (now) => {
    clock.render(now);
    if (!connection.model.loaded) return;
    const slot = clock.root.dataset['slot'] === 'true';
    document.body.dataset['threshold'] = (slot ? clock.root.dataset['slotThreshold'] : clock.root.dataset['threshold']) ?? 'normal';
  });
  void connection.start();
}
