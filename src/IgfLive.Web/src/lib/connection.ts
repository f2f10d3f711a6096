import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection, type IRetryPolicy, type RetryContext } from '@microsoft/signalr';
import type { CommandResult, EventDto, HubReply, JoinRequest, JoinResult, PresenceDto, QuestionDto, ResyncResult } from './contracts';
import { SessionModel, type Happening } from './model';
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

export interface SessionConnectionOptions {
  sessionId: string;
  key: string;
  /** Where a participant's identity is kept between visits (participants only). */
  token?: { get(): string | null; set(token: string): void };
  messages: { offline: string; lost: string; failed: string; replaced: string; deleted: string };
}

export interface ChangeInfo {
  /** True when the whole state was replaced (join, rejoin, resync by snapshot). */
  reset: boolean;
}

/** What a page's shell watches of a live connection: its state, and why it was refused. */
export interface LiveConnection {
  readonly state: ConnectionState;
  readonly connected: boolean;
  readonly refusal: CommandError | null;
  onState(listener: (state: ConnectionState) => void): () => void;
}

/** Waits between reconnection attempts: quick at first, then every few seconds, never giving up. */
export const retry: IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context: RetryContext) =>
    [0, 500, 1000, 2000, 3000][context.previousRetryCount] ?? 3000,
};

/**
 * The server pings every 30 s (IgfLiveServiceExtensions.KeepAliveInterval); the connection counts as
 * lost after twice that without a word from it. This page pings every 15 s, well inside the
 * server's 30 s timeout.
 */
export const SERVER_TIMEOUT_MS = 60_000;
export const KEEP_ALIVE_MS = 15_000;

/**
 * One browser's connection to a session: joins with the role's key, keeps the model in step with
 * the server's events (in sequence, asking again on a gap), estimates the offset to server time,
 * reconnects by itself and rejoins, and refuses commands while it is not connected.
 */
export class SessionConnection implements LiveConnection {
  readonly model = new SessionModel();
  state: ConnectionState = 'connecting';
  refusal: CommandError | null = null;
  offsetMs = 0;
  private readonly hub: HubConnection;
  private buffer: EventDto[] = [];
  private holding = false;
  private readonly changeListeners = new Set<(info: ChangeInfo) => void>();
  private readonly happeningListeners = new Set<(happening: Happening) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private syncTimer: number | undefined;
  private starting = false;

  constructor(private readonly options: SessionConnectionOptions) {
    this.hub = new HubConnectionBuilder()
      .withUrl('/hubs/session')
      .withAutomaticReconnect(retry)
      .withServerTimeout(SERVER_TIMEOUT_MS)
      .withKeepAliveInterval(KEEP_ALIVE_MS)
      .configureLogging(LogLevel.Warning)
      .build();
    this.hub.on('EventsRecorded', (events: EventDto[]) => this.receive(events));
    // A participant's own questions: not in the room's log, sent to them alone.
    this.hub.on('MyQuestionChanged', (question: QuestionDto) => {
      const happening = this.model.applyOwnQuestion(question);
      for (const listener of this.happeningListeners) listener(happening);
      this.emitChange(false);
    });
    this.hub.on('PresenceChanged', (presence: PresenceDto) => {
      this.model.presence = presence;
      this.emitChange(false);
    });
    this.hub.onreconnecting(() => this.setState('reconnecting'));
    this.hub.onreconnected(() => void this.start());
    this.hub.onclose(() => {
      if (this.state !== 'refused') {
        this.setState('reconnecting');
        window.setTimeout(() => void this.start(), 1000);
      }
    });
  }

  /** Serverside "now" in Unix ms, as estimated from this browser's clock. */
  serverNow = (): number => Date.now() + this.offsetMs;

