// An event's public programme (GET /api/events/{id}) and what the event hub sends the secretariat's
// dashboard and each room's stage display and desk (src/IgfLive.Server/Contracts/RoomDtos.cs).

import type { ClockDto } from './session';

export interface EventInfo {
  id: string;
  title: string;
  /** The venue's IANA time zone: every time of the event is shown in it. */
  timeZone: string;
}

export interface EventSessionView {
  id: string;
  externalId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  participantCode: string;
  /** The clock's status: NotStarted, Running, Paused or Ended. */
  status: string;
  format: string | null;
}

export interface RoomView {
  id: string;
  name: string;
  sessions: EventSessionView[];
}

export interface EventView {
  event: EventInfo;
  rooms: RoomView[];
  /** The event's days, as venue dates (yyyy-MM-dd). */
  days: string[];
}

export interface ImportedSession {
  externalId: string;
  id: string | null;
  title: string;
  room: string;
  startsAt: string;
  endsAt: string;
}

/** A clash in the programme: a room double-booked, a person in two places, an agenda longer than its slot. */
export interface ConflictView {
  kind: string;
  sessions: ImportedSession[];
  detail: string;
}

/** A session of a room's line-up; the key opens it for the watching screen (null on the dashboard). */
export interface RoomSessionDto {
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: string;
  key: string | null;
}

/** A room's current and next session (WatchRoom, RoomChanged); a screen keeps the latest `at`. */
export interface RoomStateDto {
  eventId: string;
  roomId: string;
  roomName: string;
  timeZone: string;
  /** "Stage" or "Desk". */
  screen: string;
  current: RoomSessionDto | null;
  next: RoomSessionDto | null;
  at: string;
}

export interface RoomLiveDto {
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  clock: ClockDto;
  segmentCount: number;
  /** Projected end minus scheduled end, at the summary's `at`: positive when late. */
  lateMs: number;
  projectedEnd: string;
  questionsWaiting: number;
  online: number;
  notes: number;
}

/** "6 min late, next session at 16:30". */
export interface RoomOverrunDto {
  minutesLate: number;
  nextTitle: string;
  nextStartsAt: string;
}

export interface RoomReportDto {
  sessionId: string;
  title: string;
  endedAt: string | null;
  notes: number;
}

/** One room on the dashboard (WatchEvent, RoomsSummarised); the dashboard keeps the latest `at` per room. */
export interface RoomSummaryDto {
  roomId: string;
  roomName: string;
  current: RoomLiveDto | null;
  next: RoomSessionDto | null;
  overrun: RoomOverrunDto | null;
  previous: RoomReportDto | null;
  at: string;
}

export interface DashboardDto {
  event: EventInfo;
  rooms: RoomSummaryDto[];
  conflicts: ConflictView[];
  at: string;
}
