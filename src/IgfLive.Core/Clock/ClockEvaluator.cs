using IgfLive.Core.Sessions;

namespace IgfLive.Core.Clock;

/// <summary>Computes the clock as seen at an instant. Pure: no timers, no system clock.</summary>
public static class ClockEvaluator
{
    public static ClockView Evaluate(SessionState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var definition = state.Definition;
        var clock = state.Clock;
        var segment = definition.Segments[clock.Segment];
        var planned = SegmentPlanned(state);
        var elapsed = clock.SegmentElapsed(now);
        var remaining = planned - elapsed;

        TimeSpan? slotPlanned = null, slotElapsed = null, slotRemaining = null;
        string? speakerId = null;
        if (clock.Slot is { } slot && slot < segment.Slots.Count)
        {
            slotPlanned = segment.Slots[slot].PlannedDuration;
            slotElapsed = elapsed - clock.SlotStartElapsed;
            slotRemaining = slotPlanned - slotElapsed;
            speakerId = segment.Slots[slot].SpeakerId;
        }

        var projectedEnd = ProjectedEnd(state, now, remaining);
        var scheduledEnd = definition.ScheduledEnd;

        return new ClockView(
            now,
            clock.Status,
            clock.Segment,
            segment.Title,
            clock.Slot,
            speakerId,
            planned,
            elapsed,
            remaining,
            slotPlanned,
            slotElapsed,
            slotRemaining,
            ThresholdOf(remaining, definition.Thresholds),
            SessionElapsed(clock, now),
            scheduledEnd,
            projectedEnd,
            projectedEnd - scheduledEnd,
            UntilHardEnd(state, now, projectedEnd),
            Reports(state, now));
    }

    /// <summary>The current segment's remaining time (negative in overtime), without the rest of the view.</summary>
    public static TimeSpan SegmentRemaining(SessionState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return SegmentPlanned(state) - state.Clock.SegmentElapsed(now);
    }

    /// <summary><see cref="ClockView.TimeToEnd"/>, without the rest of the view.</summary>
    public static TimeSpan TimeToEnd(SessionState state, DateTimeOffset now, TimeSpan segmentRemaining)
    {
        ArgumentNullException.ThrowIfNull(state);
        return UntilHardEnd(state, now, ProjectedEnd(state, now, segmentRemaining));
    }

    public static ThresholdState ThresholdOf(TimeSpan remaining, ClockThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (remaining < TimeSpan.Zero)
        {
            return ThresholdState.Overtime;
        }
        if (remaining <= thresholds.Critical)
        {
            return ThresholdState.Critical;
        }
        return remaining <= thresholds.Warning ? ThresholdState.Warning : ThresholdState.Normal;
    }

    private static TimeSpan SegmentPlanned(SessionState state) =>
        state.Definition.Segments[state.Clock.Segment].PlannedDuration
        + TimeSpan.FromSeconds(state.Clock.Segments[state.Clock.Segment].AdjustmentSeconds);

    private static TimeSpan UntilHardEnd(SessionState state, DateTimeOffset now, DateTimeOffset projectedEnd)
    {
        if (state.Clock.Status == ClockStatus.Ended)
        {
            return TimeSpan.Zero;
        }
        // The room's booking binds only a session that started (or, not started yet, would start now)
        // inside it: a clock started after the booking's last minutes (a late day, a rehearsal) is
        // measured against its own agenda.
        var scheduledEnd = state.Definition.ScheduledEnd;
        var bookingBinds = (state.Clock.StartedAt ?? now) < scheduledEnd - state.Definition.Thresholds.TakeawaysLead;
        var hardEnd = bookingBinds && scheduledEnd < projectedEnd ? scheduledEnd : projectedEnd;
        return hardEnd - now;
    }

    private static DateTimeOffset ProjectedEnd(SessionState state, DateTimeOffset now, TimeSpan currentRemaining)
    {
        var clock = state.Clock;
        switch (clock.Status)
        {
            case ClockStatus.Ended:
                return clock.EndedAt ?? now;
            case ClockStatus.NotStarted:
                var start = now > state.Definition.StartsAt ? now : state.Definition.StartsAt;
                return start + AdjustedFrom(state, 0);
            default:
                var current = currentRemaining > TimeSpan.Zero ? currentRemaining : TimeSpan.Zero;
                return now + current + AdjustedFrom(state, clock.Segment + 1);
        }
    }

    private static TimeSpan AdjustedFrom(SessionState state, int first)
    {
        var total = TimeSpan.Zero;
        for (var i = first; i < state.Definition.Segments.Count; i++)
        {
            total += state.Definition.Segments[i].PlannedDuration + TimeSpan.FromSeconds(state.Clock.Segments[i].AdjustmentSeconds);
        }
        return total;
    }

    private static TimeSpan SessionElapsed(ClockState clock, DateTimeOffset now) => clock.StartedAt is { } started
        ? (clock.EndedAt ?? now) - started
        : TimeSpan.Zero;

    private static SegmentReport[] Reports(SessionState state, DateTimeOffset now)
    {
        var segments = state.Definition.Segments;
        var reports = new SegmentReport[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            var timing = state.Clock.Segments[i];
            reports[i] = new SegmentReport(
                i,
                segments[i].Title,
                segments[i].PlannedDuration,
                segments[i].PlannedDuration + TimeSpan.FromSeconds(timing.AdjustmentSeconds),
                timing.ActualStart,
                timing.ActualEnd,
                state.Clock.ElapsedOf(i, now));
        }
        return reports;
    }
}
