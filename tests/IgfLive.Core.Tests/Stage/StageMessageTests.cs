using IgfLive.Core.Sessions;
using IgfLive.Core.Stage;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Stage;

public sealed class StageMessageTests
{
    [Fact]
    public void AMessageStaysOnTheStageDisplayUntilCleared()
    {
        var session = new SessionBuilder().Open();
        Assert.Equal([new StageMessageSent("m1", "Please wrap up", false)], session.Do(new SendStageMessage(" Please wrap up ", false)));
        Assert.Equal(new StageMessage("m1", "Please wrap up", session.Now, null, false), session.State.StageMessage);

        session.AdvanceMinutes(1).Do(new ClearStageMessage("m1"));
        Assert.Null(session.State.StageMessage);
    }

    [Fact]
    public void TheStageDisplayAcknowledgesAMessageOnce()
    {
        var session = new SessionBuilder().Open();
        session.Do(new SendStageMessage("Two minutes", false));
        var sentAt = session.Now;
        session.Advance(TimeSpan.FromSeconds(2)).Do(new AcknowledgeStageMessage("m1"));
        var acknowledgedAt = session.Now;

        Assert.Equal(new StageMessage("m1", "Two minutes", sentAt, acknowledgedAt, false), session.State.StageMessage);

        // A second screen acknowledging too changes nothing.
        session.AdvanceMinutes(1);
        Assert.Same(Decision.Nothing, SessionDecider.Decide(session.State, new AcknowledgeStageMessage("m1"), session.Now));
        Assert.Equal(acknowledgedAt, session.State.StageMessage?.AcknowledgedAt);
    }

    [Fact]
    public void ANewMessageReplacesTheOldOne()
    {
        var session = new SessionBuilder().Open();
        session.Do(new SendStageMessage("Two minutes", false));
        session.Do(new AcknowledgeStageMessage("m1"));
        session.Do(new SendStageMessage("Time is up", false));

        Assert.Equal(new StageMessage("m2", "Time is up", session.Now, null, false), session.State.StageMessage);
        Assert.Equal("Stage message m1 is not on the stage display.", session.Refuse(new AcknowledgeStageMessage("m1"), RejectionCode.NotFound).Message);
        // The replaced message is gone already: clearing it asks for what holds.
        session.Unchanged(new ClearStageMessage("m1"));
        Assert.Equal("m2", session.State.StageMessage?.Id);
    }

    [Fact]
    public void AClearedMessageIsGoneAndItsIdIsNotReused()
    {
        var session = new SessionBuilder().Open();
        session.Do(new SendStageMessage("Two minutes", false));
        session.Do(new ClearStageMessage("m1"));

        // A second moderator clearing the same message at once finds it gone: nothing to do, and no error.
        session.Unchanged(new ClearStageMessage("m1"));
        session.Refuse(new AcknowledgeStageMessage("m1"), RejectionCode.NotFound);
        Assert.Equal([new StageMessageSent("m2", "Louder, please", false)], session.Do(new SendStageMessage("Louder, please", false)));
    }

    [Fact]
    public void NothingCanBeAcknowledgedOrClearedWhenNothingWasSent()
    {
        var session = new SessionBuilder().Open();
        session.Refuse(new AcknowledgeStageMessage("m1"), RejectionCode.NotFound);
        Assert.Equal("There is no stage message m1 in this session.", session.Refuse(new ClearStageMessage("m1"), RejectionCode.NotFound).Message);
    }

    [Theory]
    [InlineData("m2")]
    [InlineData("m0")]
    [InlineData("m01")]
    [InlineData("m")]
    [InlineData("M1")]
    [InlineData("m-1")]
    [InlineData("m99999999999")]
    public void ClearingAMessageThatWasNeverSentIsNotFound(string messageId)
    {
        var session = new SessionBuilder().Open();
        session.Do(new SendStageMessage("Two minutes", false));
        session.Do(new ClearStageMessage("m1"));

        session.Refuse(new ClearStageMessage(messageId), RejectionCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Null\0")]
    public void ABlankOrUnprintableMessageIsInvalidInput(string text) =>
        new SessionBuilder().Open().Refuse(new SendStageMessage(text, false), RejectionCode.InvalidInput);

    [Fact]
    public void AStageMessageFitsOnOneLineOfTheDisplay()
    {
        var session = new SessionBuilder().Open();
        var rejection = session.Refuse(new SendStageMessage(new string('x', 141), false), RejectionCode.InvalidInput);
        Assert.Equal("The stage message is 141 characters long; the limit is 140.", rejection.Message);
        session.Do(new SendStageMessage(new string('x', 140), false));
    }
}
