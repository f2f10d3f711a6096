using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Questions;

public sealed class OnsiteQueueAdviceTests
{
    private const QuestionChannel Online = QuestionChannel.Online, Floor = QuestionChannel.Floor;

    [Fact]
    public void WithNoQuestionAskedYetTheOnlineAudienceGoesFirst()
    {
        var session = InDiscussion();
        var (f1, f2, o1, o2, f3) = (session.Forwarded(Floor), session.Forwarded(Floor), session.Forwarded(Online), session.Forwarded(Online), session.Forwarded(Floor));

        Assert.Equal([o1, f1, o2, f2, f3], Advice(session).SuggestedOrder);
    }

    [Fact]
    public void AfterAnOnlineQuestionTheFloorIsNext()
    {
        var session = InDiscussion();
        session.AnswerAfter(session.Forwarded(Online), TimeSpan.FromMinutes(2));
        var (o1, o2, f1) = (session.Forwarded(Online), session.Forwarded(Online), session.Forwarded(Floor));

        Assert.Equal([f1, o1, o2], Advice(session).SuggestedOrder);
    }

    [Fact]
    public void AfterAFloorQuestionTheOnlineAudienceIsNext()
    {
        var session = InDiscussion();
        session.AnswerAfter(session.Forwarded(Online), TimeSpan.FromMinutes(2));
        session.AnswerAfter(session.Forwarded(Floor), TimeSpan.FromMinutes(2));
        var (f1, o1, f2) = (session.Forwarded(Floor), session.Forwarded(Online), session.Forwarded(Floor));

        Assert.Equal([o1, f1, f2], Advice(session).SuggestedOrder);
    }

    [Fact]
    public void TheQuestionBeingAskedNowCountsAsTheLastOne()
    {
        var session = InDiscussion();
        var (live, o1, f1) = (session.Forwarded(Floor), session.Forwarded(Online), session.Forwarded(Floor));
        session.Do(new MakeQuestionLive(live));

        Assert.Equal([o1, f1], Advice(session).SuggestedOrder);
    }

    [Fact]
    public void BeforeTwoAnswersAQuestionIsReckonedAtTwoMinutes()
    {
        var session = InDiscussion();
        session.AdvanceMinutes(13);
        ForwardMany(session, 5);

        var advice = Advice(session);
        Assert.Equal(TimeSpan.FromMinutes(2), advice.AverageAnswer);
        Assert.Equal(3, advice.FitInTimeLeft);
        Assert.Equal(5, advice.SuggestedOrder.Count);
    }

    [Fact]
    public void NoMoreFitThanAreWaiting()
    {
        var session = InDiscussion();
        ForwardMany(session, 2);
        Assert.Equal(2, Advice(session).FitInTimeLeft);
    }

    [Fact]
    public void AfterTwoAnswersTheMeasuredAverageIsUsed()
    {
        var session = InDiscussion();
        var ids = ForwardMany(session, 10);
        session.AdvanceMinutes(10);

        session.AnswerAfter(ids[0], TimeSpan.FromMinutes(1));
        var afterOne = Advice(session);
        Assert.Equal((TimeSpan.FromMinutes(2), 4), (afterOne.AverageAnswer, afterOne.FitInTimeLeft));

        session.AnswerAfter(ids[1], TimeSpan.FromMinutes(2));
        var afterTwo = Advice(session);
        Assert.Equal(TimeSpan.FromSeconds(90), afterTwo.AverageAnswer);
        Assert.Equal(TimeSpan.FromMinutes(7), session.Clock.SegmentRemaining);
        Assert.Equal(4, afterTwo.FitInTimeLeft);
    }

    [Fact]
    public void NothingFitsOnceTheSegmentHasRunOut()
    {
        var session = InDiscussion();
        ForwardMany(session, 3);
        session.AdvanceMinutes(20);
        Assert.Equal(0, Advice(session).FitInTimeLeft);
        session.AdvanceMinutes(1);
        Assert.Equal(0, Advice(session).FitInTimeLeft);
    }

    [Fact]
    public void AnEmptyQueueGivesNoAdvice()
    {
        var advice = Advice(InDiscussion());
        Assert.Empty(advice.SuggestedOrder);
        Assert.Equal(0, advice.FitInTimeLeft);
    }

    private static OnsiteQueueAdvice Advice(Session session) => OnsiteQueueAdvice.For(session.State, session.Now);

    private static List<string> ForwardMany(Session session, int count) =>
        [.. Enumerable.Range(0, count).Select(i => session.Forwarded(i % 2 == 0 ? Online : Floor))];

    /// <summary>The seed session, clock running, at the start of the 20-minute discussion.</summary>
    private static Session InDiscussion()
    {
        var session = new SessionBuilder().Open();
        session.Do(new StartClock());
        session.Do(new GoToSegment(SessionBuilder.Discussion));
        return session;
    }
}
