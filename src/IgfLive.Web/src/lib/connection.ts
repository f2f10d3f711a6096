import type { CommandResult, EventDto, JoinRequest, JoinResult, PresenceDto, QuestionDto, ResyncResult } from './contracts';
import { CommandError, LiveHub } from './livehub';
import { SessionModel, type Happening } from './model';

export { CommandError, type ConnectionState, type LiveConnection } from './livehub';

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

/**
 * One browser's connection to a session: joins with the role's key, keeps the model in step with
 * the server's events (in sequence, asking again on a gap), estimates the offset to server time,
 * reconnects by itself and rejoins, and refuses commands while it is not connected.
 */
export class SessionConnection extends LiveHub {
  readonly model = new SessionModel();
  private buffer: EventDto[] = [];
  private holding = false;
  private readonly changeListeners = new Set<(info: ChangeInfo) => void>();
  private readonly happeningListeners = new Set<(happening: Happening) => void>();

  constructor(private readonly options: SessionConnectionOptions) {
    super('/hubs/session', options.messages);
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
  }

  /** Each on… method returns a function that removes the listener. */
  onChange(listener: (info: ChangeInfo) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onHappening(listener: (happening: Happening) => void): () => void {
    this.happeningListeners.add(listener);
    return () => this.happeningListeners.delete(listener);
  }

  /** Tells the listeners the model changed locally (e.g. the participant's own new question). */
  touch(): void {
    this.emitChange(false);
  }

  /** Runs a command; throws a CommandError when it is refused or cannot be sent. */
  async command(method: string, ...args: unknown[]): Promise<CommandResult> {
    return this.invoke<CommandResult>(method, ...args);
  }

  async invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    if (!this.connected) throw new CommandError('offline', this.options.messages.offline);
    return this.call<T>(method, ...args);
  }

  /** Joins (a refusal of the key ends the connection, as LiveHub.start says). */
  protected async open(): Promise<void> {
    this.holding = true;
    this.buffer = [];
    try {
      await this.measureClock();
      const request: JoinRequest = {
        sessionId: this.options.sessionId,
        key: this.options.key,
        participantToken: this.options.token?.get() ?? null,
      };
      const result = await this.call<JoinResult>('Join', request);
      if (result.participantToken) this.options.token?.set(result.participantToken);
      this.model.load(result.snapshot);
    } finally {
      this.holding = false;
    }
    this.emitChange(true);
    this.drain();
    this.setState('connected');
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

  private emitChange(reset: boolean): void {
    for (const listener of this.changeListeners) listener({ reset });
  }
}
