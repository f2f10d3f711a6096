namespace IgfLive.Core.Clock;

/// <summary>What actually happened to one segment so far.</summary>
/// <param name="Elapsed">Running time accumulated up to the last stop; the current running stretch is added by the clock view.</param>
/// <param name="AdjustmentSeconds">Net extension (positive) or shortening (negative) of the planned duration.</param>
public sealed record SegmentTiming(DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd, TimeSpan Elapsed, int AdjustmentSeconds)
{
    public static SegmentTiming NotReached { get; } = new(null, null, TimeSpan.Zero, 0);
}
