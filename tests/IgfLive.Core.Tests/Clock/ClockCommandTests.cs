using IgfLive.Core.Clock;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Clock;

public sealed class ClockCommandTests
{
    /// <summary>
    /// Every clock command in every clock status. Running and paused sessions stand in the first
    /// presentation slot (Ana), three minutes in. <paramref name="expected"/> is the event an accepted
    /// command produces ("" for none), or a fragment of the refusal's message.
    /// </summary>
    [Theory]
    [InlineData(ClockStatus.NotStarted, "start", true, nameof(ClockStarted) + nameof(SegmentEntered))]
    [InlineData(ClockStatus.NotStarted, "pause", false, "Only a running clock can be paused; it is not started.")]
    [InlineData(ClockStatus.NotStarted, "resume", false, "Only a paused clock can be resumed; it is not started.")]
    [InlineData(ClockStatus.NotStarted, "next", false, "has not started")]
    [InlineData(ClockStatus.NotStarted, "previous", false, "has not started")]
    [InlineData(ClockStatus.NotStarted, "goto", false, "has not started")]
    [InlineData(ClockStatus.NotStarted, "slot", false, "has not started")]
    [InlineData(ClockStatus.NotStarted, "adjust", false, "has not started")]
    [InlineData(ClockStatus.NotStarted, "end", false, "Only a started session can be ended; it is not started.")]
    [InlineData(ClockStatus.NotStarted, "cue", true, "")]
    [InlineData(ClockStatus.Running, "start", false, "already started (the clock is running)")]
    [InlineData(ClockStatus.Running, "pause", true, nameof(ClockPaused))]
    [InlineData(ClockStatus.Running, "resume", false, "Only a paused clock can be resumed; it is running.")]
    [InlineData(ClockStatus.Running, "next", true, nameof(SpeakerSlotEntered))]
    [InlineData(ClockStatus.Running, "previous", true, nameof(SegmentEntered))]
    [InlineData(ClockStatus.Running, "goto", true, nameof(SegmentEntered))]
    [InlineData(ClockStatus.Running, "slot", true, nameof(SpeakerSlotEntered))]
    [InlineData(ClockStatus.Running, "adjust", true, nameof(SegmentAdjusted))]
    [InlineData(ClockStatus.Running, "end", true, nameof(SessionEnded) + nameof(QuestionsClosed))]
    [InlineData(ClockStatus.Running, "cue", true, "")]
    [InlineData(ClockStatus.Paused, "start", false, "already started (the clock is paused)")]
    [InlineData(ClockStatus.Paused, "pause", false, "Only a running clock can be paused; it is paused.")]
    [InlineData(ClockStatus.Paused, "resume", true, nameof(ClockResumed))]
    [InlineData(ClockStatus.Paused, "next", true, nameof(SpeakerSlotEntered))]
    [InlineData(ClockStatus.Paused, "previous", true, nameof(SegmentEntered))]
    [InlineData(ClockStatus.Paused, "goto", true, nameof(SegmentEntered))]
    [InlineData(ClockStatus.Paused, "slot", true, nameof(SpeakerSlotEntered))]
    [InlineData(ClockStatus.Paused, "adjust", true, nameof(SegmentAdjusted))]
    [InlineData(ClockStatus.Paused, "end", true, nameof(SessionEnded) + nameof(QuestionsClosed))]
    [InlineData(ClockStatus.Paused, "cue", true, "")]
    [InlineData(ClockStatus.Ended, "start", false, "already started (the clock is ended)")]
    [InlineData(ClockStatus.Ended, "pause", false, "Only a running clock can be paused; it is ended.")]
    [InlineData(ClockStatus.Ended, "resume", false, "Only a paused clock can be resumed; it is ended.")]
    [InlineData(ClockStatus.Ended, "next", false, "The session has ended.")]
    [InlineData(ClockStatus.Ended, "previous", false, "The session has ended.")]
    [InlineData(ClockStatus.Ended, "goto", false, "The session has ended.")]
    [InlineData(ClockStatus.Ended, "slot", false, "The session has ended.")]
    [InlineData(ClockStatus.Ended, "adjust", false, "The session has ended.")]
    [InlineData(ClockStatus.Ended, "end", false, "Only a started session can be ended; it is ended.")]
    [InlineData(ClockStatus.Ended, "cue", true, "")]
    public void EveryClockCommandIsAcceptedOrRefusedAccordingToTheClockStatus(ClockStatus status, string command, bool accepted, string expected)
    {
        var session = SessionIn(status);
        SessionCommand cmd = command switch
        {
            "start" => new StartClock(),
            "pause" => new PauseClock(),
            "resume" => new ResumeClock(),
            "next" => new NextSegment(),
            "previous" => new PreviousSegment(),
            "goto" => new GoToSegment(SessionBuilder.PanelInteraction),
            "slot" => new GoToSpeakerSlot(2),
            "adjust" => new AdjustSegment(60),
            "end" => new EndSession(),
            _ => new RaiseDueCue(),
        };

        if (accepted)
        {
            var events = session.Do(cmd);
            Assert.Equal(expected, string.Concat(events.Select(e => e.GetType().Name)));
        }
        else
        {
            var rejection = session.Refuse(cmd);
            Assert.Equal(RejectionCode.IllegalTransition, rejection.Code);
            Assert.Contains(expected, rejection.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NextAndPreviousStepThroughSpeakerSlotsBeforeLeavingTheSegment()
    {
        var session = new SessionBuilder().WithPresentationSlots().Open();
        session.Do(new StartClock());
        session.AdvanceMinutes(5).Do(new NextSegment());
        Assert.Equal((1, 0, "ana"), (session.Clock.Segment, session.Clock.Slot, session.Clock.SpeakerId));

        session.AdvanceMinutes(3);
        Assert.Equal(TimeSpan.FromMinutes(7), session.Clock.SlotRemaining);
        session.Do(new NextSegment());
        Assert.Equal((1, 1, "kwame"), (session.Clock.Segment, session.Clock.Slot, session.Clock.SpeakerId));
        Assert.Equal(TimeSpan.FromMinutes(10), session.Clock.SlotRemaining);
        Assert.Equal(TimeSpan.FromMinutes(37), session.Clock.SegmentRemaining);

        session.AdvanceMinutes(12);
        Assert.Equal(TimeSpan.FromMinutes(-2), session.Clock.SlotRemaining);
        session.Do(new PreviousSegment());
        Assert.Equal((1, 0, "ana"), (session.Clock.Segment, session.Clock.Slot, session.Clock.SpeakerId));

        session.Do(new GoToSpeakerSlot(3));
        Assert.Equal("sofia", session.Clock.SpeakerId);
        session.Do(new NextSegment());
        Assert.Equal((2, (int?)null, (string?)null), (session.Clock.Segment, session.Clock.Slot, session.Clock.SpeakerId));
        Assert.Null(session.Clock.SlotRemaining);

        // Back from the discussion lands on the first slot of the presentations, with their time intact.
        session.Do(new PreviousSegment());
        Assert.Equal((1, 0), (session.Clock.Segment, session.Clock.Slot));
        Assert.Equal(TimeSpan.FromMinutes(25), session.Clock.SegmentRemaining);
        session.Do(new PreviousSegment());
        Assert.Equal((0, (int?)null), (session.Clock.Segment, session.Clock.Slot));
    }

    [Fact]
    public void ThereIsNoSegmentBeforeTheFirstOrAfterTheLast()
    {
        var session = Started();
        Assert.Equal("This is the first segment.", session.Refuse(new PreviousSegment(), RejectionCode.IllegalTransition).Message);
        session.Do(new GoToSegment(SessionBuilder.Takeaways));
        Assert.Contains("last segment", session.Refuse(new NextSegment(), RejectionCode.IllegalTransition).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GoingToTheCurrentSegmentOrSlotRecordsNothing()
    {
        var session = new SessionBuilder().WithPresentationSlots().Open();
        session.Do(new StartClock());
        session.Unchanged(new GoToSegment(0));
        session.Do(new NextSegment());
        session.Do(new NextSegment());

        // Asked again after a lost answer, or by a second tap: the clock is there already.
        session.Unchanged(new GoToSpeakerSlot(1));
        session.Unchanged(new GoToSegment(SessionBuilder.Presentations));
        Assert.Equal((SessionBuilder.Presentations, (int?)1), (session.Clock.Segment, session.Clock.Slot));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    [InlineData(int.MaxValue)]
    public void GoingToASegmentOutsideTheAgendaIsNotFound(int segment)
    {
        var rejection = Started().Refuse(new GoToSegment(segment), RejectionCode.NotFound);
        Assert.Equal($"There is no segment {segment}; the agenda has segments 0 to 5.", rejection.Message);
    }

    [Fact]
    public void GoingToASpeakerSlotThatDoesNotExistIsNotFound()
    {
        var session = new SessionBuilder().WithPresentationSlots().Open();
        session.Do(new StartClock());
        Assert.Equal("The current segment has no speaker slots.", session.Refuse(new GoToSpeakerSlot(0), RejectionCode.NotFound).Message);
        session.Do(new NextSegment());
        Assert.Contains("slots 0 to 3", session.Refuse(new GoToSpeakerSlot(4), RejectionCode.NotFound).Message, StringComparison.Ordinal);
        session.Refuse(new GoToSpeakerSlot(-1), RejectionCode.NotFound);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    [InlineData(-3601)]
    [InlineData(int.MinValue)]
    public void AnAdjustmentOfNothingOrOfMoreThanAnHourIsInvalidInput(int seconds)
    {
        var session = Started();
        session.Do(new NextSegment());
        session.Refuse(new AdjustSegment(seconds), RejectionCode.InvalidInput);
    }

    [Fact]
    public void AnHourIsTheLargestExtension()
    {
        var session = Started();
        session.Do(new AdjustSegment(3600));
        Assert.Equal(TimeSpan.FromMinutes(65), session.Clock.SegmentPlanned);
    }

    [Fact]
    public void ASegmentCanBeShortenedToNothingButNotBelow()
    {
        var session = Started();
        session.AdvanceMinutes(1);
        var rejection = session.Refuse(new AdjustSegment(-301), RejectionCode.InvalidInput);
        Assert.Equal("The segment has 300 seconds planned; it cannot be shortened by 301.", rejection.Message);

        session.Do(new AdjustSegment(60));
        session.Do(new AdjustSegment(-360));
        Assert.Equal(TimeSpan.Zero, session.Clock.SegmentPlanned);
        Assert.Equal(TimeSpan.FromMinutes(-1), session.Clock.SegmentRemaining);
        Assert.Equal(ThresholdState.Overtime, session.Clock.Threshold);
        session.Refuse(new AdjustSegment(-1), RejectionCode.InvalidInput);
    }

    [Fact]
    public void EndingStopsEverySegmentAndFreezesTheClock()
    {
        var session = Started();
        session.AdvanceMinutes(5).Do(new NextSegment());
        session.AdvanceMinutes(10).Do(new PauseClock());
        session.AdvanceMinutes(2).Do(new EndSession());
        session.AdvanceMinutes(20);

        var view = session.Clock;
        Assert.Equal(ClockStatus.Ended, view.Status);
        Assert.Equal(TimeSpan.FromMinutes(10), view.SegmentElapsed);
        Assert.Equal(TimeSpan.FromMinutes(17), view.SessionElapsed);
        Assert.Equal(new DateTimeOffset(2017, 12, 19, 15, 17, 0, TimeSpan.FromHours(1)), view.Segments[1].ActualEnd);
        Assert.Equal(new DateTimeOffset(2017, 12, 19, 15, 17, 0, TimeSpan.FromHours(1)), view.ProjectedEnd);
        Assert.Equal(TimeSpan.FromMinutes(-73), view.Drift);
        Assert.Equal(TimeSpan.Zero, view.TimeToEnd);
        Assert.All(view.Segments.Skip(2), s => Assert.Null(s.ActualStart));
    }

    [Fact]
    public void APausedClockMovesBetweenSegmentsWithoutCountingTime()
    {
        var session = Started();
        session.AdvanceMinutes(2).Do(new PauseClock());
        session.AdvanceMinutes(1).Do(new NextSegment());
        session.AdvanceMinutes(4);
        Assert.Equal((ClockStatus.Paused, 1, TimeSpan.Zero), (session.Clock.Status, session.Clock.Segment, session.Clock.SegmentElapsed));
        Assert.Equal(TimeSpan.FromMinutes(2), session.Clock.Segments[0].Elapsed);

        session.Do(new ResumeClock());
        session.AdvanceMinutes(3);
        Assert.Equal(TimeSpan.FromMinutes(3), session.Clock.SegmentElapsed);
    }

    [Fact]
    public void ElapsedTimeNeverGoesBackwardsAcrossPauseResumeNextAndPrevious()
    {
        var session = new SessionBuilder().WithPresentationSlots().Open();
        SessionCommand?[] script =
        [
            new StartClock(), null, new PauseClock(), null, new ResumeClock(), new NextSegment(), null,
            new NextSegment(), new PreviousSegment(), null, new PreviousSegment(), new PauseClock(), null,
            new NextSegment(), new ResumeClock(), new GoToSegment(3), null, new PreviousSegment(), new PreviousSegment(), null,
        ];
        var seen = new TimeSpan[6];
        foreach (var command in script)
        {
            if (command is not null)
            {
                session.Do(command);
            }
            for (var i = 0; i < 6; i++)
            {
                var elapsed = session.State.Clock.ElapsedOf(i, session.Now);
                Assert.True(elapsed >= seen[i], $"segment {i} went from {seen[i]} to {elapsed} after {command}");
                seen[i] = elapsed;
            }
            session.AdvanceMinutes(1);
        }

        // Running minutes, worked out by hand from the script (one minute per step): opening 2 + 1 + 1,
        // presentations 2 + 1 + 2 + 1 + 1, discussion 1, panel 2; the last two segments never reached.
        Assert.Equal(
            [TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.Zero, TimeSpan.Zero],
            seen);
    }

    private static Session Started()
    {
        var session = new SessionBuilder().Open();
        session.Do(new StartClock());
        return session;
    }

    private static Session SessionIn(ClockStatus status)
    {
        var session = new SessionBuilder().WithPresentationSlots().Open();
        if (status == ClockStatus.NotStarted)
        {
            return session;
        }
        session.Do(new StartClock());
        session.AdvanceMinutes(5).Do(new NextSegment());
        session.AdvanceMinutes(3);
        if (status == ClockStatus.Paused)
        {
            session.Do(new PauseClock());
        }
        if (status == ClockStatus.Ended)
        {
            session.Do(new EndSession());
        }
        return session;
    }
}
