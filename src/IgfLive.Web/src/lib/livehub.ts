import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection, type IRetryPolicy, type RetryContext } from '@microsoft/signalr';
import type { HubReply } from './contracts';
import { measureOffset } from './timesync';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'refused';

/**
 * A command the server refused or that could not be sent. The code is the hub's stable error code
 * (from the reply's error, fromServer), or the page's own: "offline" (not sent), "connection_lost"
 * (the connection went before an answer came), "call_failed" (SignalR could not run the call).
 */
export class CommandError extends Error {
  /** @param fromServer The message is the server's (English) wording, not one of the page's own. */
  constructor(readonly code: string, message: string, readonly fromServer = false) {
    super(message);
  }
}

/** What a page's shell watches of a live connection: its state, and why it was refused. */
export interface LiveConnection {
  readonly state: ConnectionState;
  readonly connected: boolean;
  readonly refusal: CommandError | null;
  onState(listener: (state: ConnectionState) => void): () => void;
}

/** Waits between reconnection attempts: quick at first, then every few seconds, never giving up. */
const retry: IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context: RetryContext) =>
    [0, 500, 1000, 2000, 3000][context.previousRetryCount] ?? 3000,
};

/**
 * The server pings every 30 s (IgfLiveServiceExtensions.KeepAliveInterval); the connection counts as
 * lost after twice that without a word from it. This page pings every 15 s, well inside the
 * server's 30 s timeout.
 */
const SERVER_TIMEOUT_MS = 60_000;
const KEEP_ALIVE_MS = 15_000;

/** How often a connected page measures its offset to the server's clock again (a screen may stay open for days). */
const CLOCK_SYNC_MS = 60_000;

/** Refusals that no retry can cure: the page says why and stops. */
const FINAL = ['unauthorized', 'not_found', 'invalid_input'];

/** The page's own words for a call that got no reply. */
export interface CallMessages {
  failed: string;
  lost: string;
}

/**
 * A page's connection to one hub: SignalR's client with the pages' retry policy and timeouts, a
 * state the page's shell shows, and the server's clock offset. It opens (joins or watches) on
 * every (re)connection, retries by itself until the server answers, and stops for good only when
 * the server refuses the key.
 */
export abstract class LiveHub implements LiveConnection {
  state: ConnectionState = 'connecting';
  refusal: CommandError | null = null;
  offsetMs = 0;
  protected readonly hub: HubConnection;
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private starting = false;
  private clockTimer: number | undefined;

  protected constructor(url: string, private readonly callMessages: CallMessages) {
    this.hub = new HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect(retry)
      .withServerTimeout(SERVER_TIMEOUT_MS)
      .withKeepAliveInterval(KEEP_ALIVE_MS)
      .configureLogging(LogLevel.Warning)
      .build();
    this.hub.onreconnecting(() => this.setState('reconnecting'));
    this.hub.onreconnected(() => void this.start());
    this.hub.onclose(() => {
      if (this.state !== 'refused') {
        this.setState('reconnecting');
        window.setTimeout(() => void this.start(), 1000);
      }
    });
  }

  /** Server-side "now" in Unix ms, as estimated from this browser's clock. */
  serverNow = (): number => Date.now() + this.offsetMs;

  get connected(): boolean {
    return this.state === 'connected';
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Connects and opens, retrying until the server answers; a refused key stops the attempts. */
  async start(): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    try {
      for (let attempt = 0; this.state !== 'refused'; attempt++) {
        try {
          if (this.hub.state === HubConnectionState.Disconnected) await this.hub.start();
          // While the client reconnects by itself, its onreconnected handler comes back here.
          if (this.hub.state !== HubConnectionState.Connected) return;
          await this.open();
          window.clearInterval(this.clockTimer);
          this.clockTimer = window.setInterval(() => void this.resyncClock(), CLOCK_SYNC_MS);
          return;
        } catch (error) {
          if (error instanceof CommandError && error.fromServer && FINAL.includes(error.code)) {
            await this.refuse(error);
            return;
          }
          if (this.hub.state === HubConnectionState.Reconnecting) return;
          await new Promise((resolve) => window.setTimeout(resolve, Math.min(500 * 2 ** attempt, 3000)));
        }
      }
    } finally {
      this.starting = false;
    }
  }

  /** Joins or watches on a fresh connection, and says 'connected' once the page has what it shows. */
  protected abstract open(): Promise<void>;

  /** Measures the offset to the server's clock; open() calls it before what it shows depends on the time. */
  protected async measureClock(): Promise<void> {
    this.offsetMs = await measureOffset(() => this.call<number>('ServerTime'));
  }

  private async resyncClock(): Promise<void> {
    if (!this.connected) return;
    try {
      await this.measureClock();
    } catch {
      // The next round, or the next reconnection, measures again.
    }
  }

  /** Calls a hub method and reads its reply: the value, or the refusal thrown as a CommandError. */
  protected async call<T>(method: string, ...args: unknown[]): Promise<T> {
    let reply: HubReply<T>;
    try {
      reply = await this.hub.invoke<HubReply<T>>(method, ...args);
    } catch {
      // No reply to read: the connection went, or SignalR could not run the call at all (it never
      // reached the hub's methods, e.g. an argument of the wrong type). Its text is not ours to parse.
      throw this.hub.state === HubConnectionState.Connected
        ? new CommandError('call_failed', this.callMessages.failed)
        : new CommandError('connection_lost', this.callMessages.lost);
    }
    if (reply.error) throw new CommandError(reply.error.code, reply.error.message, true);
    return reply.value;
  }

  /** Stops for good: the key (or what it opens) is not, or no longer, valid; the page says why. */
  protected async refuse(refusal: CommandError): Promise<void> {
    if (this.state === 'refused') return;
    this.refusal = refusal;
    this.setState('refused');
    window.clearInterval(this.clockTimer);
    await this.hub.stop();
  }

  protected setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
