using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Clock;

public sealed class CueScheduleTests
{
    [Fact]
    public void EachThresholdCueOfASegmentFiresOnce()
    {
        var session = Started();
        session.Advance(TimeSpan.FromSeconds(179));
        Assert.Null(Due(session));

        session.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new CueRaised(CueKind.Warning, 0), Due(session));
        session.Do(new RaiseDueCue());
        Assert.Null(Due(session));
        session.Advance(TimeSpan.FromSeconds(89));
        Assert.Null(Due(session));

        session.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new CueRaised(CueKind.Critical, 0), Due(session));
        session.Do(new RaiseDueCue());
        session.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(Due(session));

        session.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(new CueRaised(CueKind.Overtime, 0), Due(session));
        session.Do(new RaiseDueCue());
        session.AdvanceMinutes(10);
        Assert.Null(Due(session));
    }

    [Fact]
    public void OnlyTheMostSevereDueCueFires()
    {
        var session = Started();
        session.AdvanceMinutes(6);

        Assert.Equal([new CueRaised(CueKind.Overtime, 0)], session.Do(new RaiseDueCue()));
        Assert.Null(Due(session));
    }

    [Fact]
    public void ExtendingASegmentDoesNotRepeatItsWarning()
    {
        var session = Started();
        session.AdvanceMinutes(3).Do(new RaiseDueCue());
        session.Do(new AdjustSegment(120));
        Assert.Equal(ThresholdState.Normal, session.Clock.Threshold);

        session.AdvanceMinutes(2);
        Assert.Equal(ThresholdState.Warning, session.Clock.Threshold);
        Assert.Null(Due(session));
        session.AdvanceMinutes(2);
        Assert.Equal(new CueRaised(CueKind.Critical, 0), Due(session));
    }

    [Fact]
    public void EverySegmentHasItsOwnThresholdCues()
    {
        var session = Started();
        session.AdvanceMinutes(3).Do(new RaiseDueCue());
        session.AdvanceMinutes(1).Do(new NextSegment());
        Assert.Null(Due(session));

        session.AdvanceMinutes(38);
        Assert.Equal(new CueRaised(CueKind.Warning, 1), Due(session));

        // Returning to a segment whose cues have fired does not fire them again.
        session.Do(new RaiseDueCue());
        session.Do(new PreviousSegment());
        Assert.Equal(ThresholdState.Warning, session.Clock.Threshold);
        Assert.Null(Due(session));
    }

    [Fact]
    public void TheTakeawaysCueFiresOncePerSession()
    {
        var session = Started();
        session.Do(new GoToSegment(SessionBuilder.Takeaways));

        // Jumping straight to the takeaways leaves five minutes of projected session.
        Assert.Equal([new CueRaised(CueKind.Takeaways, 5)], session.Do(new RaiseDueCue()));
        Assert.True(session.State.HasRaised(CueKind.Takeaways, null));
        Assert.Null(Due(session));

        session.Do(new GoToSegment(SessionBuilder.AudienceQa));
        session.AdvanceMinutes(1);
        Assert.Null(Due(session));
        session.Do(new NextSegment());
        for (var minute = 0; minute < 20; minute++)
        {
            Assert.NotEqual(CueKind.Takeaways, Due(session)?.Cue);
            session.Do(new RaiseDueCue());
            session.AdvanceMinutes(1);
        }
    }

    [Fact]
    public void TheTakeawaysCueComesBeforeASegmentCueDueAtTheSameTime()
    {
        var session = Started();
        session.Do(new GoToSegment(SessionBuilder.Takeaways));
        session.AdvanceMinutes(6);

        Assert.Equal([new CueRaised(CueKind.Takeaways, 5)], session.Do(new RaiseDueCue()));
        Assert.Equal([new CueRaised(CueKind.Overtime, 5)], session.Do(new RaiseDueCue()));
        Assert.Same(Decision.Nothing, SessionDecider.Decide(session.State, new RaiseDueCue(), session.Now));
    }

    [Fact]
    public void NothingIsDueBeforeTheStart()
    {
        var session = new SessionBuilder().Open();
        session.Advance(TimeSpan.FromMinutes(84));
        // Not started with 6 minutes of booking left: the booking still binds, and nothing is due.
        Assert.Equal(TimeSpan.FromMinutes(6), session.Clock.TimeToEnd);
        Assert.Null(Due(session));
        session.Advance(TimeSpan.FromMinutes(5));
        // Starting now would begin inside the booking's last minutes: the agenda's own 90 minutes count.
        Assert.Equal(TimeSpan.FromMinutes(90), session.Clock.TimeToEnd);
        Assert.Null(Due(session));
        Assert.Same(Decision.Nothing, SessionDecider.Decide(session.State, new RaiseDueCue(), session.Now));
    }

    [Fact]
    public void NothingIsDueWhilePausedEvenInOvertime()
    {
        var session = Started();
        session.AdvanceMinutes(4).Do(new PauseClock());
        session.AdvanceMinutes(90);
        Assert.Null(Due(session));

        session.Do(new ResumeClock());
        Assert.Equal(CueKind.Takeaways, Due(session)?.Cue);
    }

    [Fact]
    public void NothingIsDueAfterTheEnd()
    {
        var session = Started();
        session.AdvanceMinutes(6).Do(new EndSession());
        Assert.Null(Due(session));
        Assert.Empty(session.Do(new RaiseDueCue()));
    }

    [Fact]
    public void RaisingACueThatIsNotDueDecidesNothing()
    {
        var session = Started();
        session.AdvanceMinutes(1);
        var decision = SessionDecider.Decide(session.State, new RaiseDueCue(), session.Now);
        Assert.Same(Decision.Nothing, decision);
        Assert.True(decision.IsAccepted);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void ARaisedCueIsRecordedSoEveryNodeSeesIt()
    {
        var session = Started();
        session.AdvanceMinutes(3);
        var version = session.State.Version;
        session.Do(new RaiseDueCue());

        Assert.Equal(version + 1, session.State.Version);
        Assert.Contains(new CueKey(CueKind.Warning, 0), session.State.RaisedCues);
        Assert.Equal(new CueRaised(CueKind.Warning, 0), session.Log[^1].Event);
        Assert.Equal(session.Now, session.Log[^1].At);
    }

    private static CueRaised? Due(Session session) => CueSchedule.Due(session.State, session.Now);

    private static Session Started()
    {
        var session = new SessionBuilder().Open();
        session.Do(new StartClock());
        return session;
    }
}
