namespace IgfLive.Server.Contracts;

public sealed record NoteDto(
    string Id,
    string Kind,
    string Text,
    int Segment,
    string? SpeakerId,
    string? QuestionId,
    long SessionTimeMs,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted);

/// <param name="Pinned">Stays when the floor moves on, until cleared by hand.</param>
public sealed record StageMessageDto(string Id, string Text, DateTimeOffset SentAt, DateTimeOffset? AcknowledgedAt, bool Pinned);

public sealed record PresenceDto(int Online, int Peak);

public sealed record QueueAdviceDto(IReadOnlyList<string> SuggestedOrder, int FitInTimeLeft, int AverageAnswerSeconds);
