import type { ClockDto, Threshold, ThresholdsDto } from './contracts';

/**
 * The countdown every view draws, computed locally from the server's last clock and the
 * estimated server time: no per-second messages, and every screen agrees because every screen
 * does the same arithmetic on the same numbers.
 */
export interface ClockReading {
  /** Remaining time in the segment in ms; negative in overtime. */
  remainingMs: number;
  slotRemainingMs: number | null;
  timeToEndMs: number;
  sessionElapsedMs: number;
  /** Projected end minus scheduled end: positive means running late. */
  driftMs: number;
  threshold: Threshold;
}

export function read(clock: ClockDto, serverNow: number, thresholds: ThresholdsDto): ClockReading {
  const running = clock.status === 'Running';
  const since = running ? serverNow - Date.parse(clock.at) : 0;
  const remainingMs = clock.segmentRemainingMs - since;
  // The projected end stands still while a segment has time left, and moves with the clock in
  // overtime or while paused (the remaining plan is pushed back).
  const paused = clock.status === 'Paused' ? serverNow - Date.parse(clock.at) : 0;
  const overtimeGrowth = Math.max(0, -remainingMs) - Math.max(0, -clock.segmentRemainingMs);
  return {
    remainingMs,
    slotRemainingMs: clock.slotRemainingMs === null ? null : clock.slotRemainingMs - since,
    timeToEndMs: clock.status === 'Ended' ? 0 : clock.timeToEndMs - since,
    sessionElapsedMs: clock.sessionElapsedMs + since,
    driftMs: clock.driftMs + overtimeGrowth + paused,
    threshold: clock.status === 'NotStarted' || clock.status === 'Ended' ? 'Normal' : thresholdOf(remainingMs, thresholds),
  };
}

export function thresholdOf(remainingMs: number, thresholds: ThresholdsDto): Threshold {
  if (remainingMs < 0) return 'Overtime';
  if (remainingMs <= thresholds.criticalSeconds * 1000) return 'Critical';
  return remainingMs <= thresholds.warningSeconds * 1000 ? 'Warning' : 'Normal';
}

/**
 * "12:05" for time left (whole seconds rounded up, so 0:00 means the time is really up) and
 * "+0:12" in overtime (rounded down). Hours appear only when needed.
 */
export function formatCountdown(ms: number): string {
  if (ms < 0) return `+${formatDuration(Math.floor(-ms / 1000))}`;
  return formatDuration(Math.ceil(ms / 1000));
}

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.trunc(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours > 0 ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** Whole minutes, for plans: "5 min". */
export function minutes(ms: number): number {
  return Math.round(ms / 60000);
}

/** Calls back a few times a second with the current estimated server time. */
export function tick(serverNow: () => number, render: (now: number) => void, everyMs = 100): () => void {
  render(serverNow());
  const timer = window.setInterval(() => render(serverNow()), everyMs);
  return () => window.clearInterval(timer);
}
