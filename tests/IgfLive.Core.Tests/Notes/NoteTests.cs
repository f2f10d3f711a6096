using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Notes;

public sealed class NoteTests
{
    [Fact]
    public void ANoteIsTiedToTheCurrentSegmentAndSpeakerUnlessToldOtherwise()
    {
        var session = InSecondPresentation();

        var events = session.Do(new AddNote(NoteKind.KeyTakeaway, " Community networks need spectrum. ", null, null, null));

        Assert.Equal(
            [new NoteAdded("n1", NoteKind.KeyTakeaway, "Community networks need spectrum.", SessionBuilder.Presentations, "kwame", null, TimeSpan.FromMinutes(10))],
            events);
        Assert.Equal(session.Now, session.State.Notes["n1"].CreatedAt);
        Assert.False(session.State.Notes["n1"].Deleted);
    }

    [Fact]
    public void ANoteForAnotherSegmentHasNoSpeakerUnlessOneIsGiven()
    {
        var session = InSecondPresentation();
        session.Do(new AddNote(NoteKind.Point, "From the opening.", SessionBuilder.Opening, null, null));
        session.Do(new AddNote(NoteKind.Quote, "\"Connectivity is a right.\"", SessionBuilder.Opening, "ana", null));

        Assert.Equal((0, (string?)null), (session.State.Notes["n1"].Segment, session.State.Notes["n1"].SpeakerId));
        Assert.Equal((0, "ana"), (session.State.Notes["n2"].Segment, session.State.Notes["n2"].SpeakerId));
    }

    [Fact]
    public void ANoteTakenBeforeTheStartIsAtSessionTimeZero()
    {
        var session = new SessionBuilder().Open();
        var added = Assert.IsType<NoteAdded>(Assert.Single(session.Do(new AddNote(NoteKind.Point, "Room is full.", null, null, null))));
        Assert.Equal((0, (string?)null, TimeSpan.Zero), (added.Segment, added.SpeakerId, added.SessionTime));
    }

    [Fact]
    public void EditingChangesKindTextAndSpeakerAndKeepsTheSegmentWhenNoneIsGiven()
    {
        var session = InSecondPresentation();
        session.Do(new AddNote(NoteKind.Point, "Spectrum.", null, null, null));
        session.AdvanceMinutes(1).Do(new EditNote("n1", NoteKind.CallToAction, "Regulators should free up spectrum.", null, "li"));

        var note = session.State.Notes["n1"];
        Assert.Equal((NoteKind.CallToAction, "Regulators should free up spectrum.", 1, "li"), (note.Kind, note.Text, note.Segment, note.SpeakerId));
        Assert.Equal(session.Now, note.EditedAt);
        Assert.Equal(TimeSpan.FromMinutes(10), note.SessionTime);
    }

    [Fact]
    public void AnEditThatChangesNothingRecordsNothing()
    {
        var session = InSecondPresentation();
        session.Do(new AddNote(NoteKind.Point, "Spectrum.", null, "li", null));

        // Saved again as it stands (the segment left out keeps the note's own): the note keeps its editedAt.
        session.AdvanceMinutes(1).Unchanged(new EditNote("n1", NoteKind.Point, " Spectrum. ", null, "li"));
        Assert.Null(session.State.Notes["n1"].EditedAt);

        // Any one difference is an edit.
        Assert.Single(session.Try(new EditNote("n1", NoteKind.Point, "Spectrum.", null, null)).Events);
    }

    [Fact]
    public void DeletingIsSoftAndCanBeUndone()
    {
        var session = InSecondPresentation();
        session.Do(new AddNote(NoteKind.Point, "Spectrum.", null, null, null));

        session.Do(new DeleteNote("n1"));
        Assert.True(session.State.Notes["n1"].Deleted);
        Assert.Equal("Spectrum.", session.State.Notes["n1"].Text);
        Assert.Equal("Note n1 is already deleted.", session.Refuse(new DeleteNote("n1"), RejectionCode.IllegalTransition).Message);

        session.Do(new RestoreNote("n1"));
        Assert.False(session.State.Notes["n1"].Deleted);
        Assert.Equal("Note n1 is not deleted.", session.Refuse(new RestoreNote("n1"), RejectionCode.IllegalTransition).Message);
    }

    [Fact]
    public void ADeletedNoteCannotBeEdited()
    {
        var session = InSecondPresentation();
        session.Do(new AddNote(NoteKind.Point, "Spectrum.", null, null, null));
        session.Do(new DeleteNote("n1"));

        var rejection = session.Refuse(new EditNote("n1", NoteKind.Point, "Spectrum!", null, null), RejectionCode.IllegalTransition);
        Assert.Equal("Note n1 is deleted; restore it before editing.", rejection.Message);
    }

