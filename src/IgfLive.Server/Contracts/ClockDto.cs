namespace IgfLive.Server.Contracts;

/// <summary>
/// The clock as evaluated on the server at <see cref="At"/>. A client renders the countdown itself:
/// while <see cref="Status"/> is "Running", remaining = SegmentRemainingMs − (serverNow − At), where
/// serverNow is its own clock plus its measured offset to the server.
/// </summary>
public sealed record ClockDto(
    string Status,
    int Segment,
    string SegmentTitle,
    int? Slot,
    string? SpeakerId,
    DateTimeOffset At,
    long SegmentPlannedMs,
    long SegmentElapsedMs,
    long SegmentRemainingMs,
    long? SlotPlannedMs,
    long? SlotRemainingMs,
    string Threshold,
    long SessionElapsedMs,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset ScheduledEnd,
    DateTimeOffset ProjectedEnd,
    long DriftMs,
    long TimeToEndMs,
    IReadOnlyList<SegmentTimingDto> Segments);

/// <summary>Planned versus actual for one segment.</summary>
public sealed record SegmentTimingDto(int Index, long PlannedMs, long AdjustedMs, DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd, long ElapsedMs);
