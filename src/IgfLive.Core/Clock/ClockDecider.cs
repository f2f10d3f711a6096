using IgfLive.Core.Sessions;

namespace IgfLive.Core.Clock;

/// <summary>Decides the agenda clock's commands. Every refusal says what state the clock is in.</summary>
internal static class ClockDecider
{
    public static Decision Decide(SessionState state, SessionCommand command, DateTimeOffset now)
    {
        var clock = state.Clock;
        var segments = state.Definition.Segments;
        var status = clock.Status;
        return command switch
        {
            // Entering the first segment is recorded like entering any other, so every segment's start is an event.
            StartClock => status == ClockStatus.NotStarted
                ? Decision.Accept(new ClockStarted(), new SegmentEntered(0))
                : Illegal($"The session has already started (the clock is {Describe(status)})."),
            PauseClock => status == ClockStatus.Running
                ? Decision.Accept(new ClockPaused())
                : Illegal($"Only a running clock can be paused; it is {Describe(status)}."),
            ResumeClock => status == ClockStatus.Paused
                ? Decision.Accept(new ClockResumed())
                : Illegal($"Only a paused clock can be resumed; it is {Describe(status)}."),
            EndSession => status is ClockStatus.Running or ClockStatus.Paused
                ? Decision.Accept(new SessionEnded())
                : Illegal($"Only a started session can be ended; it is {Describe(status)}."),
            NextSegment => InPlay(status) ?? Next(state),
            PreviousSegment => InPlay(status) ?? Previous(state),
            GoToSegment go => InPlay(status) ?? GoTo(clock, segments.Count, go.Segment),
            GoToSpeakerSlot go => InPlay(status) ?? GoToSlot(state, go.Slot),
            AdjustSegment adjust => InPlay(status) ?? Adjust(state, adjust.Seconds, now),
            RaiseDueCue => CueSchedule.Due(state, now) is { } cue ? Decision.Accept(cue) : Decision.Nothing,
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a clock command."),
        };
    }

    /// <summary>The largest single adjustment: a whole extra hour either way is already a different session.</summary>
    public const int MaxAdjustSeconds = 3600;

    private static Decision Next(SessionState state)
    {
        var clock = state.Clock;
        var slots = state.Definition.Segments[clock.Segment].Slots.Count;
        if (clock.Slot is { } slot && slot + 1 < slots)
        {
            return Decision.Accept(new SpeakerSlotEntered(slot + 1));
        }
        return clock.Segment + 1 < state.Definition.Segments.Count
            ? Decision.Accept(new SegmentEntered(clock.Segment + 1))
            : Illegal("This is the last segment; end the session instead.");
    }

    private static Decision Previous(SessionState state)
    {
        var clock = state.Clock;
        if (clock.Slot is > 0 and { } slot)
        {
            return Decision.Accept(new SpeakerSlotEntered(slot - 1));
        }
        return clock.Segment > 0
            ? Decision.Accept(new SegmentEntered(clock.Segment - 1))
            : Illegal("This is the first segment.");
    }

    private static Decision GoTo(ClockState clock, int count, int segment)
    {
        if (segment < 0 || segment >= count)
        {
            return Decision.Reject(RejectionCode.NotFound, $"There is no segment {segment}; the agenda has segments 0 to {count - 1}.");
        }
        return segment == clock.Segment ? Decision.Nothing : Decision.Accept(new SegmentEntered(segment));
    }

    private static Decision GoToSlot(SessionState state, int slot)
    {
        var slots = state.Definition.Segments[state.Clock.Segment].Slots.Count;
        if (slot < 0 || slot >= slots)
        {
            return Decision.Reject(RejectionCode.NotFound, slots == 0
                ? "The current segment has no speaker slots."
                : $"There is no speaker slot {slot}; the segment has slots 0 to {slots - 1}.");
        }
        return slot == state.Clock.Slot ? Decision.Nothing : Decision.Accept(new SpeakerSlotEntered(slot));
    }

    private static Decision Adjust(SessionState state, int seconds, DateTimeOffset now)
    {
        if (seconds is 0 or < -MaxAdjustSeconds or > MaxAdjustSeconds)
        {
            return Decision.Reject(RejectionCode.InvalidInput, $"An adjustment must be between -{MaxAdjustSeconds} and {MaxAdjustSeconds} seconds, and not zero.");
        }
        var view = ClockEvaluator.Evaluate(state, now);
        // Shortening may take the segment into overtime, but never below zero planned time.
        if (view.SegmentPlanned + TimeSpan.FromSeconds(seconds) < TimeSpan.Zero)
        {
            return Decision.Reject(RejectionCode.InvalidInput, $"The segment has {view.SegmentPlanned.TotalSeconds:0} seconds planned; it cannot be shortened by {-seconds}.");
        }
        return Decision.Accept(new SegmentAdjusted(state.Clock.Segment, seconds));
    }

    private static Rejection? InPlay(ClockStatus status) => status is ClockStatus.Running or ClockStatus.Paused
        ? null
        : new Rejection(RejectionCode.IllegalTransition, status == ClockStatus.Ended
            ? "The session has ended."
            : "The session has not started; start the clock first.");

    private static Decision Illegal(string message) => Decision.Reject(RejectionCode.IllegalTransition, message);

    private static string Describe(ClockStatus status) => status switch
    {
        ClockStatus.NotStarted => "not started",
        ClockStatus.Running => "running",
        ClockStatus.Paused => "paused",
        _ => "ended",
    };
}
