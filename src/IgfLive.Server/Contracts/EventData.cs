namespace IgfLive.Server.Contracts;

/// <summary>Data of clock events and cues: the clock as it stands after the event, evaluated when sent.</summary>
public sealed record ClockEventData(ClockDto Clock, int? Segment, int? Seconds, string? Cue);

/// <summary>Data of question events: the question after the event, and (for staff) both queues.</summary>
public sealed record QuestionEventData(
    string QuestionId,
    QuestionDto? Question,
    int Votes,
    IReadOnlyList<string>? OnlineQueue,
    IReadOnlyList<string>? OnsiteQueue,
    string? LiveQuestionId);

public sealed record NoteEventData(NoteDto Note);

public sealed record StageEventData(string MessageId, StageMessageDto? Message);
