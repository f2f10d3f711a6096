namespace IgfLive.Server.Contracts;

/// <summary>Everything a client in a given role needs to draw its view, as of <see cref="Version"/>.</summary>
public sealed record SnapshotDto(
    long Version,
    string Role,
    SessionInfoDto Session,
    ClockDto Clock,
    IReadOnlyList<QuestionDto> Questions,
    IReadOnlyList<string> OnlineQueue,
    IReadOnlyList<string> OnsiteQueue,
    string? LiveQuestionId,
    IReadOnlyList<NoteDto> Notes,
    StageMessageDto? StageMessage,
    IReadOnlyList<string> RaisedCues,
    IReadOnlyList<string> MyVotes,
    PresenceDto Presence,
    bool QuestionsOpen);

/// <summary>The answer to Join.</summary>
public sealed record JoinResult(string Role, string? ParticipantId, string? ParticipantToken, SnapshotDto Snapshot);

/// <summary>The answer to Resync: the missed events, or a snapshot when too many were missed.</summary>
public sealed record ResyncResult(IReadOnlyList<EventDto> Events, SnapshotDto? Snapshot);

/// <summary>The answer to every command: the sequence number of the last event it produced (or the current version).</summary>
public sealed record CommandResult(long Version, string? Id);
