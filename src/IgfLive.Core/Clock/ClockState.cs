using System.Collections.Immutable;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Clock;

/// <summary>
/// The agenda clock as recorded facts: no timer ticks, only the instants at which it changed.
/// Everything shown on a screen is derived by <see cref="ClockEvaluator"/> from this and "now".
/// </summary>
/// <param name="RunningSince">While running, when the current uninterrupted stretch began.</param>
/// <param name="SlotStartElapsed">The current segment's elapsed time at which the current speaker slot began.</param>
public sealed record ClockState(
    ClockStatus Status,
    int Segment,
    int? Slot,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? RunningSince,
    TimeSpan SlotStartElapsed,
    ImmutableArray<SegmentTiming> Segments)
{
    public static ClockState Initial(SessionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(
            ClockStatus.NotStarted,
            0,
            FirstSlot(definition, 0),
            null,
            null,
            null,
            TimeSpan.Zero,
            [.. Enumerable.Repeat(SegmentTiming.NotReached, definition.Segments.Count)]);
    }

    /// <summary>Time the current segment has run, including the stretch that is running now.</summary>
    public TimeSpan SegmentElapsed(DateTimeOffset now) => ElapsedOf(Segment, now);

    public TimeSpan ElapsedOf(int segment, DateTimeOffset now)
    {
        var elapsed = Segments[segment].Elapsed;
        if (segment == Segment && Status == ClockStatus.Running && RunningSince is { } since && now > since)
        {
            elapsed += now - since;
        }
        return elapsed;
    }

    internal ClockState Apply(SessionDefinition definition, SessionEvent @event, DateTimeOffset at) => @event switch
    {
        ClockStarted => StartAt(definition, at),
        ClockPaused => Stop(at) with { Status = ClockStatus.Paused },
        ClockResumed => this with { Status = ClockStatus.Running, RunningSince = at },
        SegmentEntered e => Enter(definition, e.Segment, at),
        SpeakerSlotEntered e => EnterSlot(e.Slot, at),
        SegmentAdjusted e => WithTiming(e.Segment, t => t with { AdjustmentSeconds = t.AdjustmentSeconds + e.Seconds }),
        SessionEnded => End(at),
        _ => this,
    };

    private ClockState StartAt(SessionDefinition definition, DateTimeOffset at) =>
        (this with
        {
            Status = ClockStatus.Running,
            Segment = 0,
            Slot = FirstSlot(definition, 0),
            StartedAt = at,
            RunningSince = at,
            SlotStartElapsed = TimeSpan.Zero,
        }).WithTiming(0, t => t with { ActualStart = at, ActualEnd = null });

    /// <summary>Banks the running stretch into the current segment's elapsed time.</summary>
    private ClockState Stop(DateTimeOffset at)
    {
        if (Status != ClockStatus.Running || RunningSince is not { } since)
        {
            return this;
        }
        var stretch = at > since ? at - since : TimeSpan.Zero;
        return (this with { RunningSince = null }).WithTiming(Segment, t => t with { Elapsed = t.Elapsed + stretch });
    }

    private ClockState Enter(SessionDefinition definition, int segment, DateTimeOffset at)
    {
        var wasRunning = Status == ClockStatus.Running;
        var left = Stop(at).WithTiming(Segment, t => t with { ActualEnd = at });
        return (left with
        {
            Segment = segment,
            Slot = FirstSlot(definition, segment),
            SlotStartElapsed = left.Segments[segment].Elapsed,
            RunningSince = wasRunning ? at : null,
        }).WithTiming(segment, t => t with { ActualStart = t.ActualStart ?? at, ActualEnd = null });
    }

    private ClockState EnterSlot(int slot, DateTimeOffset at)
    {
        var wasRunning = Status == ClockStatus.Running;
        var banked = Stop(at);
        return banked with
        {
            Slot = slot,
            SlotStartElapsed = banked.Segments[Segment].Elapsed,
            RunningSince = wasRunning ? at : null,
        };
    }

    private ClockState End(DateTimeOffset at)
    {
        var stopped = Stop(at);
        if (Status != ClockStatus.NotStarted)
        {
            stopped = stopped.WithTiming(Segment, t => t with { ActualEnd = at });
        }
        return stopped with { Status = ClockStatus.Ended, EndedAt = at };
    }

    private ClockState WithTiming(int segment, Func<SegmentTiming, SegmentTiming> change) =>
        this with { Segments = Segments.SetItem(segment, change(Segments[segment])) };

    private static int? FirstSlot(SessionDefinition definition, int segment) =>
        definition.Segments.Count > segment && definition.Segments[segment].Slots.Count > 0 ? 0 : null;
}
