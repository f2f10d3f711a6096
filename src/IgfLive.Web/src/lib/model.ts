import type {
  ClockDto, ClockEventData, ClockEventType, EventDto, NoteDto, PresenceDto, QuestionDto, QuestionEventData,
  QuestionEventType, SessionInfoDto, SnapshotDto, StageMessageDto,
} from './contracts';

/** Something worth telling the user about as it happens (not when a snapshot is loaded). */
export type Happening =
  | { kind: 'cue'; cue: string; segment: number | null }
  | { kind: 'question'; type: QuestionEventType | 'MyQuestionChanged'; question: QuestionDto }
  | { kind: 'segment'; title: string }
  | { kind: 'stage'; message: StageMessageDto | null }
  | { kind: 'questions'; open: boolean }
  | { kind: 'replaced'; role: string }
  | { kind: 'deleted' }
  | { kind: 'rescheduled' };

/**
 * A session as one client sees it: the snapshot from Join, then every event applied in sequence.
 * The fold mirrors the server's projection; data in an event is the state after it.
 */
export class SessionModel {
  version = 0;
  role = '';
  session!: SessionInfoDto;
  clock!: ClockDto;
  readonly questions = new Map<string, QuestionDto>();
  onlineQueue: string[] = [];
  onsiteQueue: string[] = [];
  liveQuestionId: string | null = null;
  readonly notes = new Map<string, NoteDto>();
  stageMessage: StageMessageDto | null = null;
  readonly raisedCues = new Set<string>();
  readonly myVotes = new Set<string>();
  /** The participant's own questions: participants' live events never say whose a question is. */
  readonly mine = new Set<string>();
  presence: PresenceDto = { online: 0, peak: 0 };
  questionsOpen = true;
  loaded = false;

  load(snapshot: SnapshotDto): void {
    this.version = snapshot.version;
    this.role = snapshot.role;
    this.session = snapshot.session;
    this.clock = snapshot.clock;
    this.questions.clear();
    for (const q of snapshot.questions) {
      this.questions.set(q.id, q);
      if (q.mine) this.mine.add(q.id);
    }
    this.onlineQueue = [...snapshot.onlineQueue];
    this.onsiteQueue = [...snapshot.onsiteQueue];
    this.liveQuestionId = snapshot.liveQuestionId;
    this.notes.clear();
    for (const n of snapshot.notes) this.notes.set(n.id, n);
    this.stageMessage = snapshot.stageMessage;
    this.raisedCues.clear();
    for (const c of snapshot.raisedCues) this.raisedCues.add(c);
    this.myVotes.clear();
    for (const v of snapshot.myVotes) this.myVotes.add(v);
    this.presence = snapshot.presence;
    this.questionsOpen = snapshot.questionsOpen ?? true;
    this.loaded = true;
  }

  /**
   * Applies the next event (its seq must be version + 1) and says what happened worth telling.
   * Events are told apart by type; a type this page does not know (from a newer server) changes
   * nothing, so the page keeps working with what it knows.
   */
  apply(event: EventDto): Happening | null {
    this.version = event.seq;
    const type: string = event.type;
    switch (event.type) {
      case 'SessionCreated':
      case 'Hidden':
        return null;
      case 'ClockStarted': case 'ClockPaused': case 'ClockResumed': case 'SessionEnded':
      case 'SegmentEntered': case 'SpeakerSlotEntered': case 'SegmentAdjusted': case 'CueRaised':
        return this.applyClock(event.type, event.data);
      case 'QuestionSubmitted': case 'QuestionApproved': case 'QuestionRejected': case 'QuestionEdited':
      case 'QuestionMerged': case 'QuestionMoved': case 'QuestionForwarded': case 'QuestionMadeLive':
      case 'QuestionAnswered': case 'QuestionWithdrawn': case 'QuestionVoted': case 'QuestionUnvoted':
        return this.applyQuestion(event.type, event.data);
      case 'NoteAdded': case 'NoteEdited': case 'NoteDeleted': case 'NoteRestored':
        this.notes.set(event.data.note.id, event.data.note);
        return null;
      case 'StageMessageSent': case 'StageMessageAcknowledged': case 'StageMessageCleared':
        this.stageMessage = event.data.message;
        return { kind: 'stage', message: this.stageMessage };
      case 'QuestionsClosed':
      case 'QuestionsOpened':
        this.questionsOpen = event.data.questionsOpen;
        return { kind: 'questions', open: this.questionsOpen };
      case 'RoleKeyRotated':
        return { kind: 'replaced', role: event.data.role };
      case 'SessionDeleted':
        return { kind: 'deleted' };
      case 'SessionRescheduled': {
        const { clock, ...now } = event.data;
        this.session = { ...this.session, ...now };
        this.clock = clock;
        return { kind: 'rescheduled' };
      }
      default:
        return ignoreUnknown(type, event);
    }
  }

