// What the pages send with hub commands (src/IgfLive.Server/Contracts/Requests.cs), and the
// server's text limits, so forms can say so before sending.

import type { Channel } from './questions';
import type { NoteKind } from './session';

export interface SubmitQuestionRequest {
  text: string;
  name: string | null;
  organisation: string | null;
  stakeholderGroup: string | null;
  addressedTo: string | null;
}

export interface RecordQuestionRequest extends SubmitQuestionRequest {
  /** Where the moderator heard it; the room (Floor) when null. */
  channel: Channel | null;
  /** Onsite moderator only: the question is also made live at once. */
  askNow?: boolean | null;
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

/** Text limits of the server (IgfLive.Core TextRules). */
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
