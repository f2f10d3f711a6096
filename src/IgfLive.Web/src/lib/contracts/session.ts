// A session as the hub describes it (src/IgfLive.Server/Contracts): clock, set-up, notes, stage
// messages, the snapshot a Join returns and the answers of Resync and of every command.

import type { EventDto } from './events';
import type { QuestionDto } from './questions';

export type ClockStatus = 'NotStarted' | 'Running' | 'Paused' | 'Ended';
export type Threshold = 'Normal' | 'Warning' | 'Critical' | 'Overtime';
export type NoteKind = 'KeyTakeaway' | 'CallToAction' | 'Point' | 'Quote';
export const noteKinds: readonly NoteKind[] = ['KeyTakeaway', 'CallToAction', 'Point', 'Quote'];

export interface SegmentTimingDto {
  index: number;
  plannedMs: number;
  adjustedMs: number;
  actualStart: string | null;
  actualEnd: string | null;
  elapsedMs: number;
}

export interface ClockDto {
  status: ClockStatus;
  segment: number;
  segmentTitle: string;
  slot: number | null;
  speakerId: string | null;
  at: string;
  segmentPlannedMs: number;
  segmentElapsedMs: number;
  segmentRemainingMs: number;
  slotPlannedMs: number | null;
  slotRemainingMs: number | null;
  threshold: Threshold;
  sessionElapsedMs: number;
  startedAt: string | null;
  endedAt: string | null;
  scheduledEnd: string;
  projectedEnd: string;
  driftMs: number;
  timeToEndMs: number;
  segments: SegmentTimingDto[];
}

export interface ThresholdsDto {
  warningSeconds: number;
  criticalSeconds: number;
  takeawaysSeconds: number;
}

export interface SpeakerDto {
  id: string;
  name: string;
  organisation: string | null;
  stakeholderGroup: string | null;
  region: string | null;
}

export interface SlotDto {
  speakerId: string;
  plannedSeconds: number;
}

export interface SegmentDto {
  index: number;
  title: string;
  plannedSeconds: number;
  kind: string;
  slots: SlotDto[];
}

export interface SessionInfoDto {
  id: string;
  title: string;
  startsAt: string;
  timeZone: string;
  room: string | null;
  participantCode: string;
  allowAnonymousQuestions: boolean;
  thresholds: ThresholdsDto;
  speakers: SpeakerDto[];
  segments: SegmentDto[];
  scheduledEnd: string;
}

export interface NoteDto {
  id: string;
  kind: NoteKind;
  text: string;
  segment: number;
  speakerId: string | null;
  questionId: string | null;
  sessionTimeMs: number;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface StageMessageDto {
  id: string;
  text: string;
  sentAt: string;
  acknowledgedAt: string | null;
  /** Stays when the segment or speaker changes (an unpinned message is cleared then). */
  pinned: boolean;
}

export interface PresenceDto {
  online: number;
  peak: number;
}

export interface QueueAdviceDto {
  suggestedOrder: string[];
  fitInTimeLeft: number;
  averageAnswerSeconds: number;
}

export interface SnapshotDto {
  version: number;
  role: string;
  session: SessionInfoDto;
  clock: ClockDto;
  questions: QuestionDto[];
  onlineQueue: string[];
  onsiteQueue: string[];
  liveQuestionId: string | null;
  notes: NoteDto[];
  stageMessage: StageMessageDto | null;
  raisedCues: string[];
  myVotes: string[];
  presence: PresenceDto;
  /** Whether participants may ask now (closed at the end, and by a moderator at any time). */
  questionsOpen: boolean;
}

/** Join: `key` is a role's secret key, or the participant code for participants. */
export interface JoinRequest {
  sessionId: string;
  key: string;
  participantToken: string | null;
}

export interface JoinResult {
  role: string;
  participantId: string | null;
  participantToken: string | null;
  snapshot: SnapshotDto;
}

export interface ResyncResult {
  events: EventDto[];
  snapshot: SnapshotDto | null;
}

export interface CommandResult {
  version: number;
  id: string | null;
}

/** A refusal: a stable code (docs/protocol.md, Errors) and a message in English. */
export interface HubError {
  code: string;
  message: string;
}

/** What every hub method answers: its value, or (with a null value) the refusal. */
export type HubReply<T> = { value: T; error: null } | { value: null; error: HubError };
