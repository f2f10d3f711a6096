import { pickLanguage, stringsFor } from '../i18n/index';
import type { ParticipantStrings } from '../i18n/en';
import { tick } from '../lib/clock';
import { ClockWidget } from '../lib/clockwidget';
import { SessionConnection } from '../lib/connection';
import { h, setText } from '../lib/dom';
import type { Happening } from '../lib/model';
import { appRoot, fatal, scaffold } from '../lib/page';
import { Shell } from '../lib/shell';
import { AskForm, type AskState } from './participant/ask';
import { ParticipantQuestions } from './participant/questions';
import { languageSwitch, setLanguage } from './shared/language';

const app = appRoot();
let language = pickLanguage();

/** /join/{code} → the code; /join → null (ask for it). */
function codeFromPath(): string | null {
  const match = /^\/join\/([^/]+)\/?$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]!).trim().toUpperCase() : null;
}

/** Switches the page's language and rebuilds it in the new one. */
function switchTo(rebuild: (code: string) => void): HTMLElement {
  return languageSwitch(language, (code) => {
    language = code;
    rebuild(code);
  });
}

function showCodeForm(problem?: string): void {
  const s = stringsFor(language);
  setLanguage(s);
  document.title = `${s.participant.pageTitle} · IgfLive`;
  const parts = scaffold(app, s.common.appName);
  parts.title.textContent = s.participant.pageTitle;
  parts.tools.append(switchTo(() => showCodeForm(problem)));
  const input = h('input', { id: 'code', attrs: { type: 'text', inputmode: 'text', autocomplete: 'off', autocapitalize: 'characters', maxlength: 12, 'aria-describedby': 'code-hint', spellcheck: 'false' } });
  const error = h('p', { class: 'message error', attrs: { role: 'alert', hidden: !problem } }, problem ?? '');
  const form = h('form', { class: 'panel code-form' },
    h('div', { class: 'field' }, h('label', { attrs: { for: 'code' } }, s.participant.codeLabel), input),
    h('p', { id: 'code-hint', class: 'hint' }, s.participant.codeHint),
    error,
    h('button', { class: 'primary', attrs: { type: 'submit' } }, s.participant.join));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.replace(/\s+/g, '').toUpperCase();
    if (!/^[A-Z0-9]{4,12}$/.test(code)) {
      error.hidden = false;
      error.textContent = s.participant.codeInvalid;
      input.focus();
      return;
    }
    location.assign(`/join/${encodeURIComponent(code)}`);
  });
  parts.main.append(form);
  input.focus();
}

