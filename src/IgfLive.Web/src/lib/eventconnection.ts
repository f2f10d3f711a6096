import { LiveHub, type CallMessages } from './livehub';

/**
 * A connection to the event hub (/hubs/event) that watches one thing: the dashboard of an event or a
 * room's screen. It measures the offset to server time, calls its watch on every (re)connection
 * and hands each answer to the page, which keeps the latest by its `at`; it retries by itself and
 * stops only when the key is refused.
 */
export class EventConnection<T> extends LiveHub {
  /**
   * @param watch The hub method and its arguments (e.g. WatchEvent, [eventId, key]).
   * @param opened Receives the watch's answer: at the start and after each reconnection.
   */
  constructor(
    private readonly watch: { method: string; args: unknown[] },
    private readonly opened: (value: T) => void,
    messages: CallMessages,
  ) {
    super('/hubs/event', messages);
  }

  /** Registers a callback of the hub (RoomChanged, RoomsSummarised); call before start. */
  on<A>(name: string, handler: (arg: A) => void): void {
    this.hub.on(name, handler);
  }

  protected async open(): Promise<void> {
    await this.measureClock();
    this.opened(await this.call<T>(this.watch.method, ...this.watch.args));
    this.setState('connected');
  }
}
