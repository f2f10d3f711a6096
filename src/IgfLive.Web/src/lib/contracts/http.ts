// Answers of the HTTP API (src/IgfLive.Server/Endpoints): the organiser's list, the agenda
// preview, a created session, a replaced link, and a session's public summary.

import type { ClockDto, SessionInfoDto } from './session';

export interface SessionListItem {
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  room: string | null;
  participantCode: string;
  createdAt: string;
  /** The clock's status: NotStarted, Running, Paused or Ended. */
  status: string;
}

export interface PerSpeakerRange {
  minMinutes: number;
  maxMinutes: number;
  speakers: number | null;
}

export interface AgendaPreviewSegment {
  line: number;
  title: string;
  minutes: number | null;
  kind: string;
  description: string | null;
  perSpeaker: PerSpeakerRange | null;
}

/** A line of pasted agenda text the parser could not read, and why. */
export interface UnreadLine {
  line: number;
  text: string;
  reason: string;
}

export interface AgendaPreview {
  segments: AgendaPreviewSegment[];
  unread: UnreadLine[];
  totalMinutes: number;
}

/** The answer to creating a session: the role keys appear here once (only their hashes are kept). */
export interface SessionCreatedResponse {
  id: string;
  participantCode: string;
  links: Record<string, string>;
  keys: Record<string, string>;
  session: SessionInfoDto;
  unread: UnreadLine[];
}

/** A replaced link: the role's new key, shown this once. */
export interface RoleKeyResponse {
  role: string;
  key: string;
  link: string;
}

/** GET /api/sessions/{id} and /api/sessions/by-code/{code}. */
export interface SessionSummary {
  session: SessionInfoDto;
  clock: ClockDto;
}
