using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Stage;

namespace IgfLive.Core.Sessions;

/// <summary>Something a person (or the cue service) asks a session to do. Roles are checked by the server.</summary>
public abstract record SessionCommand;

public sealed record StartClock : SessionCommand;
public sealed record PauseClock : SessionCommand;
public sealed record ResumeClock : SessionCommand;

/// <summary>Moves to the next speaker slot of the segment, or to the next segment after the last slot.</summary>
public sealed record NextSegment : SessionCommand;

/// <summary>Moves to the previous speaker slot, or to the previous segment from the first slot.</summary>
public sealed record PreviousSegment : SessionCommand;

public sealed record GoToSegment(int Segment) : SessionCommand;
public sealed record GoToSpeakerSlot(int Slot) : SessionCommand;

/// <summary>Gives the current segment more (positive) or less (negative) time.</summary>
public sealed record AdjustSegment(int Seconds) : SessionCommand;

public sealed record EndSession : SessionCommand;

/// <summary>Raises the threshold cue that is due now, if any (issued by the server's cue service).</summary>
public sealed record RaiseDueCue : SessionCommand;

public sealed record SubmitQuestion(string Text, QuestionAuthor Author, string ParticipantId, string? AddressedTo) : SessionCommand;

/// <summary>A moderator records a question from the room or the video-call chat; it skips triage and lands in <paramref name="Destination"/>.</summary>
/// <param name="AskNow">Into the room's queue only: the question is made live at once (refused, recording nothing, while another one is live).</param>
public sealed record RecordQuestion(
    string Text,
    QuestionAuthor Author,
    QuestionChannel Channel,
    string? AddressedTo,
    QueueKind Destination = QueueKind.OnlineQueue,
    bool AskNow = false) : SessionCommand;

public sealed record ApproveQuestion(string QuestionId) : SessionCommand;
public sealed record RejectQuestion(string QuestionId, string Reason) : SessionCommand;

/// <summary>Rejects a question for one of the <see cref="PresetRejectionReasons"/>, named by its code.</summary>
public sealed record RejectQuestionFor(string QuestionId, string ReasonCode) : SessionCommand;

public sealed record EditQuestion(string QuestionId, string Text) : SessionCommand;
public sealed record MergeQuestion(string QuestionId, string IntoQuestionId) : SessionCommand;
/// <summary>A moderator moves a question to a 0-based position in the queue they order.</summary>
/// <param name="Queue">The caller's queue: the online moderator's (approved questions) or the room's (forwarded ones); a question in the other one is not theirs to move.</param>
public sealed record MoveQuestion(string QuestionId, int Position, QueueKind Queue = QueueKind.OnlineQueue) : SessionCommand;
public sealed record ForwardQuestion(string QuestionId) : SessionCommand;
public sealed record MakeQuestionLive(string QuestionId) : SessionCommand;
public sealed record MarkQuestionAnswered(string QuestionId) : SessionCommand;
public sealed record WithdrawQuestion(string QuestionId, string ParticipantId) : SessionCommand;
public sealed record VoteQuestion(string QuestionId, string ParticipantId) : SessionCommand;
public sealed record UnvoteQuestion(string QuestionId, string ParticipantId) : SessionCommand;

/// <summary>Stops participants asking; moderators may still record questions, and votes and withdrawals go on.</summary>
public sealed record CloseQuestions : SessionCommand;

public sealed record OpenQuestions : SessionCommand;

/// <summary>Adds a note; segment and speaker default to where the clock is now.</summary>
/// <param name="RequestId">
/// The client's own id for this note (1–64 of A–Z, a–z, 0–9, '_' and '-'): an AddNote whose request id is
/// already on a note of the session records nothing, so a note resent after a lost answer is kept once.
/// </param>
public sealed record AddNote(NoteKind Kind, string Text, int? Segment, string? SpeakerId, string? QuestionId, string? RequestId = null) : SessionCommand;

public sealed record EditNote(string NoteId, NoteKind Kind, string Text, int? Segment, string? SpeakerId) : SessionCommand;
public sealed record DeleteNote(string NoteId) : SessionCommand;
public sealed record RestoreNote(string NoteId) : SessionCommand;

/// <summary>Turns a question, and optionally the answer given, into a rapporteur note.</summary>
public sealed record PromoteQuestion(string QuestionId, NoteKind Kind, string? Answer) : SessionCommand;

/// <summary>Shows a message on the stage display; an unpinned one is cleared when the floor moves on (see <see cref="StageMessage.Pinned"/>).</summary>
public sealed record SendStageMessage(string Text, bool Pinned) : SessionCommand;
public sealed record AcknowledgeStageMessage(string MessageId) : SessionCommand;
public sealed record ClearStageMessage(string MessageId) : SessionCommand;

/// <summary>The organiser replaces a role's secret key: from then on the key with this hash opens the role, and the old one nothing.</summary>
/// <param name="KeyHash">The SHA-256 of the new key, as 64 lowercase hexadecimal characters; the key itself never reaches the log.</param>
public sealed record RotateRoleKey(SessionRole Role, string KeyHash) : SessionCommand;

/// <summary>The organiser deletes a session before it starts (a duplicate, a cancelled slot); its log stays.</summary>
public sealed record DeleteSession : SessionCommand;

/// <summary>The event's programme moved, renamed or re-planned a session that has not started: from now on it is <see cref="Definition"/>.</summary>
public sealed record RescheduleSession(SessionDefinition Definition) : SessionCommand;
