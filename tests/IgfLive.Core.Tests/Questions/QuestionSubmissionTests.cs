using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Questions;

public sealed class QuestionSubmissionTests
{
    [Fact]
    public void ASubmittedQuestionWaitsForTheOnlineModerator()
    {
        var session = new SessionBuilder().Open();
        session.Do(new StartClock());
        session.AdvanceMinutes(6).Do(new NextSegment());

        var events = session.Do(new SubmitQuestion("  How do we fund community networks?\r\n", QuestionSteps.Amina, "p1", "kwame"));

        Assert.Equal(
            [new QuestionSubmitted("q1", "How do we fund community networks?", QuestionSteps.Amina, "p1", QuestionChannel.Online, "kwame", SessionBuilder.Presentations)],
            events);
        var question = session.Question("q1");
        Assert.Equal((QuestionStatus.Submitted, session.Now, 0), (question.Status, question.SubmittedAt, question.Votes));
        Assert.Empty(session.State.OnlineQueue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    [InlineData("Bell\u0007")]
    public void AnEmptyOrUnprintableQuestionIsInvalidInput(string text)
    {
        var session = new SessionBuilder().Open();
        session.Refuse(new SubmitQuestion(text, QuestionSteps.Amina, "p1", null), RejectionCode.InvalidInput);
        Assert.Single(session.Log);
    }

    [Fact]
    public void AQuestionOfFiveHundredAndOneCharactersIsTooLong()
    {
        var session = new SessionBuilder().Open();
        var rejection = session.Refuse(new SubmitQuestion(new string('x', 501), QuestionSteps.Amina, "p1", null), RejectionCode.InvalidInput);
        Assert.Equal("The question is 501 characters long; the limit is 500.", rejection.Message);
        Assert.Single(session.Log);

        session.Do(new SubmitQuestion(new string('x', 500), QuestionSteps.Amina, "p1", null));
    }

    [Fact]
    public void AnOversizedNameIsInvalidInput()
    {
        var session = new SessionBuilder().Open();
        var author = new QuestionAuthor(new string('n', 101), null, null);
        session.Refuse(new SubmitQuestion("Why?", author, "p1", null), RejectionCode.InvalidInput);
    }

    [Fact]
    public void AnonymousQuestionsAreRefusedWhenTheSessionAsksForNames()
    {
        var session = new SessionBuilder().AllowingAnonymousQuestions(false).Open();
        var rejection = session.Refuse(new SubmitQuestion("Why?", QuestionAuthor.Anonymous, "p1", null), RejectionCode.InvalidInput);
        Assert.Equal("This session asks participants to give their name with a question.", rejection.Message);

        // A blank name is no name.
        session.Refuse(new SubmitQuestion("Why?", new QuestionAuthor("  ", "ISOC", null), "p1", null), RejectionCode.InvalidInput);
        session.Do(new SubmitQuestion("Why?", QuestionSteps.Amina, "p1", null));
    }

    [Fact]
    public void AnonymousQuestionsAreAcceptedWhenTheSessionAllowsThem()
    {
        var session = new SessionBuilder().AllowingAnonymousQuestions(true).Open();
        session.Do(new SubmitQuestion("Why?", new QuestionAuthor("", " ", null), "p1", null));
        Assert.True(session.Question("q1").Author.IsAnonymous);
        Assert.Equal(QuestionAuthor.Anonymous, session.Question("q1").Author);
    }

    [Fact]
    public void AModeratorMayRecordAnAnonymousQuestionFromTheFloorEvenWhenNamesAreRequired()
    {
        var session = new SessionBuilder().AllowingAnonymousQuestions(false).Open();
        var events = session.Do(new RecordQuestion("What about rural schools?", QuestionAuthor.Anonymous, QuestionChannel.Floor, null));

        Assert.Equal(
            [
                new QuestionSubmitted("q1", "What about rural schools?", QuestionAuthor.Anonymous, null, QuestionChannel.Floor, null, 0),
                new QuestionApproved("q1"),
            ],
            events);
        Assert.Equal((QuestionStatus.Approved, QuestionChannel.Floor), (session.Question("q1").Status, session.Question("q1").Channel));
        Assert.Equal(["q1"], session.State.OnlineQueue);
    }

    [Fact]
    public void AQuestionAddressedToSomeoneNotOnTheProgrammeIsNotFound()
    {
        var session = new SessionBuilder().Open();
        session.Refuse(new SubmitQuestion("Why?", QuestionSteps.Amina, "p1", "bob"), RejectionCode.NotFound);
        session.Refuse(new RecordQuestion("Why?", QuestionSteps.Amina, QuestionChannel.Floor, "bob"), RejectionCode.NotFound);
    }

    [Fact]
    public void AParticipantIdIsRequiredToAsk()
    {
        var session = new SessionBuilder().Open();
        session.Refuse(new SubmitQuestion("Why?", QuestionSteps.Amina, " ", null), RejectionCode.InvalidInput);
    }

    [Fact]
    public void QuestionIdsFollowTheOrderOfAsking()
    {
        var session = new SessionBuilder().Open();
        Assert.Equal(["q1", "q2", "q3"], [session.Ask("p1"), session.Record(QuestionChannel.Floor), session.Ask("p2")]);
    }
}
