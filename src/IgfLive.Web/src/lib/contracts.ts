// The server's wire contracts (src/IgfLive.Server/Contracts), as JSON: camelCase, enums as names,
// instants as ISO 8601 strings.

export type ClockStatus = 'NotStarted' | 'Running' | 'Paused' | 'Ended';
export type Threshold = 'Normal' | 'Warning' | 'Critical' | 'Overtime';
export type QuestionStatus = 'Submitted' | 'Approved' | 'Forwarded' | 'Live' | 'Answered' | 'Rejected' | 'Merged' | 'Withdrawn';
export type Channel = 'Online' | 'Floor';
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

export interface QuestionDto {
  id: string;
  text: string;
  originalText: string | null;
  authorName: string | null;
  organisation: string | null;
  stakeholderGroup: string | null;
  channel: Channel;
  addressedTo: string | null;
  segment: number;
  status: QuestionStatus;
  votes: number;
  submittedAt: string;
  rejectionReason: string | null;
  /** The preset reason's stable code (covered, no_time, off_topic, conduct), which views translate; null for a moderator's own words. */
  rejectionCode?: string | null;
  mergedInto: string | null;
  mine: boolean;
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

export interface JoinResult {
  role: string;
  participantId: string | null;
  participantToken: string | null;
  snapshot: SnapshotDto;
}

export interface EventDto {
  seq: number;
  at: string;
  type: string;
  data: unknown;
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

export interface ClockEventData {
  clock: ClockDto;
  segment: number | null;
  seconds: number | null;
  cue: string | null;
}

export interface QuestionEventData {
  questionId: string;
  question: QuestionDto | null;
  votes: number;
  onlineQueue: string[] | null;
  onsiteQueue: string[] | null;
  liveQuestionId: string | null;
  /** QuestionMerged: the question it joined, with the duplicate's voters counted (null when not visible to this view). */
  into?: QuestionDto | null;
}

export interface NoteEventData {
  note: NoteDto;
}

/** QuestionsClosed, QuestionsOpened. */
export interface QuestionsOpenData {
  questionsOpen: boolean;
}

/** RoleKeyRotated: that role's link was replaced; connections opened with the old one are refused from now on. */
export interface RoleKeyRotatedData {
  role: string;
}

export interface StageEventData {
  messageId: string;
  message: StageMessageDto | null;
}

export interface SubmitQuestionRequest {
  text: string;
  name: string | null;
  organisation: string | null;
  stakeholderGroup: string | null;
  addressedTo: string | null;
}

export interface RecordQuestionRequest extends SubmitQuestionRequest {
  channel: Channel;
  /** Onsite moderator only: the question is also made live at once. */
  askNow?: boolean;
}

export interface AddNoteRequest {
  kind: NoteKind;
  text: string;
  segment: number | null;
  speakerId: string | null;
  questionId: string | null;
  /** Chosen by the client; a second AddNote with the same id records nothing and returns the first note's id. */
  requestId?: string | null;
}

export interface EditNoteRequest {
  noteId: string;
  kind: NoteKind;
  text: string;
  segment: number | null;
  speakerId: string | null;
}

export interface PromoteQuestionRequest {
  questionId: string;
  kind: NoteKind;
  answer: string | null;
}

/** Text limits of the server (IgfLive.Core TextRules), so forms can say so before sending. */
export const limits = {
  question: 500,
  name: 100,
  organisation: 150,
  stakeholderGroup: 60,
  reason: 300,
  note: 2000,
  stageMessage: 140,
  title: 200,
  room: 100,
} as const;
