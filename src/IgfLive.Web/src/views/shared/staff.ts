import { en } from '../../i18n/en';
import { tick } from '../../lib/clock';
import { ClockWidget, type ClockWidgetOptions } from '../../lib/clockwidget';
import { SessionConnection } from '../../lib/connection';
import type { QuestionDto } from '../../lib/contracts';
import { commandButton, h, setText } from '../../lib/dom';
import type { SessionModel } from '../../lib/model';
import { appRoot, clockTime, fatal, scaffold, type PageParts } from '../../lib/page';
import { keyFromHash, sessionIdFromPath, Shell } from '../../lib/shell';

export interface StaffPage {
  readonly connection: SessionConnection;
  readonly shell: Shell;
  readonly parts: PageParts;
  readonly clock: ClockWidget;
  readonly key: string;
  readonly sessionId: string;
}

/** The session a staff view opens and its role's key. */
export interface StaffLink {
  sessionId: string;
  key: string;
}

/**
 * Starts a staff view (/s/{id}/{role}#key=…, or the session `link` names): checks the link, builds
 * the header with the connection state and a clock, and connects. Returns null (after saying why) for a bad link.
 */
export function bootStaff(roleName: string, clockOptions: ClockWidgetOptions, extraTools?: (page: StaffPage) => Node[], link?: StaffLink): StaffPage | null {
  const app = appRoot();
  const sessionId = link?.sessionId ?? sessionIdFromPath();
  const key = link?.key ?? keyFromHash();
  if (!sessionId || !key) {
    fatal(app, roleName, sessionId ? en.common.missingKey : en.common.missingSession);
    return null;
  }
  document.title = `${roleName} · IgfLive`;
  const parts = scaffold(app, roleName);
  const shell = new Shell(en.common);
  const connection = new SessionConnection({ sessionId, key, messages: en.common });
  shell.attach(connection);
  const clock = new ClockWidget(connection, en.common, clockOptions);
  const page: StaffPage = { connection, shell, parts, clock, key, sessionId };
  parts.tools.append(...(extraTools?.(page) ?? []), shell.status);
  parts.main.append(shell.banner, shell.messages);
  connection.onChange(() => {
    const session = connection.model.session;
    document.title = `${roleName} · ${session.title} · IgfLive`;
    setText(parts.title, session.title);
    setText(parts.subtitle, [session.room, `${clockTime(session.startsAt, session.timeZone)}–${clockTime(session.scheduledEnd, session.timeZone)} (${session.timeZone})`, `code ${session.participantCode}`].filter(Boolean).join(' · '));
  });
  // A link opened with a different key is a different person: start over.
  window.addEventListener('hashchange', () => location.reload());
  return page;
}

/** Starts ticking the clock and connecting, once the view has registered its listeners. */
export function run(page: StaffPage, onTick?: (now: number) => void): void {
  tick(page.connection.serverNow, (now) => {
    page.clock.render(now);
    onTick?.(now);
  });
  void page.connection.start();
}

/** "Alice Moreau · Digital Rights Lab · Civil Society · Online · to Liyun Han · 15:04 · 3 votes" */
export function questionMeta(model: SessionModel, q: QuestionDto): string {
  const c = en.common;
  const speaker = model.speakerName(q.addressedTo);
  return [
    en.staff.author(q.authorName, q.organisation, q.stakeholderGroup),
    c.channel[q.channel] ?? q.channel,
    speaker ? c.to(speaker) : null,
    clockTime(q.submittedAt, model.session.timeZone),
    c.votes(q.votes),
  ].filter(Boolean).join(' · ');
}

/** The presence counter for staff headers. */
export function presenceBadge(page: StaffPage): HTMLElement {
  const badge = h('span', { class: 'presence', attrs: { 'data-volatile': true } });
  page.connection.onChange(() => setText(badge, en.staff.presence(page.connection.model.presence.online, page.connection.model.presence.peak)));
  return badge;
}

/** Whether participants may ask, and the moderator's switch for it (at the end they close by themselves). */
export function questionsSwitch(page: StaffPage): HTMLElement {
  const s = en.staff;
  const state = h('span', { class: 'questions-state', attrs: { 'data-volatile': true } });
  const toggle: HTMLButtonElement = commandButton('', () => {
    const open = page.connection.model.questionsOpen;
    void page.shell.act(() => page.connection.command(open ? 'CloseQuestions' : 'OpenQuestions'), { button: toggle, done: open ? s.questionsClosedDone : s.questionsOpenedDone });
  }, { class: 'small' });
  page.connection.onChange(() => {
    const open = page.connection.model.questionsOpen;
    state.dataset['open'] = String(open);
    setText(state, open ? s.questionsOpen : s.questionsClosed);
    setText(toggle, open ? s.closeQuestions : s.openQuestions);
    page.shell.gate(toggle.parentElement ?? document);
  });
  return h('div', { class: 'questions-switch' }, state, toggle);
}
