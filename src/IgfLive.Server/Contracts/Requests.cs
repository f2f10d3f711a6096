namespace IgfLive.Server.Contracts;

/// <summary>Join a session. <see cref="Key"/> is a role's secret key, or the participant code for participants.</summary>
public sealed record JoinRequest(string SessionId, string Key, string? ParticipantToken);

public sealed record SubmitQuestionRequest(string Text, string? Name, string? Organisation, string? StakeholderGroup, string? AddressedTo);

/// <summary>A question a moderator records from the room ("Floor") or from the video-call chat ("Online").</summary>
/// <param name="AskNow">The onsite moderator's question is made live at once (refused while another is live; not for the online moderator).</param>
public sealed record RecordQuestionRequest(string Text, string? Name, string? Organisation, string? StakeholderGroup, string? Channel, string? AddressedTo, bool? AskNow = null);

/// <param name="RequestId">The client's own id for the note (1–64 of A–Z, a–z, 0–9, '_', '-'): resending it adds nothing and answers the same note id.</param>
public sealed record AddNoteRequest(string Kind, string Text, int? Segment, string? SpeakerId, string? QuestionId, string? RequestId = null);

public sealed record EditNoteRequest(string NoteId, string Kind, string Text, int? Segment, string? SpeakerId);

public sealed record PromoteQuestionRequest(string QuestionId, string Kind, string? Answer);
