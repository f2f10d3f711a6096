import { en } from '../../i18n/en';
import { copyText } from '../../lib/clipboard';
import { h } from '../../lib/dom';

const s = en.organiser;

/** The roles in the order an organiser hands out their links. */
export const roleOrder = ['participant', 'onlineModerator', 'onsiteModerator', 'rapporteur', 'stage'] as const;
export const staffRoles = roleOrder.filter((r) => r !== 'participant');

const storeKey = (sessionId: string) => `igflive.links.${sessionId}`;

/**
 * Role links this tab has seen (at creation, or when it replaced one), kept in the tab's
 * sessionStorage beside the organiser key: a reload keeps them, closing the tab or "Forget key"
 * drops them. The server keeps only the keys' hashes, so a link lost here is replaced, not found.
 */
export const knownLinks = {
  get(sessionId: string): Record<string, string> {
    try {
      return JSON.parse(sessionStorage.getItem(storeKey(sessionId)) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  },
  set(sessionId: string, links: Record<string, string>): void {
    try {
      sessionStorage.setItem(storeKey(sessionId), JSON.stringify({ ...this.get(sessionId), ...links }));
    } catch {
      // Without storage the links last as long as the page.
    }
  },
  forgetAll(): void {
    try {
      for (const key of Object.keys(sessionStorage)) if (key.startsWith('igflive.links.')) sessionStorage.removeItem(key);
    } catch {
      // Nothing kept, nothing to forget.
    }
  },
};

/** Every link in one text to paste into an e-mail to the session's team. */
export function allLinksText(heading: string, links: Record<string, string>): string {
  return [heading, ...roleOrder.filter((r) => links[r]).map((r) => `${s.roles[r] ?? r}: ${links[r]}`)].join('\n');
}

/** Copies text; says so, or selects the field it came from when the browser refuses. */
export async function copy(text: string, say: (text: string) => void, done: string, fallback?: HTMLInputElement): Promise<void> {
  if (await copyText(text)) say(done);
  else fallback?.select();
}

/** A read-only link with its Copy button. */
export function linkRow(id: string, role: string, link: string, say: (text: string) => void): HTMLElement {
  const input = h('input', { id, attrs: { type: 'text', readonly: true, 'data-role': role } });
  input.value = link;
  input.addEventListener('focus', () => input.select());
  const button = h('button', { class: 'small', attrs: { type: 'button' }, on: { click: () => void copy(input.value, say, s.copied, input) } }, s.copy);
  return h('div', { class: 'link-line' }, input, button);
}