  /** Each on… method returns a function that removes the listener. */
  onChange(listener: (info: ChangeInfo) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onHappening(listener: (happening: Happening) => void): () => void {
    this.happeningListeners.add(listener);
    return () => this.happeningListeners.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Tells the listeners the model changed locally (e.g. the participant's own new question). */
  touch(): void {
    this.emitChange(false);
  }

  get connected(): boolean {
    return this.state === 'connected';
  }

  /** Connects and joins, retrying until the server answers; a refused key stops the attempts. */
  async start(): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    try {
      for (let attempt = 0; this.state !== 'refused'; attempt++) {
        try {
          if (this.hub.state === HubConnectionState.Disconnected) await this.hub.start();
          // While the client reconnects by itself, its onreconnected handler comes back here.
          if (this.hub.state !== HubConnectionState.Connected) return;
          await this.join();
          return;
        } catch {
          if (this.hub.state === HubConnectionState.Reconnecting) return;
          await new Promise((resolve) => window.setTimeout(resolve, Math.min(500 * 2 ** attempt, 3000)));
        }
      }
    } finally {
      this.starting = false;
    }
  }

  /** Runs a command; throws a CommandError when it is refused or cannot be sent. */
  async command(method: string, ...args: unknown[]): Promise<CommandResult> {
    return this.invoke<CommandResult>(method, ...args);
  }

  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    if (!this.connected) throw new CommandError('offline', this.options.messages.offline);
    return this.call<T>(method, ...args);
  }

  /** Calls a hub method and reads its reply: the value, or the refusal thrown as a CommandError. */
  private async call<T>(method: string, ...args: unknown[]): Promise<T> {
    let reply: HubReply<T>;
    try {
      reply = await this.hub.invoke<HubReply<T>>(method, ...args);
    } catch {
      // No reply to read: the connection went, or SignalR could not run the call at all (it never
      // reached the hub's methods, e.g. an argument of the wrong type). Its text is not ours to parse.
      throw this.hub.state === HubConnectionState.Connected
        ? new CommandError('call_failed', this.options.messages.failed)
        : new CommandError('connection_lost', this.options.messages.lost);
    }
    if (reply.error) throw new CommandError(reply.error.code, reply.error.message, true);
    return reply.value;
  }

  private async join(): Promise<void> {
    this.holding = true;
    this.buffer = [];
    try {
      this.offsetMs = await measureOffset(() => this.call<number>('ServerTime'));
      const request: JoinRequest = {
        sessionId: this.options.sessionId,
        key: this.options.key,
        participantToken: this.options.token?.get() ?? null,
      };
      const result = await this.call<JoinResult>('Join', request);
      if (result.participantToken) this.options.token?.set(result.participantToken);
      this.model.load(result.snapshot);
    } catch (error) {
      if (error instanceof CommandError && error.fromServer && ['unauthorized', 'not_found', 'invalid_input'].includes(error.code)) {
        await this.refuse(error);
        return;
      }
      throw error;
    } finally {
      this.holding = false;
    }
    this.emitChange(true);
    this.drain();
    this.setState('connected');
    window.clearInterval(this.syncTimer);
    this.syncTimer = window.setInterval(() => void this.resyncTime(), 60_000);
  }

  private async resyncTime(): Promise<void> {
    if (!this.connected) return;
    try {
      this.offsetMs = await measureOffset(() => this.call<number>('ServerTime'));
    } catch {
      // The next reconnection measures again.
    }
  }

  private receive(events: EventDto[]): void {
    this.buffer.push(...events);
    if (!this.holding) this.drain();
  }

  /** Applies buffered events in sequence; drops ones already applied; on a gap, asks for the rest. */
  private drain(): void {
    const pending = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    let changed = false;
    for (let i = 0; i < pending.length; i++) {
      const event = pending[i]!;
      if (event.seq <= this.model.version) continue;
      if (event.seq !== this.model.version + 1) {
        this.buffer = pending.slice(i);
        void this.resync();
        break;
      }
      const happening = this.model.apply(event);
      changed = true;
      if (happening) for (const listener of this.happeningListeners) listener(happening);
      // The organiser gave this role a new link, or deleted the session: this page may not go on.
      if (happening?.kind === 'replaced' && happening.role === this.model.role) void this.refuse(new CommandError('unauthorized', this.options.messages.replaced));
      if (happening?.kind === 'deleted') void this.refuse(new CommandError('not_found', this.options.messages.deleted));
    }
    if (changed) this.emitChange(false);
  }

  private async resync(): Promise<void> {
    if (this.holding) return;
    this.holding = true;
    let reset = false;
    try {
      const result = await this.call<ResyncResult>('Resync', this.model.version);
      if (result.snapshot) {
        this.model.load(result.snapshot);
        reset = true;
      } else {
        this.buffer.push(...result.events);
      }
    } catch {
      // Reconnection rejoins with a fresh snapshot; nothing more to do here.
      this.holding = false;
      return;
    }
    this.holding = false;
    if (reset) this.emitChange(true);
    this.drain();
  }

  /** Stops for good: the key or the session is not (or no longer) valid; the page says why. */
  private async refuse(refusal: CommandError): Promise<void> {
    if (this.state === 'refused') return;
    this.refusal = refusal;
    this.setState('refused');
    window.clearInterval(this.syncTimer);
    await this.hub.stop();
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private emitChange(reset: boolean): void {
    for (const listener of this.changeListeners) listener({ reset });
  }
}