  private applyClock(type: ClockEventType, data: ClockEventData): Happening | null {
    const segmentBefore = this.clock.segment;
    this.clock = data.clock;
    if (type === 'CueRaised' && data.cue) {
      this.raisedCues.add(data.cue === 'Takeaways' ? data.cue : `${data.cue}:${data.segment ?? data.clock.segment}`);
      return { kind: 'cue', cue: data.cue, segment: data.segment };
    }
    if (data.clock.segment !== segmentBefore) return { kind: 'segment', title: data.clock.segmentTitle };
    return null;
  }

  private applyQuestion(type: QuestionEventType, data: QuestionEventData): Happening | null {
    if (data.onlineQueue) this.onlineQueue = [...data.onlineQueue];
    if (data.onsiteQueue) this.onsiteQueue = [...data.onsiteQueue];
    this.liveQuestionId = data.liveQuestionId;
    if (data.into) {
      const into: QuestionDto = { ...data.into, mine: data.into.mine || this.mine.has(data.into.id) };
      this.questions.set(into.id, into);
      // A vote for the duplicate now counts for the question it joined (unless that question is one's own).
      if (this.myVotes.has(data.questionId) && !into.mine) this.myVotes.add(into.id);
    }
    const incoming = data.question;
    if (!incoming) return null;
    const known = this.questions.get(incoming.id);
    if (!known && incoming.text === '' && !this.mine.has(incoming.id)) return null;
    // A participant is told that their own question ended by id and reason only: keep the words they wrote.
    const merged: QuestionDto = known && incoming.text === ''
      ? { ...known, status: incoming.status, rejectionReason: incoming.rejectionReason ?? known.rejectionReason, mergedInto: incoming.mergedInto, votes: incoming.votes }
      : { ...incoming, mine: incoming.mine || this.mine.has(incoming.id) };
    this.questions.set(merged.id, merged);
    if (type === 'QuestionUnvoted' || type === 'QuestionVoted') return null;
    return { kind: 'question', type, question: merged };
  }

  /** News of one of the participant's own questions (MyQuestionChanged): the full question, as it stands. */
  applyOwnQuestion(question: QuestionDto): Happening {
    this.mine.add(question.id);
    const own: QuestionDto = { ...question, mine: true };
    this.questions.set(own.id, own);
    return { kind: 'question', type: 'MyQuestionChanged', question: own };
  }

  /** Records the participant's own new question before (or after) its hidden event arrives. */
  addOwnQuestion(question: QuestionDto): void {
    this.mine.add(question.id);
    if (!this.questions.has(question.id)) this.questions.set(question.id, question);
  }

  speakerName(id: string | null | undefined): string | null {
    if (!id) return null;
    return this.session.speakers.find((s) => s.id === id)?.name ?? null;
  }

  cueRaised(cue: string): boolean {
    return this.raisedCues.has(cue);
  }
}

const unknownTypes = new Set<string>();

/** An event type this page was built without: said once on the console, and otherwise ignored. */
function ignoreUnknown(type: string, _known: never): null {
  if (!unknownTypes.has(type)) {
    unknownTypes.add(type);
    console.warn(`Ignoring events of type ${type}, which this page does not know.`);
  }
  return null;
}
