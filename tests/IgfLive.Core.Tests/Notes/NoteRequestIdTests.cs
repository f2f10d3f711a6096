using IgfLive.Core.Notes;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Notes;

/// <summary>A note resent with the request id it was first sent with is kept once.</summary>
public sealed class NoteRequestIdTests
{
    private const string Request = "7f3c9a2e-note-1";

    [Fact]
    public void TheNoteKeepsItsRequestId()
    {
        var session = new SessionBuilder().Open();

        var added = Assert.IsType<NoteAdded>(Assert.Single(session.Do(new AddNote(NoteKind.Point, "Spectrum.", null, null, null, Request))));

        Assert.Equal(Request, added.RequestId);
        Assert.Equal(Request, session.State.Notes["n1"].RequestId);
        Assert.Same(session.State.Notes["n1"], session.State.FindNoteByRequest(Request));
    }

    [Fact]
    public void ResendingARequestIdRecordsNothing()
    {
        var session = new SessionBuilder().Open();
        session.Do(new AddNote(NoteKind.Point, "Spectrum.", null, null, null, Request));
        var before = session.State;

        // Whatever else the resend says: the first one is the note.
        Assert.Same(Decision.Nothing, session.Try(new AddNote(NoteKind.Quote, "Spectrum!", null, null, null, Request)));

        Assert.Same(before, session.State);
        Assert.Equal("Spectrum.", session.State.FindNoteByRequest(Request)!.Text);
    }

    [Fact]
    public void ADeletedNoteStillAnswersForItsRequestId()
    {
        var session = new SessionBuilder().Open();
        session.Do(new AddNote(NoteKind.Point, "Spectrum.", null, null, null, Request));
        session.Do(new DeleteNote("n1"));

        Assert.Same(Decision.Nothing, session.Try(new AddNote(NoteKind.Point, "Spectrum.", null, null, null, Request)));
    }

    [Fact]
    public void OtherRequestIdsAndNoneAtAllAddNotes()
    {
        var session = new SessionBuilder().Open();
        session.Do(new AddNote(NoteKind.Point, "One.", null, null, null, "a"));
        session.Do(new AddNote(NoteKind.Point, "Two.", null, null, null, "b"));
        session.Do(new AddNote(NoteKind.Point, "Three.", null, null, null));
        session.Do(new AddNote(NoteKind.Point, "Four.", null, null, null));

        Assert.Equal(4, session.State.Notes.Count);
        Assert.Null(session.State.FindNoteByRequest(null));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("A-Z_a-z_0-9")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void ARequestIdIsUpToSixtyFourLettersDigitsUnderscoresAndHyphens(string requestId) =>
        Assert.Single(new SessionBuilder().Open().Do(new AddNote(NoteKind.Point, "Spectrum.", null, null, null, requestId)));

    [Theory]
    [InlineData("")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    [InlineData("ünïcode")]
    [InlineData("tab\t")]
    public void AnyOtherRequestIdIsInvalidInput(string requestId)
    {
        var rejection = new SessionBuilder().Open().Refuse(new AddNote(NoteKind.Point, "Spectrum.", null, null, null, requestId), RejectionCode.InvalidInput);
        Assert.Equal("A request id is 1 to 64 letters, digits, '_' or '-'.", rejection.Message);
    }
}
