// A question as the hub sends it (src/IgfLive.Server/Contracts/QuestionDto.cs).

export type QuestionStatus = 'Submitted' | 'Approved' | 'Forwarded' | 'Live' | 'Answered' | 'Rejected' | 'Merged' | 'Withdrawn';
export type Channel = 'Online' | 'Floor';

/**
 * What staff may do to a question (src/IgfLive.Server/Contracts/QuestionActions.cs): hub methods
 * taking its id, and MergeQuestionInto when another question may be merged into this one.
 */
export type QuestionCommandName =
  | 'ApproveQuestion' | 'ForwardQuestion' | 'EditQuestion' | 'MoveQuestion' | 'MergeQuestion' | 'MergeQuestionInto'
  | 'RejectQuestion' | 'RejectQuestionFor' | 'MakeQuestionLive' | 'MarkQuestionAnswered' | 'PromoteQuestion';

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
  rejectionCode: string | null;
  mergedInto: string | null;
  mine: boolean;
  /** What the viewer's role may do to the question now, as its status stands; empty for participants and the stage. */
  actions: QuestionCommandName[];
}
