using IgfLive.Core.Sessions;

namespace IgfLive.Core.Questions;

public sealed record QuestionSubmitted(
    string QuestionId,
    string Text,
    QuestionAuthor Author,
    string? ParticipantId,
    QuestionChannel Channel,
    string? AddressedTo,
    int Segment) : SessionEvent;

public sealed record QuestionApproved(string QuestionId) : SessionEvent;

/// <param name="ReasonCode">The preset reason's code (<see cref="PresetRejectionReasons"/>); null for a reason typed by the moderator, and in events recorded before codes.</param>
public sealed record QuestionRejected(string QuestionId, string Reason, string? ReasonCode = null) : SessionEvent;

/// <summary>A moderator changed the wording; the first original is kept on the question.</summary>
public sealed record QuestionEdited(string QuestionId, string Text) : SessionEvent;

/// <summary>A duplicate was folded into another question; its votes go with it.</summary>
public sealed record QuestionMerged(string QuestionId, string IntoQuestionId) : SessionEvent;

/// <summary>A moderator moved a question to a 0-based position in its queue: the online queue for an approved question, the room's for a forwarded one.</summary>
public sealed record QuestionMoved(string QuestionId, int Position) : SessionEvent;

public sealed record QuestionForwarded(string QuestionId) : SessionEvent;

public sealed record QuestionMadeLive(string QuestionId) : SessionEvent;

public sealed record QuestionAnswered(string QuestionId) : SessionEvent;

public sealed record QuestionWithdrawn(string QuestionId) : SessionEvent;

public sealed record QuestionVoted(string QuestionId, string ParticipantId) : SessionEvent;

public sealed record QuestionUnvoted(string QuestionId, string ParticipantId) : SessionEvent;

/// <summary>Participants can no longer ask (moderators still record, everyone still votes); the end of a session closes them too.</summary>
public sealed record QuestionsClosed : SessionEvent;

public sealed record QuestionsOpened : SessionEvent;
