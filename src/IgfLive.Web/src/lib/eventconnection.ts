import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { HubReply } from './contracts';
import { CommandError, KEEP_ALIVE_MS, retry, SERVER_TIMEOUT_MS, type ConnectionState, type LiveConnection } from './connection';
import { measureOffset } from './timesync';

/** Refusals that no retry can cure: the page says why and stops. */
const FINAL = ['unauthorized', 'not_found', 'invalid_input'];

/**
 * A connection to the event hub (/hubs/event) that watches one thing: the dashboard of an event or a
 * room's screen. It measures the offset to server time, calls its watch on every (re)connection
 * and hands each answer to the page, which keeps the latest by its `at`; it retries by itself and
 * stops only when the key is refused.
 */
export class EventConnection<T> implements LiveConnection {
  state: ConnectionState = 'connecting';
  refusal: CommandError | null = null;
  offsetMs = 0;
  private readonly hub: HubConnection;
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private starting = false;

  /**
   * @param watch The hub method and its arguments (e.g. WatchEvent, [eventId, key]).
   * @param opened Receives the watch's answer: at the start and after each reconnection.
   */
  constructor(
    private readonly watch: { method: string; args: unknown[] },
    private readonly opened: (value: T) => void,
    private readonly messages: { failed: string },
  ) {
    this.hub = new HubConnectionBuilder()
      .withUrl('/hubs/event')
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

  /** Registers a callback of the hub (RoomChanged, RoomsSummarised); call before start. */
  on<A>(name: string, handler: (arg: A) => void): void {
    this.hub.on(name, handler);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Connects and watches, retrying until the server answers; a refused key stops the attempts. */
  async start(): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    try {
      for (let attempt = 0; this.state !== 'refused'; attempt++) {
        try {
          if (this.hub.state === HubConnectionState.Disconnected) await this.hub.start();
          if (this.hub.state !== HubConnectionState.Connected) return;
          this.offsetMs = await measureOffset(() => this.call<number>('ServerTime'));
          this.opened(await this.call<T>(this.watch.method, ...this.watch.args));
          this.setState('connected');
          return;
        } catch (error) {
          if (error instanceof CommandError && error.fromServer && FINAL.includes(error.code)) {
            this.refusal = error;
            this.setState('refused');
            await this.hub.stop();
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

  private async call<R>(method: string, ...args: unknown[]): Promise<R> {
    let reply: HubReply<R>;
    try {
      reply = await this.hub.invoke<HubReply<R>>(method, ...args);
    } catch {
      throw new CommandError('call_failed', this.messages.failed);
    }
    if (reply.error) throw new CommandError(reply.error.code, reply.error.message, true);
    return reply.value;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
