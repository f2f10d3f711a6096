using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Questions;

/// <summary>Each moderator orders the queue they take questions from: the online one, and the room's.</summary>
public sealed class QuestionMoveTests
{
    [Fact]
    public void TheOnsiteModeratorReordersTheRoomsQueue()
    {
        var session = new SessionBuilder().Open();
        var (a, b, c) = (session.AskForwarded("p1"), session.AskForwarded("p2"), session.Forwarded(QuestionChannel.Floor));
        var waiting = session.AskApproved("p4");

        Assert.Equal([new QuestionMoved(c, 0)], session.Do(new MoveQuestion(c, 0, QueueKind.OnsiteQueue)));
        Assert.Equal([c, a, b], session.State.OnsiteQueue);
        session.Do(new MoveQuestion(a, 2, QueueKind.OnsiteQueue));
        Assert.Equal([c, b, a], session.State.OnsiteQueue);
        Assert.Equal([waiting], session.State.OnlineQueue);

        // A question forwarded later joins the end of the room's queue as reordered.
        var d = session.AskForwarded("p5");
        Assert.Equal([c, b, a, d], session.State.OnsiteQueue);
    }

    [Theory]
    [InlineData(QueueKind.OnlineQueue)]
    [InlineData(QueueKind.OnsiteQueue)]
    public void MovingAQuestionToThePositionItHasRecordsNothing(QueueKind queue)
    {
        var session = new SessionBuilder().Open();
        var ids = Enumerable.Range(1, 3).Select(i => queue == QueueKind.OnsiteQueue ? session.AskForwarded($"p{i}") : session.AskApproved($"p{i}")).ToArray();

        session.Unchanged(new MoveQuestion(ids[1], 1, queue));
        session.Unchanged(new MoveQuestion(ids[0], 0, queue));
        session.Unchanged(new MoveQuestion(ids[2], 2, queue));
    }

    [Fact]
    public void TheOnlineModeratorCannotMoveAQuestionInTheRoomsQueue()
    {
        var session = new SessionBuilder().Open();
        session.AskApproved("p1");
        var forwarded = session.AskForwarded("p2");

        var rejection = session.Refuse(new MoveQuestion(forwarded, 0, QueueKind.OnlineQueue), RejectionCode.Forbidden);
        Assert.Equal($"Question {forwarded} is in the room's queue; only the onsite moderator orders it.", rejection.Message);
    }

    [Fact]
    public void TheOnsiteModeratorCannotMoveAQuestionInTheOnlineQueue()
    {
        var session = new SessionBuilder().Open();
        session.AskForwarded("p1");
        var approved = session.AskApproved("p2");

        var rejection = session.Refuse(new MoveQuestion(approved, 0, QueueKind.OnsiteQueue), RejectionCode.Forbidden);
        Assert.Equal($"Question {approved} is in the online queue; only the online moderator orders it.", rejection.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    public void APositionOutsideTheRoomsQueueIsInvalidInput(int position)
    {
        var session = new SessionBuilder().Open();
        var a = session.AskForwarded("p1");
        session.AskForwarded("p2");

        var rejection = session.Refuse(new MoveQuestion(a, position, QueueKind.OnsiteQueue), RejectionCode.InvalidInput);
        Assert.Equal($"Position {position} is outside the room's queue (0 to 1).", rejection.Message);
    }

    [Fact]
    public void AnUnknownQueueIsInvalidInput()
    {
        var session = new SessionBuilder().Open();
        var a = session.AskApproved("p1");
        session.AskApproved("p2");

        session.Refuse(new MoveQuestion(a, 1, (QueueKind)7), RejectionCode.InvalidInput);
    }

    [Theory]
    [InlineData(QueueKind.OnlineQueue)]
    [InlineData(QueueKind.OnsiteQueue)]
    public void ALiveQuestionIsInNoQueueAndCannotBeMoved(QueueKind queue)
    {
        var session = new SessionBuilder().Open();
        var live = session.AskForwarded("p1");
        session.AskForwarded("p2");
        session.Do(new MakeQuestionLive(live));

        Assert.Contains("is live;", session.Refuse(new MoveQuestion(live, 0, queue), RejectionCode.IllegalTransition).Message, StringComparison.Ordinal);
    }
}
