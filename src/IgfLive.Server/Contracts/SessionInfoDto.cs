namespace IgfLive.Server.Contracts;

/// <summary>What the organiser set up; public.</summary>
public sealed record SessionInfoDto(
    string Id,
    string Title,
    DateTimeOffset StartsAt,
    string TimeZone,
    string? Room,
    string ParticipantCode,
    bool AllowAnonymousQuestions,
    ThresholdsDto Thresholds,
    IReadOnlyList<SpeakerDto> Speakers,
    IReadOnlyList<SegmentDto> Segments,
    DateTimeOffset ScheduledEnd);

public sealed record ThresholdsDto(int WarningSeconds, int CriticalSeconds, int TakeawaysSeconds);

public sealed record SpeakerDto(string Id, string Name, string? Organisation, string? StakeholderGroup, string? Region);

public sealed record SegmentDto(int Index, string Title, int PlannedSeconds, string Kind, IReadOnlyList<SlotDto> Slots);

public sealed record SlotDto(string SpeakerId, int PlannedSeconds);
