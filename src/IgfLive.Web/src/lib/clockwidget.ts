import type { ParticipantStrings } from '../i18n/en';
import { formatCountdown, read, thresholdOf, type ClockReading } from './clock';
import type { SessionConnection } from './connection';
import { h, setText } from './dom';
import { clockTime } from './page';

export interface ClockWidgetOptions {
  /** 'stage' fills the screen; 'big' is the onsite moderator's; 'compact' sits in a header. */
  size: 'stage' | 'big' | 'compact' | 'card';
  showSlot?: boolean;
  showSessionEnd?: boolean;
  showNext?: boolean;
}

/**
 * The agenda clock as every view draws it. The segment countdown carries data-remaining-ms (the
 * value drawn) and data-rendered-at (when, in this browser's Unix ms), so two screens can be
 * compared at one instant.
 */
export class ClockWidget {
  readonly root: HTMLElement;
  private readonly segment: HTMLElement;
  private readonly time: HTMLElement;
  private readonly label: HTMLElement;
  private readonly slot: HTMLElement;
  private readonly end: HTMLElement;
  private readonly next: HTMLElement;
  last: ClockReading | null = null;
  private readonly detach: () => void;

  constructor(private readonly connection: SessionConnection, private readonly strings: ParticipantStrings['common'], private readonly options: ClockWidgetOptions) {
    this.segment = h('p', { class: 'clock-segment' });
    this.time = h('p', { class: 'clock-time', attrs: { role: 'timer', 'data-clock': 'segment', 'data-volatile': true } });
    this.label = h('p', { class: 'clock-label', attrs: { 'data-volatile': true } });
    this.slot = h('p', { class: 'clock-slot', attrs: { hidden: true, 'data-volatile': true } });
    this.end = h('p', { class: 'clock-end', attrs: { hidden: true, 'data-volatile': true } });
    this.next = h('p', { class: 'clock-next', attrs: { hidden: true } });
    this.root = h('section', { class: `clock clock-${options.size}`, attrs: { 'aria-label': strings.segmentOf(1, 1) } },
      this.segment, this.time, this.label, this.slot, this.end, this.next);
    // Drawn at once when the clock changes, not only at the next tick: the end must never show a stale countdown.
    this.detach = connection.onChange(() => this.render(connection.serverNow()));
  }

  /** Stops following the connection (the page is being rebuilt). */
  dispose(): void {
    this.detach();
  }

  render(now: number): ClockReading | null {
    const model = this.connection.model;
    if (!model.loaded) return null;
    const clock = model.clock;
    const reading = read(clock, now, model.session.thresholds);
    this.last = reading;
    const total = model.session.segments.length;
    const s = this.strings;

    this.root.dataset['threshold'] = reading.threshold.toLowerCase();
    this.root.dataset['status'] = clock.status.toLowerCase();
    this.root.setAttribute('aria-label', s.segmentOf(clock.segment + 1, total));
    setText(this.segment, `${clock.segment + 1}/${total} · ${clock.segmentTitle}`);
    // Before the start and after the end there is no countdown to read: digits there (a frozen
    // "4:43", the first segment's "5:00") would read as time left, so the clock says what it is.
    const zone = model.session.timeZone;
    const words = clock.status === 'NotStarted' ? s.startsAt(clockTime(model.session.startsAt, zone))
      : clock.status === 'Ended' ? s.sessionEnded : null;
    this.time.dataset['words'] = String(words !== null);
    setText(this.time, words ?? formatCountdown(reading.remainingMs));
    this.time.dataset['remainingMs'] = String(Math.round(reading.remainingMs));
    this.time.dataset['renderedAt'] = String(now - this.connection.offsetMs);
    setText(this.label, clock.status === 'Running'
      ? (reading.remainingMs < 0 ? s.overtime : s.remaining)
      : clock.status === 'Ended' && clock.endedAt ? s.endedAt(clockTime(clock.endedAt, zone))
        : s.status[clock.status] ?? clock.status);

    if (this.options.showSlot) this.renderSlot(reading);
    if (this.options.showSessionEnd) {
      this.end.hidden = clock.status === 'NotStarted' || clock.status === 'Ended';
      setText(this.end, s.sessionEndsIn(formatCountdown(Math.max(0, reading.timeToEndMs))));
    }
    if (this.options.showNext) {
      const following = model.session.segments[clock.segment + 1];
      this.next.hidden = clock.status === 'Ended';
      setText(this.next, following ? `${s.next}: ${following.title} (${s.minutes(Math.round(following.plannedSeconds / 60))})` : s.lastSegment);
    }
    return reading;
  }

  private renderSlot(reading: ClockReading): void {
    const model = this.connection.model;
    const name = model.speakerName(model.clock.speakerId);
    const left = reading.slotRemainingMs;
    const active = !!name && left !== null && model.clock.status !== 'Ended';
    this.slot.hidden = !active;
    this.root.dataset['slot'] = String(active);
    if (name && left !== null) {
      // A speaker's own turn has its own colours: the stage display shows those while a slot runs.
      this.root.dataset['slotThreshold'] = model.clock.status === 'NotStarted' ? 'normal' : thresholdOf(left, model.session.thresholds).toLowerCase();
      const text = left < 0 ? this.strings.speakerOver(name, formatCountdown(left).slice(1)) : this.strings.speakerLeft(name, formatCountdown(left));
      setText(this.slot, text);
      this.slot.dataset['over'] = String(left < 0);
    }
  }
}
