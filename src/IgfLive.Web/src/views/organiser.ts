import { en } from '../i18n/en';
import { h } from '../lib/dom';
import type { SessionCreatedResponse, SessionListItem } from '../lib/contracts';
import { appRoot, scaffold } from '../lib/page';
import { api, ApiError, organiserKey, setOrganiserKey } from './organiser/api';
import { CreateSession } from './organiser/create';
import { allLinksText, copy, knownLinks, linkRow, roleOrder } from './organiser/links';
import { sessionList } from './organiser/sessions';

const s = en.organiser;
const app = appRoot();
const parts = scaffold(app, en.common.appName);
parts.title.textContent = s.pageTitle;
document.title = `${s.pageTitle} · IgfLive`;

const messages = h('div', { class: 'messages' });
const polite = h('div', { class: 'sr-only', attrs: { 'aria-live': 'polite' } });
document.body.append(polite);

function error(text: string, details?: string[]): void {
  const close = h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => messages.replaceChildren() } }, en.common.dismiss);
  messages.replaceChildren(h('div', { class: 'message error', attrs: { role: 'alert' } },
    h('p', null, text), details?.length ? h('ul', null, ...details.map((d) => h('li', null, d))) : null, close));
  messages.scrollIntoView({ block: 'nearest' });
}

function clear(): void {
  messages.replaceChildren();
}

function say(text: string): void {
  messages.replaceChildren(h('p', { class: 'message ok' }, text));
  polite.replaceChildren(h('p', null, text));
}

// The key: typed once per tab, never written into the page's address or sent anywhere but this server.
const keyInput = h('input', { id: 'org-key', attrs: { type: 'password', autocomplete: 'off', 'aria-describedby': 'org-key-hint' } });
keyInput.value = organiserKey() ?? '';
const keyForm = h('form', { class: 'key-form', attrs: { novalidate: true } },
  h('div', { class: 'field' }, h('label', { attrs: { for: 'org-key' } }, s.keyLabel), keyInput, h('p', { id: 'org-key-hint', class: 'hint' }, s.keyHint)),
  h('div', { class: 'actions' },
    h('button', { class: 'primary', attrs: { type: 'submit' } }, s.keySave),
    h('button', { attrs: { type: 'button' }, on: { click: () => { setOrganiserKey(null); knownLinks.forgetAll(); keyInput.value = ''; list.replaceChildren(); created.replaceChildren(); } } }, s.keyForget)));
keyForm.addEventListener('submit', (event) => {
  event.preventDefault();
  setOrganiserKey(keyInput.value.trim() || null);
  void refresh();
});

const list = h('div', { class: 'sessions-body' });
const refreshButton = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => void refresh() } }, s.refresh);
const created = h('div', { class: 'created' });
let known: SessionListItem[] = [];

/** The local date and time ("2017-12-19T15:00") of an instant in a zone, as the form's field holds it. */
function localIn(iso: string, timeZone: string): string | null {
  try {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
    return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
  } catch {
    return null;
  }
}

function duplicateOf(title: string, startsAt: string, timeZone: string): { createdAt: string | null; timeZone: string } | null {
  const same = known.find((k) => k.title.trim().toLocaleLowerCase() === title.toLocaleLowerCase() && localIn(k.startsAt, timeZone) === startsAt.slice(0, 16));
  return same ? { createdAt: same.createdAt, timeZone: same.timeZone } : null;
}

async function refresh(): Promise<void> {
  const key = organiserKey();
  if (!key) {
    list.replaceChildren(h('p', { class: 'empty' }, s.keyMissing));
    return;
  }
  try {
    known = await api.list(key);
    list.replaceChildren(sessionList(known, { key, say, error, refresh }));
    // The key works: a "key not accepted" from an earlier try is stale now.
    if (messages.querySelector('[data-about="key"]')) clear();
  } catch (e) {
    list.replaceChildren();
    error(e instanceof ApiError && e.status === 401 ? s.keyWrong : e instanceof Error ? e.message : String(e));
    messages.firstElementChild?.setAttribute('data-about', 'key');
  }
}

function showCreated(result: SessionCreatedResponse): void {
  clear();
  knownLinks.set(result.id, result.links);
  const links = roleOrder.filter((role) => result.links[role]);
  const all = h('button', { class: 'primary', attrs: { type: 'button' }, on: { click: () => void copy(allLinksText(result.session.title, result.links), say, s.copiedAll) } }, s.copyAll);
  created.replaceChildren(h('section', { class: 'panel created-links', attrs: { 'aria-labelledby': 'h-links' } },
    h('h2', { id: 'h-links', attrs: { tabindex: -1 } }, `${s.links}: ${result.session.title}`),
    h('p', { class: 'message ok', attrs: { role: 'status' } }, s.created),
    h('ul', { class: 'link-list' }, ...links.map((role) =>
      h('li', { class: 'link-row' }, h('label', { attrs: { for: `link-${role}` } }, s.roles[role] ?? role), linkRow(`link-${role}`, role, result.links[role]!, say)))),
    all));
  (created.querySelector('h2') as HTMLElement | null)?.focus();
  void refresh();
}

const create = new CreateSession({ key: organiserKey, error, say, clear, duplicateOf, created: showCreated });
parts.main.append(
  messages,
  h('section', { class: 'panel key', attrs: { 'aria-labelledby': 'h-key' } }, h('h2', { id: 'h-key' }, s.keyTitle), keyForm),
  created,
  create.root,
  h('section', { class: 'panel sessions', attrs: { 'aria-labelledby': 'h-sessions' } }, h('div', { class: 'panel-head' }, h('h2', { id: 'h-sessions' }, s.sessions), refreshButton), list),
);
void refresh();
