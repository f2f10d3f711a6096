namespace IgfLive.Core.Clock;

/// <summary>What every screen shows at one instant; a pure function of the clock state and that instant.</summary>
/// <param name="SegmentRemaining">Negative in overtime.</param>
/// <param name="SlotRemaining">Null when the current segment has no speaker slots.</param>
/// <param name="ProjectedEnd">When the session will end if every remaining segment takes its planned time.</param>
/// <param name="Drift">Projected end minus scheduled end: positive means running late.</param>
/// <param name="TimeToEnd">Time until the earlier of the scheduled end (the room's booking) and the projected end; the booking counts only when the clock started before its last minutes (the takeaways lead).</param>
public sealed record ClockView(
    DateTimeOffset At,
    ClockStatus Status,
    int Segment,
    string SegmentTitle,
    int? Slot,
    string? SpeakerId,
    TimeSpan SegmentPlanned,
    TimeSpan SegmentElapsed,
    TimeSpan SegmentRemaining,
    TimeSpan? SlotPlanned,
    TimeSpan? SlotElapsed,
    TimeSpan? SlotRemaining,
    ThresholdState Threshold,
    TimeSpan SessionElapsed,
    DateTimeOffset ScheduledEnd,
    DateTimeOffset ProjectedEnd,
    TimeSpan Drift,
    TimeSpan TimeToEnd,
    IReadOnlyList<SegmentReport> Segments);

/// <summary>Planned versus actual for one segment.</summary>
/// <param name="Planned">The plan as the organiser made it.</param>
/// <param name="Adjusted">The plan after extensions and shortenings.</param>
/// <param name="Elapsed">Running time so far (pauses excluded).</param>
public sealed record SegmentReport(
    int Index,
    string Title,
    TimeSpan Planned,
    TimeSpan Adjusted,
    DateTimeOffset? ActualStart,
    DateTimeOffset? ActualEnd,
    TimeSpan Elapsed);
