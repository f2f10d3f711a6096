using IgfLive.Core.Clock;

namespace IgfLive.Core.Tests.Properties;

/// <summary>The agenda clock seen at every step of random scripts (see <see cref="ScriptGen"/>).</summary>
public sealed class ClockPropertyTests
{
    [Fact]
    public void SegmentElapsedTimeOnlyGrowsAndRemainingIsTheAdjustedPlanMinusElapsed()
    {
        ScriptPlayer.Check(script =>
        {
            TimeSpan[]? seen = null;
            var seenSession = TimeSpan.Zero;
            var previousAt = DateTimeOffset.MinValue;
            ScriptPlayer.Play(script, (o, _) =>
            {
                var before = ClockEvaluator.Evaluate(o.Before, o.At);
                var after = ClockEvaluator.Evaluate(o.After, o.At);
                var advanced = o.At - previousAt;
                var running = o.Before.Clock.Status == ClockStatus.Running;
                for (var i = 0; i < before.Segments.Count; i++)
                {
                    // Between two commands only the current segment of a running clock gains time, and exactly the time that passed.
                    var gained = before.Segments[i].Elapsed - (seen?[i] ?? TimeSpan.Zero);
                    var expected = seen is not null && running && i == o.Before.Clock.Segment ? advanced : TimeSpan.Zero;
                    Expect.That(gained == expected, () => $"segment {i} gained {gained} in {advanced}; expected {expected}");
                    // A command changes no segment's elapsed time at the instant it is decided.
                    Expect.That(before.Segments[i].Elapsed == after.Segments[i].Elapsed,
                        () => $"segment {i} went from {before.Segments[i].Elapsed} to {after.Segments[i].Elapsed} at one instant");
                }
                if (seen is not null)
                {
                    // The session's own elapsed time is wall time from the start to the end, pauses included.
                    var started = o.Before.Clock.Status is ClockStatus.Running or ClockStatus.Paused;
                    var gained = before.SessionElapsed - seenSession;
                    Expect.That(gained == (started ? advanced : TimeSpan.Zero), () => $"the session gained {gained} in {advanced}");
                }

                foreach (var view in new[] { before, after })
                {
                    var current = view.Segments[view.Segment];
                    Expect.That(view.SegmentPlanned == current.Adjusted && view.SegmentElapsed == current.Elapsed,
                        () => $"the view shows {view.SegmentPlanned} planned, {view.SegmentElapsed} elapsed; the segment report {current}");
                    Expect.That(view.SegmentRemaining == view.SegmentPlanned - view.SegmentElapsed,
                        () => $"remaining {view.SegmentRemaining} is not {view.SegmentPlanned} planned - {view.SegmentElapsed} elapsed");
                    Expect.That(view.Threshold == ClockEvaluator.ThresholdOf(view.SegmentRemaining, o.After.Definition.Thresholds),
                        () => $"threshold {view.Threshold} with {view.SegmentRemaining} remaining");
                    foreach (var segment in view.Segments)
                    {
                        Expect.That(segment.Adjusted >= TimeSpan.Zero && segment.Elapsed >= TimeSpan.Zero, () => $"{segment}");
                    }
                    if (view.Slot is not null)
                    {
                        Expect.That(view.SlotRemaining == view.SlotPlanned - view.SlotElapsed
                            && view.SlotElapsed >= TimeSpan.Zero && view.SlotElapsed <= view.SegmentElapsed,
                            () => $"slot {view.Slot}: {view.SlotPlanned} planned, {view.SlotElapsed} elapsed, {view.SlotRemaining} remaining");
                    }
                    else
                    {
                        Assert.Null(view.SlotRemaining);
                    }
                    Expect.That(view.Status == ClockStatus.Ended ? view.TimeToEnd == TimeSpan.Zero : view.TimeToEnd <= view.ProjectedEnd - o.At,
                        () => $"{view.Status}: time to end {view.TimeToEnd}, projected end {view.ProjectedEnd}");
                }
                seen = [.. after.Segments.Select(s => s.Elapsed)];
                seenSession = after.SessionElapsed;
                previousAt = o.At;
            });
        });
    }

    [Fact]
    public void TheCueChecksTwoFiguresAreTheOnesTheWholeViewShows()
    {
        ScriptPlayer.Check(script => ScriptPlayer.Play(script, (o, _) =>
        {
            foreach (var state in new[] { o.Before, o.After })
            {
                var view = ClockEvaluator.Evaluate(state, o.At);
                var remaining = ClockEvaluator.SegmentRemaining(state, o.At);
                var timeToEnd = ClockEvaluator.TimeToEnd(state, o.At, remaining);
                Expect.That(remaining == view.SegmentRemaining && timeToEnd == view.TimeToEnd,
                    () => $"{state.Clock.Status}: {remaining} remaining and {timeToEnd} to the end; the view shows {view.SegmentRemaining} and {view.TimeToEnd}");
            }
        }));
    }
}
