using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Questions;

/// <summary>Rejecting for a preset reason records its English text and its code; a typed reason has no code.</summary>
public sealed class PresetRejectionTests
{
    [Theory]
    [InlineData("covered", "Already covered in the room")]
    [InlineData("no_time", "No time left for it")]
    [InlineData("off_topic", "Off topic for this session")]
    [InlineData("conduct", "Not in line with the session's code of conduct")]
    public void EachCodeRecordsItsReason(string code, string reason)
    {
        var session = new SessionBuilder().Open();
        var id = session.Ask("p1");

        Assert.Equal([new QuestionRejected(id, reason, code)], session.Do(new RejectQuestionFor(id, code)));

        var question = session.Question(id);
        Assert.Equal((QuestionStatus.Rejected, reason, code), (question.Status, question.RejectionReason, question.RejectionCode));
    }

    [Fact]
    public void TheTableHasExactlyTheFourReasons() =>
        Assert.Equal(["conduct", "covered", "no_time", "off_topic"], PresetRejectionReasons.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("")]
    [InlineData("spam")]
    [InlineData("COVERED")]
    [InlineData(" covered")]
    [InlineData(null)]
    public void AnUnknownCodeIsInvalidInput(string? code)
    {
        var session = new SessionBuilder().Open();
        var id = session.Ask("p1");

        var rejection = session.Refuse(new RejectQuestionFor(id, code!), RejectionCode.InvalidInput);

        Assert.Contains("covered, no_time, off_topic, conduct", rejection.Message, StringComparison.Ordinal);
        Assert.Equal(QuestionStatus.Submitted, session.Question(id).Status);
    }

    [Fact]
    public void ATypedReasonHasNoCode()
    {
        var session = new SessionBuilder().Open();
        var id = session.Ask("p1");
        session.Do(new RejectQuestion(id, "Asked in the previous session"));
        Assert.Null(session.Question(id).RejectionCode);
    }

    [Theory]
    [InlineData(QuestionStatus.Approved)]
    [InlineData(QuestionStatus.Forwarded)]
    public void APresetReasonRejectsFromWhereverRejectingIsAllowed(QuestionStatus status)
    {
        var session = new SessionBuilder().Open();
        var id = status == QuestionStatus.Approved ? session.AskApproved("p1") : session.AskForwarded("p1");
        session.Do(new RejectQuestionFor(id, "no_time"));
        Assert.Equal(QuestionStatus.Rejected, session.Question(id).Status);
    }

    [Fact]
    public void ALiveQuestionCannotBeRejected()
    {
        var session = new SessionBuilder().Open();
        var id = session.AskForwarded("p1");
        session.Do(new MakeQuestionLive(id));
        session.Refuse(new RejectQuestionFor(id, "covered"), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void AnUnknownQuestionIsNotFound() =>
        new SessionBuilder().Open().Refuse(new RejectQuestionFor("q9", "covered"), RejectionCode.NotFound);
}
