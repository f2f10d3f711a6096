using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Questions;

public sealed class QuestionVotingTests
{
    [Fact]
    public void EachParticipantVotesOnce()
    {
        var session = new SessionBuilder().Open();
        var id = session.AskApproved("p1");
        session.Do(new VoteQuestion(id, "p2"));

        var rejection = session.Refuse(new VoteQuestion(id, "p2"), RejectionCode.IllegalTransition);
        Assert.Equal("You have already voted for this question.", rejection.Message);
        session.Do(new VoteQuestion(id, "p3"));
        Assert.Equal(2, session.Question(id).Votes);
    }

    [Fact]
    public void NobodyVotesForTheirOwnQuestion()
    {
        var session = new SessionBuilder().Open();
        var id = session.AskApproved("p1");
        Assert.Equal("You cannot vote for your own question.", session.Refuse(new VoteQuestion(id, "p1"), RejectionCode.Forbidden).Message);
        session.Refuse(new VoteQuestion(id, ""), RejectionCode.InvalidInput);
        Assert.Equal(0, session.Question(id).Votes);
    }

    [Fact]
    public void AVoteCanBeTakenBackOnce()
    {
        var session = new SessionBuilder().Open();
        var id = session.AskApproved("p1");
        session.Do(new VoteQuestion(id, "p2"));
        session.Do(new UnvoteQuestion(id, "p2"));

        Assert.Equal(0, session.Question(id).Votes);
        Assert.Equal("You have not voted for this question.", session.Refuse(new UnvoteQuestion(id, "p2"), RejectionCode.IllegalTransition).Message);
        session.Do(new VoteQuestion(id, "p2"));
        Assert.Equal(1, session.Question(id).Votes);
    }

    [Fact]
    public void OnlyTheAuthorMayWithdrawAQuestion()
    {
        var session = new SessionBuilder().Open();
        var id = session.AskForwarded("p1");
        var rejection = session.Refuse(new WithdrawQuestion(id, "p2"), RejectionCode.Forbidden);
        Assert.Equal("Only the person who asked a question can withdraw it.", rejection.Message);

        session.Do(new WithdrawQuestion(id, "p1"));
        Assert.Equal(QuestionStatus.Withdrawn, session.Question(id).Status);
        Assert.Empty(session.State.OnsiteQueue);
    }

    [Fact]
    public void NobodyWithdrawsAQuestionAModeratorRecorded()
    {
        var session = new SessionBuilder().Open();
        var id = session.Record(QuestionChannel.Floor);
        session.Refuse(new WithdrawQuestion(id, "p1"), RejectionCode.Forbidden);
        session.Refuse(new WithdrawQuestion(id, ""), RejectionCode.Forbidden);
    }

    [Fact]
    public void TheOnlineModeratorReordersTheOnlineQueue()
    {
        var session = new SessionBuilder().Open();
        var (a, b, c) = (session.AskApproved("p1"), session.AskApproved("p2"), session.AskApproved("p3"));
        Assert.Equal([a, b, c], session.State.OnlineQueue);

        session.Do(new MoveQuestion(c, 0));
        Assert.Equal([c, a, b], session.State.OnlineQueue);
        session.Do(new MoveQuestion(c, 2));
        Assert.Equal([a, b, c], session.State.OnlineQueue);
        session.Do(new MoveQuestion(a, 1));
        Assert.Equal([b, a, c], session.State.OnlineQueue);

        session.Refuse(new MoveQuestion(a, 3), RejectionCode.InvalidInput);
        var rejection = session.Refuse(new MoveQuestion(a, -1), RejectionCode.InvalidInput);
        Assert.Equal("Position -1 is outside the online queue (0 to 2).", rejection.Message);
    }

    [Fact]
    public void TheOnsiteQueueKeepsTheOrderOfForwarding()
    {
        var session = new SessionBuilder().Open();
        var (a, b, c, d) = (session.AskApproved("p1"), session.AskApproved("p2"), session.Record(QuestionChannel.Floor), session.AskApproved("p4"));

        session.Do(new ForwardQuestion(c));
        session.Do(new ForwardQuestion(a));
        session.Do(new ForwardQuestion(d));

        Assert.Equal([c, a, d], session.State.OnsiteQueue);
        Assert.Equal([b], session.State.OnlineQueue);
        session.Do(new MakeQuestionLive(a));
        Assert.Equal([c, d], session.State.OnsiteQueue);
    }
}
