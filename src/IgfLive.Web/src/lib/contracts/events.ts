// The session's log as the hub sends it (EventsRecorded, Resync): each event's `type` says what
// its `data` holds (src/IgfLive.Server/Contracts/EventData.cs and EventProjection.cs).

import type { QuestionDto } from './questions';
import type { ClockDto, NoteDto, SegmentDto, SpeakerDto, StageMessageDto } from './session';

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

export interface StageEventData {
  messageId: string;
  message: StageMessageDto | null;
}

/** QuestionsClosed, QuestionsOpened. */
export interface QuestionsOpenData {
  questionsOpen: boolean;
}

/** RoleKeyRotated: that role's link was replaced; connections opened with the old one are refused from now on. */
export interface RoleKeyEventData {
  role: string;
}

/** SessionDeleted: the session is gone, and its views say so. */
export interface SessionDeletedData {
  sessionId: string;
}

/**
 * SessionRescheduled: the event's programme moved, renamed or re-planned the session before it
 * started; what the session now is, and its clock. Questions, notes and keys stay.
 */
export interface RescheduledData {
  clock: ClockDto;
  title: string;
  startsAt: string;
  room: string | null;
  scheduledEnd: string;
  speakers: SpeakerDto[];
  segments: SegmentDto[];
}

export type ClockEventType =
  | 'ClockStarted' | 'ClockPaused' | 'ClockResumed' | 'SegmentEntered' | 'SpeakerSlotEntered' | 'SegmentAdjusted' | 'SessionEnded' | 'CueRaised';
export type QuestionEventType =
  | 'QuestionSubmitted' | 'QuestionApproved' | 'QuestionRejected' | 'QuestionEdited' | 'QuestionMerged' | 'QuestionMoved'
  | 'QuestionForwarded' | 'QuestionMadeLive' | 'QuestionAnswered' | 'QuestionWithdrawn' | 'QuestionVoted' | 'QuestionUnvoted';
export type NoteEventType = 'NoteAdded' | 'NoteEdited' | 'NoteDeleted' | 'NoteRestored';
export type StageEventType = 'StageMessageSent' | 'StageMessageAcknowledged' | 'StageMessageCleared';

/** One kind of event: its type names and the data they carry. */
interface EventOf<Type extends string, Data> {
  seq: number;
  at: string;
  type: Type;
  data: Data;
}

/**
 * One event of the log as this view sees it, told apart by `type`. An event this view may not see
 * arrives as Hidden, without data, so that every sequence number arrives.
 */
export type EventDto =
  | EventOf<'SessionCreated' | 'Hidden', null>
  | EventOf<ClockEventType, ClockEventData>
  | EventOf<QuestionEventType, QuestionEventData>
  | EventOf<NoteEventType, NoteEventData>
  | EventOf<StageEventType, StageEventData>
  | EventOf<'QuestionsClosed' | 'QuestionsOpened', QuestionsOpenData>
  | EventOf<'RoleKeyRotated', RoleKeyEventData>
  | EventOf<'SessionDeleted', SessionDeletedData>
  | EventOf<'SessionRescheduled', RescheduledData>;

export type EventType = EventDto['type'];
