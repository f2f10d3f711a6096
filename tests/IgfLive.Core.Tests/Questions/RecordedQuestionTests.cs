using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Questions;

/// <summary>Where a moderator's recorded question lands: the online queue, or the room's queue (and the floor, at once).</summary>
public sealed class RecordedQuestionTests
{
    private static readonly QuestionAuthor Delegate = new("Jean Dupont", null, "Technical Community");

    private static RecordQuestion Record(QueueKind into, bool askNow = false, string text = "What about rural schools?") =>
        new(text, Delegate, QuestionChannel.Floor, null, into, askNow);

    [Fact]
    public void IntoTheOnlineQueueItIsApproved()
    {
        var session = Started();

        Assert.Equal([typeof(QuestionSubmitted), typeof(QuestionApproved)], session.Do(Record(QueueKind.OnlineQueue)).Select(e => e.GetType()));

        Assert.Equal(QuestionStatus.Approved, session.Question("q1").Status);
        Assert.Equal(["q1"], session.State.OnlineQueue);
        Assert.Empty(session.State.OnsiteQueue);
    }

    [Fact]
    public void IntoTheRoomsQueueItIsApprovedAndForwardedAndNeverInTheOnlineQueue()
    {
        var session = Started();

        Assert.Equal(
            [new QuestionSubmitted("q1", "What about rural schools?", Delegate, null, QuestionChannel.Floor, null, 0), new QuestionApproved("q1"), new QuestionForwarded("q1")],
            session.Do(Record(QueueKind.OnsiteQueue)));

        Assert.Equal(QuestionStatus.Forwarded, session.Question("q1").Status);
        Assert.Empty(session.State.OnlineQueue);
        Assert.Equal(["q1"], session.State.OnsiteQueue);
    }

    [Fact]
    public void AskedNowItIsMadeLiveInTheSameDecision()
    {
        var session = Started();

        Assert.Equal(
            [typeof(QuestionSubmitted), typeof(QuestionApproved), typeof(QuestionForwarded), typeof(QuestionMadeLive)],
            session.Do(Record(QueueKind.OnsiteQueue, askNow: true)).Select(e => e.GetType()));

        Assert.Equal((QuestionStatus.Live, "q1"), (session.Question("q1").Status, session.State.LiveQuestionId));
        Assert.Empty(session.State.OnlineQueue);
        Assert.Empty(session.State.OnsiteQueue);
    }

    [Fact]
    public void AskingNowWhileAnotherQuestionIsLiveRecordsNothing()
    {
        var session = Started();
        session.Do(Record(QueueKind.OnsiteQueue, askNow: true));

        var rejection = session.Refuse(Record(QueueKind.OnsiteQueue, askNow: true, text: "And the libraries?"), RejectionCode.IllegalTransition);

        Assert.Equal("Question q1 is live; mark it answered first.", rejection.Message);
        Assert.Single(session.State.Questions);
        // Into the room's queue without asking it now is fine meanwhile.
        session.Do(Record(QueueKind.OnsiteQueue, text: "And the libraries?"));
        Assert.Equal(["q2"], session.State.OnsiteQueue);
    }

    [Fact]
    public void OnlyAQuestionIntoTheRoomsQueueCanBeAskedNow()
    {
        var rejection = Started().Refuse(Record(QueueKind.OnlineQueue, askNow: true), RejectionCode.InvalidInput);
        Assert.Equal("Only a question recorded into the room's queue can be asked at once.", rejection.Message);
    }

    [Fact]
    public void AnUnknownQueueIsInvalidInput() =>
        Started().Refuse(Record((QueueKind)7), RejectionCode.InvalidInput);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ABlankQuestionIntoTheRoomsQueueIsInvalidInput(bool askNow) =>
        Started().Refuse(Record(QueueKind.OnsiteQueue, askNow, text: "  "), RejectionCode.InvalidInput);

    private static Session Started()
    {
        var session = new SessionBuilder().Open();
        session.Do(new StartClock());
        return session;
    }
}
