using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Sessions;

public sealed class SessionDeletionTests
{
    [Fact]
    public void ASessionThatHasNotStartedCanBeDeleted()
    {
        var session = new SessionBuilder().Open();
        session.Do(new RecordQuestion("Asked before the start", QuestionAuthor.Anonymous, QuestionChannel.Floor, null));

        Assert.Equal([new SessionDeleted()], session.Do(new DeleteSession()));

        Assert.True(session.State.Deleted);
    }

    [Theory]
    [InlineData("running")]
    [InlineData("paused")]
    [InlineData("ended")]
    public void ASessionThatHasStartedCannotBeDeleted(string clock)
    {
        var session = new SessionBuilder().Open();
        session.Do(new StartClock());
        if (clock == "paused")
        {
            session.Do(new PauseClock());
        }
        if (clock == "ended")
        {
            session.Do(new EndSession());
        }

        var rejection = session.Refuse(new DeleteSession(), RejectionCode.IllegalTransition);

        Assert.Equal("The session has started; it can no longer be deleted.", rejection.Message);
        Assert.False(session.State.Deleted);
    }

    public static TheoryData<SessionCommand> EveryKindOfCommand => new()
    {
        new DeleteSession(),
        new StartClock(),
        new RaiseDueCue(),
        new AdjustSegment(60),
        new SubmitQuestion("Still there?", QuestionSteps.Amina, "p1", null),
        new RecordQuestion("From the floor", QuestionAuthor.Anonymous, QuestionChannel.Floor, null),
        new ApproveQuestion("q1"),
        new AddNote(NoteKind.Point, "A note", null, null, null),
        new SendStageMessage("Hello", false),
        new RotateRoleKey(SessionRole.OnsiteModerator, new string('b', 64)),
    };

    [Theory]
    [MemberData(nameof(EveryKindOfCommand))]
    public void ADeletedSessionRefusesEveryCommandAsNotFound(SessionCommand command)
    {
        var session = new SessionBuilder().Open();
        session.Do(new SubmitQuestion("Asked before the deletion", QuestionSteps.Amina, "p1", null));
        session.Do(new DeleteSession());

        var rejection = session.Refuse(command, RejectionCode.NotFound);

        Assert.Equal("This session was deleted by the organiser.", rejection.Message);
    }
}
