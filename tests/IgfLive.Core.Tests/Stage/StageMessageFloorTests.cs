using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Stage;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Stage;

/// <summary>A stage message that was not pinned goes when the floor moves on, in the same decision; a pinned one stays.</summary>
public sealed class StageMessageFloorTests
{
    public static TheoryData<string, SessionEvent[]> FloorChanges => new()
    {
        // Kwame's slot (the second of four) in the presentations is current.
        { "next", [new SpeakerSlotEntered(2)] },
        { "previous", [new SpeakerSlotEntered(0)] },
        { "go to segment", [new SegmentEntered(SessionBuilder.Discussion)] },
        { "go to slot", [new SpeakerSlotEntered(3)] },
        { "end", [new SessionEnded(), new QuestionsClosed()] },
    };

    [Theory]
    [MemberData(nameof(FloorChanges))]
    public void AnUnpinnedMessageIsClearedAfterTheClockMoves(string command, SessionEvent[] moved)
    {
        var session = InKwamesSlot();
        session.Do(new SendStageMessage("Please wrap up", Pinned: false));

        var events = session.Do(Command(command));

        Assert.Equal([.. moved, new StageMessageCleared("m1")], events);
        Assert.Null(session.State.StageMessage);
    }

    [Theory]
    [MemberData(nameof(FloorChanges))]
    public void AnAcknowledgedUnpinnedMessageIsClearedToo(string command, SessionEvent[] moved)
    {
        var session = InKwamesSlot();
        session.Do(new SendStageMessage("Please wrap up", Pinned: false));
        session.Do(new AcknowledgeStageMessage("m1"));

        Assert.Equal([.. moved, new StageMessageCleared("m1")], session.Do(Command(command)));
    }

    [Theory]
    [MemberData(nameof(FloorChanges))]
    public void APinnedMessageStaysUntilClearedByHand(string command, SessionEvent[] moved)
    {
        var session = InKwamesSlot();
        session.Do(new SendStageMessage("Microphone 2 is broken", Pinned: true));

        Assert.Equal(moved, session.Do(Command(command)));

        Assert.Equal(new StageMessage("m1", "Microphone 2 is broken", session.Now, null, true), session.State.StageMessage);
        session.Do(new ClearStageMessage("m1"));
        Assert.Null(session.State.StageMessage);
    }

    [Theory]
    [MemberData(nameof(FloorChanges))]
    public void WithNoMessageShownTheClockMovesAlone(string command, SessionEvent[] moved) =>
        Assert.Equal(moved, InKwamesSlot().Do(Command(command)));

    public static TheoryData<SessionCommand> NoFloorChange => new()
    {
        new PauseClock(),
        new AdjustSegment(60),
        new AddNote(NoteKind.Point, "Kwame on spectrum", null, null, null),
        new SendStageMessage("Another message", false),
    };

    [Theory]
    [MemberData(nameof(NoFloorChange))]
    public void CommandsThatDoNotMoveTheFloorLeaveTheMessageAlone(SessionCommand command)
    {
        var session = InKwamesSlot();
        session.Do(new SendStageMessage("Please wrap up", Pinned: false));

        Assert.DoesNotContain(session.Do(command), e => e is StageMessageCleared);
        Assert.NotNull(session.State.StageMessage);
    }

    [Fact]
    public void StartingTheClockLeavesAMessageSentBeforeTheStart()
    {
        var session = new SessionBuilder().Open();
        session.Do(new SendStageMessage("Starting in two minutes", Pinned: false));

        Assert.Equal([new ClockStarted(), new SegmentEntered(0)], session.Do(new StartClock()));
        Assert.Equal("m1", session.State.StageMessage?.Id);
    }

    [Fact]
    public void ARefusedMoveClearsNothing()
    {
        var session = InKwamesSlot();
        session.Do(new SendStageMessage("Please wrap up", Pinned: false));

        session.Refuse(new GoToSegment(42), RejectionCode.NotFound);
        session.Refuse(new GoToSpeakerSlot(7), RejectionCode.NotFound);

        Assert.Equal("m1", session.State.StageMessage?.Id);
    }

    [Fact]
    public void GoingWhereTheClockAlreadyIsClearsNothing()
    {
        var session = InKwamesSlot();
        session.Do(new SendStageMessage("Please wrap up", Pinned: false));

        session.Unchanged(new GoToSpeakerSlot(1));
        session.Unchanged(new GoToSegment(SessionBuilder.Presentations));

        Assert.Equal("m1", session.State.StageMessage?.Id);
    }

    private static Session InKwamesSlot()
    {
        var session = new SessionBuilder().WithPresentationSlots().Open();
        session.Do(new StartClock());
        session.Do(new NextSegment());
        session.Do(new NextSegment());
        Assert.Equal((SessionBuilder.Presentations, (int?)1), (session.State.Clock.Segment, session.State.Clock.Slot));
        return session;
    }

    private static SessionCommand Command(string name) => name switch
    {
        "next" => new NextSegment(),
        "previous" => new PreviousSegment(),
        "go to segment" => new GoToSegment(SessionBuilder.Discussion),
        "go to slot" => new GoToSpeakerSlot(3),
        _ => new EndSession(),
    };
}
