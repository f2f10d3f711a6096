namespace IgfLive.Server.Contracts;

/// <summary>Data of clock events and cues: the clock as it stands after the event, evaluated when sent.</summary>
public sealed record ClockEventData(ClockDto Clock, int? Segment, int? Seconds, string? Cue);

/// <summary>Data of question events: the question after the event, and (for staff) both queues.</summary>
/// <param name="Into">For <c>QuestionMerged</c>: the question it was merged into, after the merge (its
/// votes now count the duplicate's voters), when this audience may see that question; otherwise null.</param>
public sealed record QuestionEventData(
    string QuestionId,
    QuestionDto? Question,
    int Votes,
    IReadOnlyList<string>? OnlineQueue,
    IReadOnlyList<string>? OnsiteQueue,
    string? LiveQuestionId,
    QuestionDto? Into = null);

public sealed record NoteEventData(NoteDto Note);

public sealed record StageEventData(string MessageId, StageMessageDto? Message);

/// <summary>Data of <c>RoleKeyRotated</c>: which role's link was replaced (never the key or its hash).</summary>
public sealed record RoleKeyEventData(string Role);

/// <summary>Data of <c>QuestionsClosed</c> and <c>QuestionsOpened</c>, for every audience: whether participants may ask now.</summary>
public sealed record QuestionsOpenData(bool QuestionsOpen);

/// <summary>Data of <c>SessionDeleted</c>, for every audience: the session is gone, and its views can say so.</summary>
public sealed record SessionDeletedData(string SessionId);

/// <summary>
/// Data of <c>SessionRescheduled</c>, for every audience: the event's programme moved, renamed or
/// re-planned the session before it started; what it now is, and its clock.
/// </summary>
public sealed record RescheduledData(
    ClockDto Clock,
    string Title,
    DateTimeOffset StartsAt,
    string? Room,
    DateTimeOffset ScheduledEnd,
    IReadOnlyList<SpeakerDto> Speakers,
    IReadOnlyList<SegmentDto> Segments);
