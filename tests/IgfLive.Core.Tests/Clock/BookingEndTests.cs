using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Clock;

/// <summary>
/// The seed session is booked 15:00–16:30 CET with a five-minute takeaways lead, so the booking
/// binds the time to end only for a clock started before 16:25. Every value is worked out by hand.
/// </summary>
public sealed class BookingEndTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    [Fact]
    public void AClockStartedJustBeforeTheBookingsLastMinutesRunsToTheBookingsEnd()
    {
        var session = new SessionBuilder().Open();
        session.Advance(new TimeSpan(1, 24, 59)).Do(new StartClock());

        // 16:24:59 + 90 minutes of agenda would end at 17:54:59; the room is booked until 16:30.
        var view = session.Clock;
        Assert.Equal(new DateTimeOffset(2017, 12, 19, 17, 54, 59, Cet), view.ProjectedEnd);
        Assert.Equal(new TimeSpan(0, 5, 1), view.TimeToEnd);
        Assert.Null(CueSchedule.Due(session.State, session.Now));

        session.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMinutes(5), session.Clock.TimeToEnd);
        Assert.Equal(new CueRaised(CueKind.Takeaways, SessionBuilder.Opening), CueSchedule.Due(session.State, session.Now));
    }

    [Fact]
    public void AClockStartedInTheBookingsLastMinutesIsMeasuredAgainstItsOwnAgenda()
    {
        var session = new SessionBuilder().Open();
        session.Advance(TimeSpan.FromMinutes(85)).Do(new StartClock());

        var view = session.Clock;
        Assert.Equal(new DateTimeOffset(2017, 12, 19, 17, 55, 0, Cet), view.ProjectedEnd);
        Assert.Equal(TimeSpan.FromMinutes(85), view.Drift);
        Assert.Equal(TimeSpan.FromMinutes(90), view.TimeToEnd);
        Assert.Null(CueSchedule.Due(session.State, session.Now));

        // Three minutes in, the opening's own warning is due, not the takeaways.
        session.AdvanceMinutes(3);
        Assert.Equal(TimeSpan.FromMinutes(87), session.Clock.TimeToEnd);
        Assert.Equal(new CueRaised(CueKind.Warning, SessionBuilder.Opening), CueSchedule.Due(session.State, session.Now));
    }

    [Fact]
    public void ASessionRunYearsAfterItsScheduledDateCuesTheTakeawaysFromItsOwnProjectedEnd()
    {
        // Run on 10 March 2020 at 10:00 CET, more than two years after the booking ended.
        var runOn = new DateTimeOffset(2020, 3, 10, 10, 0, 0, Cet);
        var session = new Session(new SessionBuilder().Build(), openedAt: runOn);
        session.Do(new StartClock());

        var view = session.Clock;
        Assert.Equal(TimeSpan.FromMinutes(90), view.TimeToEnd);
        Assert.Equal(runOn.AddMinutes(90), view.ProjectedEnd);
        Assert.Empty(session.Do(new RaiseDueCue()));

        // Straight to the audience Q&A: 5 minutes of it plus 5 of takeaways are left.
        session.Do(new GoToSegment(SessionBuilder.AudienceQa));
        Assert.Equal(TimeSpan.FromMinutes(10), session.Clock.TimeToEnd);
        session.Advance(new TimeSpan(0, 4, 59));
        Assert.Equal(new TimeSpan(0, 5, 1), session.Clock.TimeToEnd);
        Assert.Equal(new CueRaised(CueKind.Critical, SessionBuilder.AudienceQa), CueSchedule.Due(session.State, session.Now));

        session.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMinutes(5), session.Clock.TimeToEnd);
        Assert.Equal(new CueRaised(CueKind.Takeaways, SessionBuilder.AudienceQa), CueSchedule.Due(session.State, session.Now));
    }
}