async function findSession(code: string): Promise<string | null> {
  const response = await fetch(`/api/sessions/by-code/${encodeURIComponent(code)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) return null;
  const summary = (await response.json()) as { session: { id: string } };
  return summary.session.id;
}

/** The participant's page for one session; rebuilt (keeping what was typed) when the language changes. */
class ParticipantPage {
  private readonly clock: ClockWidget;
  private readonly questions: ParticipantQuestions;
  private readonly ask: AskForm;
  private readonly shell: Shell;
  private readonly state = h('p', { class: 'session-state', attrs: { 'data-volatile': true } });
  private readonly parts: ReturnType<typeof scaffold>;

  constructor(readonly connection: SessionConnection, readonly s: ParticipantStrings, rebuild: (code: string) => void) {
    setLanguage(s);
    this.parts = scaffold(app, s.common.appName);
    this.shell = new Shell(s.common, true);
    this.shell.attach(connection);
    this.clock = new ClockWidget(connection, s.common, { size: 'card', showSlot: true, showNext: true });
    this.questions = new ParticipantQuestions(connection, this.shell, s);
    this.ask = new AskForm(connection, this.shell, s);
    this.parts.tools.append(this.shell.status, switchTo(rebuild));
    const p = s.participant;
    this.parts.main.append(
      this.shell.banner,
      this.shell.messages,
      h('section', { class: 'panel now', attrs: { 'aria-labelledby': 'h-now' } }, h('h2', { id: 'h-now', class: 'sr-only' }, p.now), this.clock.root, this.state),
      this.questions.live,
      // Questions first, as on a phone people mostly read and vote; asking takes one line until used.
      h('section', { class: 'panel ask', attrs: { 'aria-labelledby': 'h-ask' } }, h('h2', { id: 'h-ask', class: 'sr-only' }, p.ask), this.ask.root),
      h('section', { class: 'panel audience', attrs: { 'aria-labelledby': 'h-questions' } }, h('h2', { id: 'h-questions' }, p.questions), this.questions.publicEmpty, this.questions.publicList),
      h('section', { class: 'panel mine', attrs: { 'aria-labelledby': 'h-mine' } }, h('h2', { id: 'h-mine', attrs: { tabindex: -1 } }, p.myQuestions), this.questions.mineEmpty, this.questions.mineList),
    );
    if (connection.model.loaded) this.render();
    this.shell.gate();
  }

  render(): void {
    const model = this.connection.model;
    const s = this.s;
    document.title = `${model.session.title} · IgfLive`;
    setText(this.parts.title, model.session.title);
    setText(this.parts.subtitle, [model.session.room, `${s.participant.codeLabel}: ${model.session.participantCode}`].filter(Boolean).join(' · '));
    const status = model.clock.status;
    // Before the start the clock itself says when it starts; a second line would only repeat it.
    setText(this.state, status === 'Paused' ? s.participant.paused : status === 'Ended' ? s.participant.ended : '');
    this.state.hidden = status === 'Running' || status === 'NotStarted';
    this.ask.update();
    this.questions.render();
    this.shell.gate();
  }

  tick(now: number): void {
    this.clock.render(now);
  }

  happened(happening: Happening): void {
    const s = this.s;
    const model = this.connection.model;
    if (happening.kind === 'segment') this.shell.announce(s.common.nowSegment(happening.title));
    if (happening.kind !== 'question') return;
    const q = happening.question;
    if (q.mine || model.mine.has(q.id)) {
      // Told once, by the participant's own channel; the room's copy of the same change stays quiet.
      if (happening.type === 'MyQuestionChanged') this.shell.announce(s.participant.ownStatus(s.common.questionStatus[q.status] ?? q.status));
    } else if (happening.type === 'QuestionMadeLive') {
      this.shell.announce(s.participant.liveAnnouncement(q.text));
    } else if (happening.type === 'QuestionApproved' || (happening.type === 'QuestionSubmitted' && q.status === 'Approved')) {
      this.shell.announce(s.participant.newQuestion);
    }
  }

  dispose(): void {
    this.clock.dispose();
    this.shell.dispose();
  }

  form(): AskState {
    return this.ask.state();
  }

  restore(state: AskState): void {
    this.ask.restore(state);
  }
}

async function showSession(code: string): Promise<void> {
  const s = stringsFor(language);
  app.replaceChildren(h('main', { id: 'main', class: 'page-main' }, h('p', { attrs: { role: 'status' } }, s.common.loading)));
  let sessionId: string | null;
  try {
    sessionId = await findSession(code);
  } catch {
    sessionId = null;
  }
  if (!sessionId) {
    showCodeForm(s.participant.codeNotFound);
    return;
  }
  const tokenKey = `igflive.participant.${sessionId}`;
  const connection = new SessionConnection({
    sessionId,
    key: code,
    token: {
      get: () => localStorage.getItem(tokenKey),
      set: (token) => localStorage.setItem(tokenKey, token),
    },
    // Read when used, so that they follow a change of language.
    messages: {
      get offline() { return stringsFor(language).common.offline; },
      get lost() { return stringsFor(language).common.lost; },
      get failed() { return stringsFor(language).common.failed; },
      get replaced() { return stringsFor(language).common.replaced; },
      get deleted() { return stringsFor(language).common.deleted; },
    },
  });
  let page: ParticipantPage | undefined;
  const build = (): void => {
    const typed = page?.form();
    page?.dispose();
    page = new ParticipantPage(connection, stringsFor(language), build);
    if (typed) page.restore(typed);
  };
  build();
  connection.onChange(() => page?.render());
  connection.onHappening((happening) => page?.happened(happening));
  tick(connection.serverNow, (now) => page?.tick(now));
  await connection.start();
}

const code = codeFromPath();
if (code) {
  void showSession(code);
} else if (location.pathname.startsWith('/join')) {
  showCodeForm();
} else {
  fatal(app, 'IgfLive', stringsFor(language).common.missingSession);
}
