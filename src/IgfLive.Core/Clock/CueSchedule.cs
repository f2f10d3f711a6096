using IgfLive.Core.Sessions;

namespace IgfLive.Core.Clock;

/// <summary>
/// Which threshold cue is due at an instant. Only the most severe due cue fires: after an outage
/// a moderator should hear "overtime", not "2 minutes left" followed by "overtime".
/// </summary>
public static class CueSchedule
{
    public static CueRaised? Due(SessionState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Clock.Status != ClockStatus.Running)
        {
            return null;
        }
        // Checked for every running session twice a second: the two figures it needs, not a whole clock view.
        var segment = state.Clock.Segment;
        var remaining = ClockEvaluator.SegmentRemaining(state, now);
        if (!state.HasRaised(CueKind.Takeaways, null)
            && ClockEvaluator.TimeToEnd(state, now, remaining) <= state.Definition.Thresholds.TakeawaysLead)
        {
            return new CueRaised(CueKind.Takeaways, segment);
        }
        var cue = ClockEvaluator.ThresholdOf(remaining, state.Definition.Thresholds) switch
        {
            ThresholdState.Overtime => CueKind.Overtime,
            ThresholdState.Critical => CueKind.Critical,
            ThresholdState.Warning => CueKind.Warning,
            _ => (CueKind?)null,
        };
        if (cue is not { } kind)
        {
            return null;
        }
        // A cue counts as raised when it or a more severe one already fired for this segment.
        for (var k = kind; k <= CueKind.Overtime; k++)
        {
            if (state.HasRaised(k, segment))
            {
                return null;
            }
        }
        return new CueRaised(kind, segment);
    }
}
