import type {
  ClockDto, ClockEventData, EventDto, NoteDto, NoteEventData, PresenceDto, QuestionDto, QuestionEventData,
  QuestionsOpenData, RoleKeyRotatedData, SessionInfoDto, SnapshotDto, StageEventData, StageMessageDto,
} from './contracts';

/** Something worth telling the user about as it happens (not when a snapshot is loaded). */
export type Happening =
  | { kind: 'cue'; cue: string; segment: number | null }
  | { kind: 'question'; type: string; question: QuestionDto }
  | { kind: 'segment'; title: string }
  | { kind: 'stage'; message: StageMessageDto | null }
  | { kind: 'questions'; open: boolean }
  | { kind: 'replaced'; role: string }
  | { kind: 'deleted' };

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

  /** Applies the next event (its seq must be version + 1) and says what happened worth telling. */
  apply(event: EventDto): Happening | null {
    this.version = event.seq;
    const data = event.data as Record<string, unknown> | null;
    if (!data || event.type === 'Hidden') return null;
    switch (event.type) {
      case 'QuestionsClosed':
      case 'QuestionsOpened':
        this.questionsOpen = (data as unknown as QuestionsOpenData).questionsOpen;
        return { kind: 'questions', open: this.questionsOpen };
      case 'RoleKeyRotated':
        return { kind: 'replaced', role: (data as unknown as RoleKeyRotatedData).role };
      case 'SessionDeleted':
        return { kind: 'deleted' };
    }
    if ('clock' in data) return this.applyClock(event.type, data as unknown as ClockEventData);
    if ('questionId' in data) return this.applyQuestion(event.type, data as unknown as QuestionEventData);
    if ('note' in data) {
      const note = (data as unknown as NoteEventData).note;
      this.notes.set(note.id, note);
      return null;
    }
    if ('messageId' in data) {
      this.stageMessage = (data as unknown as StageEventData).message;
      return { kind: 'stage', message: this.stageMessage };
    }
    return null;
  }

  private applyClock(type: string, data: ClockEventData): Happening | null {
    const segmentBefore = this.clock.segment;
    this.clock = data.clock;
    if (type === 'CueRaised' && data.cue) {
      this.raisedCues.add(data.cue === 'Takeaways' ? data.cue : `${data.cue}:${data.segment ?? data.clock.segment}`);
      return { kind: 'cue', cue: data.cue, segment: data.segment };
    }
    if (data.clock.segment !== segmentBefore) return { kind: 'segment', title: data.clock.segmentTitle };
    return null;
  }

  private applyQuestion(type: string, data: QuestionEventData): Happening | null {
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
