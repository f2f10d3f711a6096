import type { CommandResult } from './contracts';
import { CommandError, type ConnectionState, type LiveConnection } from './connection';
import { h, setText } from './dom';

export interface ShellStrings {
  connection: Record<ConnectionState, string>;
  offlineBanner: string;
  offline: string;
  dismiss: string;
  done: string;
  back: string;
  backCheck: string;
  errors: Record<string, string>;
  unknownError: (code: string) => string;
}

/**
 * What every view shares: the connection indicator, the offline banner, one place for errors
 * and confirmations, and the screen-reader live regions. Command buttons (data-cmd) are disabled
 * whenever the connection is not up, so nothing is clicked into the void.
 */
export class Shell {
  readonly status: HTMLElement;
  readonly banner: HTMLElement;
  readonly messages: HTMLElement;
  private readonly polite: HTMLElement;
  private readonly assertive: HTMLElement;
  private connection: LiveConnection | null = null;
  private detach: (() => void) | null = null;
  private wasUp = false;
  private wasDown = false;

  /**
   * @param ownWords Refusals are said in the page's language from their stable code (participants),
   * rather than in the server's English words, which are more detailed (staff views).
   */
  constructor(private readonly strings: ShellStrings, private readonly ownWords = false) {
    this.status = h('span', { class: 'conn', attrs: { 'data-state': 'connecting', role: 'status', 'data-volatile': true } }, strings.connection.connecting);
    this.banner = h('p', { class: 'offline-banner', attrs: { hidden: true, 'data-volatile': true } }, strings.offlineBanner);
    this.messages = h('div', { class: 'messages', attrs: { 'data-volatile': true } });
    this.polite = h('div', { class: 'sr-only', attrs: { 'aria-live': 'polite', 'aria-atomic': 'false', 'data-volatile': true } });
    this.assertive = h('div', { class: 'sr-only', attrs: { 'aria-live': 'assertive', 'aria-atomic': 'true', 'data-volatile': true } });
    document.body.append(this.polite, this.assertive);
  }

  attach(connection: LiveConnection): void {
    this.connection = connection;
    this.detach = connection.onState((state) => this.showState(state));
    this.showState(connection.state);
  }

  /** Removes the live regions and stops listening (the page is being rebuilt). */
  dispose(): void {
    this.detach?.();
    this.polite.remove();
    this.assertive.remove();
  }

  /** Disables every command button while the connection is down; call after rendering new buttons. */
  gate(root: ParentNode = document): void {
    const up = this.connection?.connected ?? false;
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-cmd]')) {
      const disabled = !up || button.dataset['busy'] === 'true' || button.dataset['off'] === 'true';
      if (button.disabled !== disabled) button.disabled = disabled;
    }
  }

  /**
   * Runs a command from a button or form: the button is busy meanwhile, a refusal is shown with
   * the server's words, and nothing is retried behind the user's back.
   */
  async act(run: () => Promise<CommandResult>, options?: { button?: HTMLButtonElement | null; done?: string }): Promise<CommandResult | null> {
    const button = options?.button ?? null;
    if (button) {
      button.dataset['busy'] = 'true';
      this.gate(button.parentElement ?? document);
    }
    try {
      const result = await run();
      if (options?.done) this.say(options.done);
      return result;
    } catch (error) {
      const connection = error instanceof CommandError && (error.code === 'offline' || error.code === 'connection_lost');
      this.error(error instanceof CommandError ? this.describe(error) : String(error), connection ? error.code : undefined);
      return null;
    } finally {
      if (button) {
        delete button.dataset['busy'];
        this.gate(button.parentElement ?? document);
      }
    }
  }

  /**
   * Shows an error until dismissed. One about the connection (kind "offline": nothing was sent;
   * "connection_lost": the server may not have heard) is replaced when the connection comes back.
   */
  error(text: string, kind?: 'offline' | 'connection_lost'): void {
    const item = h('p', { class: 'message error', attrs: { role: 'alert', 'data-kind': kind } }, text, ' ',
      h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => item.remove() } }, this.strings.dismiss));
    this.messages.replaceChildren(item);
  }

  /**
   * What to tell the user about a refusal. A code this page does not know (a newer server's) is
   * shown as itself, never as another: said in the page's words, or after the server's.
   */
  describe(error: CommandError): string {
    if (!error.fromServer) return error.message;
    const known = Object.hasOwn(this.strings.errors, error.code);
    if (this.ownWords) return known ? this.strings.errors[error.code]! : this.strings.unknownError(error.code);
    return known ? error.message : `${error.message} (${error.code})`;
  }

  /** "Not connected: this was not sent", for a command refused before it left the page. */
  offline(): void {
    this.error(this.strings.offline, 'offline');
  }

  /** A short confirmation, shown and read out politely. */
  say(text: string): void {
    const item = h('p', { class: 'message ok' }, text);
    this.messages.replaceChildren(item);
    this.announce(text);
    // Confirmations are for the moment; errors stay until dismissed.
    window.setTimeout(() => item.remove(), 8000);
  }

  announce(text: string, urgent = false): void {
    const region = urgent ? this.assertive : this.polite;
    // A fresh node each time, so the same words said twice are read twice.
    region.replaceChildren(h('p', null, text));
  }

  /** The connection is back: what it made fail goes, and the page says so. */
  private back(): void {
    const stale = [...this.messages.querySelectorAll<HTMLElement>('.message.error[data-kind]')];
    const unsure = stale.some((m) => m.dataset['kind'] === 'connection_lost');
    for (const message of stale) message.remove();
    this.say(unsure ? this.strings.backCheck : this.strings.back);
  }

  private showState(state: ConnectionState): void {
    if (state === 'connected') {
      if (this.wasDown) this.back();
      this.wasUp = true;
      this.wasDown = false;
    } else if (state === 'reconnecting' && this.wasUp) {
      this.wasDown = true;
    }
    this.status.dataset['state'] = state;
    setText(this.status, this.strings.connection[state]);
    this.banner.hidden = state === 'connected' || state === 'refused' || state === 'connecting';
    if (state === 'refused' && this.connection?.refusal) this.error(this.describe(this.connection.refusal));
    this.gate();
  }
}

/** The role key from the link's fragment (#key=…): fragments never reach servers or referrers. */
export function keyFromHash(): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = params.get('key');
  return key && key.trim() ? key.trim() : null;
}

/** The session id in /s/{id}/{view}. */
export function sessionIdFromPath(): string | null {
  const match = /^\/s\/([^/]+)\//.exec(location.pathname);
  return match ? decodeURIComponent(match[1]!) : null;
}