    [Fact]
    public void AnAnsweredQuestionBecomesANoteWithItsAnswer()
    {
        var session = InSecondPresentation();
        session.Do(new SubmitQuestion("How do we fund community networks?", QuestionSteps.Amina, "p1", "kwame"));
        session.Do(new ApproveQuestion("q1"));
        session.Do(new ForwardQuestion("q1"));
        session.AdvanceMinutes(30).AnswerAfter("q1", TimeSpan.FromMinutes(2));

        var events = session.Do(new PromoteQuestion("q1", NoteKind.KeyTakeaway, " Through universal service funds. "));

        Assert.Equal(
            [new NoteAdded("n1", NoteKind.KeyTakeaway, "Q (Amina Diallo): How do we fund community networks?\nA: Through universal service funds.", SessionBuilder.Presentations, "kwame", "q1", TimeSpan.FromMinutes(42))],
            events);
    }

    [Fact]
    public void AnAnonymousQuestionIsPromotedWithoutAName()
    {
        var session = InSecondPresentation();
        session.Do(new SubmitQuestion("Who pays?", QuestionAuthor.Anonymous, "p1", null));
        session.Do(new ApproveQuestion("q1"));

        var added = Assert.IsType<NoteAdded>(Assert.Single(session.Do(new PromoteQuestion("q1", NoteKind.Point, null))));
        Assert.Equal(("Q (anonymous): Who pays?", (string?)null, "q1"), (added.Text, added.SpeakerId, added.QuestionId));
    }

    [Fact]
    public void OnlyAQuestionTheModeratorsAcceptedCanBePromoted()
    {
        var session = InSecondPresentation();
        var id = session.Ask("p1");
        session.Refuse(new PromoteQuestion(id, NoteKind.Point, null), RejectionCode.IllegalTransition);
        session.Refuse(new PromoteQuestion("q9", NoteKind.Point, null), RejectionCode.NotFound);
        session.Do(new ApproveQuestion(id));
        session.Refuse(new PromoteQuestion(id, NoteKind.Point, new string('a', 2001)), RejectionCode.InvalidInput);
    }

    [Fact]
    public void ANoteCanPointAtAQuestion()
    {
        var session = InSecondPresentation();
        var id = session.Ask("p1");
        session.Do(new AddNote(NoteKind.Point, "Good follow-up.", null, null, id));
        Assert.Equal(id, session.State.Notes["n1"].QuestionId);
    }

    [Fact]
    public void ReferencesToThingsThatDoNotExistAreNotFound()
    {
        var session = InSecondPresentation();
        Assert.Equal("There is no segment 6 in this session.", session.Refuse(new AddNote(NoteKind.Point, "x", 6, null, null), RejectionCode.NotFound).Message);
        session.Refuse(new AddNote(NoteKind.Point, "x", -1, null, null), RejectionCode.NotFound);
        Assert.Equal("There is no speaker bob in this session.", session.Refuse(new AddNote(NoteKind.Point, "x", null, "bob", null), RejectionCode.NotFound).Message);
        session.Refuse(new AddNote(NoteKind.Point, "x", null, null, "q9"), RejectionCode.NotFound);
        Assert.Equal("There is no note n9 in this session.", session.Refuse(new EditNote("n9", NoteKind.Point, "x", null, null), RejectionCode.NotFound).Message);
        session.Refuse(new DeleteNote("n9"), RejectionCode.NotFound);
        session.Refuse(new RestoreNote("n9"), RejectionCode.NotFound);

        session.Do(new AddNote(NoteKind.Point, "x", null, null, null));
        session.Refuse(new EditNote("n1", NoteKind.Point, "y", 7, null), RejectionCode.NotFound);
        session.Refuse(new EditNote("n1", NoteKind.Point, "y", null, "bob"), RejectionCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    [InlineData("Escape \u001b[31m")]
    public void ABlankOrUnprintableNoteIsInvalidInput(string text)
    {
        var session = InSecondPresentation();
        session.Refuse(new AddNote(NoteKind.Point, text, null, null, null), RejectionCode.InvalidInput);
        session.Do(new AddNote(NoteKind.Point, "fine", null, null, null));
        session.Refuse(new EditNote("n1", NoteKind.Point, text, null, null), RejectionCode.InvalidInput);
    }

    [Fact]
    public void NotesHaveALengthLimitAndAKnownKind()
    {
        var session = InSecondPresentation();
        session.Refuse(new AddNote(NoteKind.Point, new string('a', 2001), null, null, null), RejectionCode.InvalidInput);
        Assert.Equal("99 is not a kind of note.", session.Refuse(new AddNote((NoteKind)99, "x", null, null, null), RejectionCode.InvalidInput).Message);
        session.Do(new AddNote(NoteKind.Point, new string('a', 2000), null, null, null));
        session.Refuse(new EditNote("n1", (NoteKind)99, "x", null, null), RejectionCode.InvalidInput);
    }

    /// <summary>Presentations with slots, ten minutes into the session: Kwame has just taken the floor.</summary>
    private static Session InSecondPresentation()
    {
        var session = new SessionBuilder().WithPresentationSlots().Open();
        session.Do(new StartClock());
        session.AdvanceMinutes(5).Do(new NextSegment());
        session.AdvanceMinutes(3).Do(new NextSegment());
        session.AdvanceMinutes(2);
        return session;
    }
}
