using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Questions;

public sealed class QuestionLifecycleTests
{
    /// <summary>Every question command from every status: Y accepted, . refused as an illegal transition.</summary>
    private static readonly string[] Lifecycle =
    [
        //            Sub App Fwd Liv Ans Rej Mrg Wdr
        "Approve    Y   .   .   .   .   .   .   .",
        "Reject     Y   Y   Y   .   .   .   .   .",
        "Edit       Y   Y   Y   .   .   .   .   .",
        "Merge      Y   Y   .   .   .   .   .   .",
        "MergeInto  Y   Y   Y   Y   .   .   .   .",
        "Move       .   Y   Y   .   .   .   .   .",
        "Forward    Y   Y   .   .   .   .   .   .",
        "MakeLive   .   .   Y   .   .   .   .   .",
        "Answer     .   .   .   Y   .   .   .   .",
        "Withdraw   Y   Y   Y   .   .   .   .   .",
        "Vote       .   Y   Y   Y   .   .   .   .",
        "Unvote     .   Y   Y   Y   .   .   .   .",
        "Promote    .   Y   Y   Y   Y   .   .   .",
    ];

    public static TheoryData<QuestionStatus, string, bool> EveryStatusAndCommand()
    {
        var data = new TheoryData<QuestionStatus, string, bool>();
        foreach (var line in Lifecycle)
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var status = 0; status < 8; status++)
            {
                data.Add((QuestionStatus)status, cells[0], cells[status + 1] == "Y");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndCommand))]
    public void EveryQuestionCommandFollowsTheLifecycleTable(QuestionStatus status, string command, bool accepted)
    {
        var action = command == "Unvote" ? QuestionAction.Vote : Enum.Parse<QuestionAction>(command);
        Assert.Equal(accepted, QuestionTransitions.IsAllowed(action, status));

        var (session, id) = QuestionIn(status);
        var cmd = Command(session, id, command);
        if (accepted)
        {
            Assert.NotEmpty(session.Do(cmd));
            Assert.Equal(StatusAfter(command) ?? status, session.Question(id).Status);
        }
        else
        {
            var rejection = session.Refuse(cmd, RejectionCode.IllegalTransition);
            Assert.Contains($"is {status.ToString().ToLowerInvariant()};", rejection.Message, StringComparison.Ordinal);
            Assert.Equal(status, session.Question(id).Status);
        }
    }

    [Fact]
    public void ForwardingASubmittedQuestionApprovesItAndSendsItToTheRoomInOneDecision()
    {
        var session = new SessionBuilder().Open();
        var id = session.Ask("author");

        Assert.Equal([new QuestionApproved(id), new QuestionForwarded(id)], session.Do(new ForwardQuestion(id)));

        Assert.Equal(QuestionStatus.Forwarded, session.Question(id).Status);
        Assert.Empty(session.State.OnlineQueue);
        Assert.Equal([id], session.State.OnsiteQueue);
    }

    [Fact]
    public void ForwardingAnApprovedQuestionIsOneEvent()
    {
        var session = new SessionBuilder().Open();
        var id = session.AskApproved("author");

        Assert.Equal([new QuestionForwarded(id)], session.Do(new ForwardQuestion(id)));
    }

    [Fact]
    public void AtMostOneQuestionIsLiveAtATime()
    {
        var session = new SessionBuilder().Open();
        var first = session.AskForwarded("p1");
        var second = session.AskForwarded("p2");
        session.Do(new MakeQuestionLive(first));

        var rejection = session.Refuse(new MakeQuestionLive(second), RejectionCode.IllegalTransition);
        Assert.Equal($"Question {first} is live; mark it answered first.", rejection.Message);
        Assert.Equal(first, session.State.LiveQuestionId);
        Assert.Equal([second], session.State.OnsiteQueue);
    }

    [Fact]
    public void AnsweringTheLiveQuestionClearsTheLiveSlot()
    {
        var session = new SessionBuilder().Open();
        var first = session.AskForwarded("p1");
        var second = session.AskForwarded("p2");
        session.Do(new MakeQuestionLive(first));
        session.AdvanceMinutes(2).Do(new MarkQuestionAnswered(first));

        Assert.Null(session.State.LiveQuestionId);
        Assert.Equal(session.Now, session.Question(first).AnsweredAt);
        session.Do(new MakeQuestionLive(second));
        Assert.Equal(second, session.State.LiveQuestionId);
    }

    [Fact]
    public void MergingCarriesTheVotesOverWithoutCountingAVoterTwice()
    {
        var session = new SessionBuilder().Open();
        var duplicate = session.AskApproved("p1", "Who pays for rural access?");
        var original = session.AskApproved("p2", "Who funds rural connectivity?");
        session.Do(new VoteQuestion(duplicate, "v1"));
        session.Do(new VoteQuestion(duplicate, "v2"));
        session.Do(new VoteQuestion(original, "v2"));
        session.Do(new VoteQuestion(original, "v3"));

        Assert.Equal([new QuestionMerged(duplicate, original)], session.Do(new MergeQuestion(duplicate, original)));

        Assert.Equal(3, session.Question(original).Votes);
        Assert.Equal(["v1", "v2", "v3"], session.Question(original).Voters.Order());
        Assert.Equal((QuestionStatus.Merged, original), (session.Question(duplicate).Status, session.Question(duplicate).MergedInto));
        Assert.Equal([original], session.State.OnlineQueue);
    }

    [Fact]
    public void MergingNeverMakesAnAuthorAVoterOfTheirOwnQuestion()
    {
        var session = new SessionBuilder().Open();
        var duplicate = session.AskApproved("p1");
        var original = session.AskApproved("p2");
        session.Do(new VoteQuestion(duplicate, "p2"));
        session.Do(new VoteQuestion(duplicate, "v1"));

        session.Do(new MergeQuestion(duplicate, original));

        Assert.Equal(["v1"], session.Question(original).Voters);
    }

    [Fact]
    public void AQuestionCannotBeMergedIntoItself()
    {
        var session = new SessionBuilder().Open();
        var id = session.AskApproved("p1");
        Assert.Equal("A question cannot be merged into itself.", session.Refuse(new MergeQuestion(id, id), RejectionCode.InvalidInput).Message);
    }

    [Fact]
    public void EditsKeepTheAuthorsFirstWording()
    {
        var session = new SessionBuilder().Open();
        var id = session.Ask("p1", "how do u fund comunity networks??");
        session.Do(new EditQuestion(id, "How do you fund community networks?"));
        session.Do(new EditQuestion(id, "How are community networks funded?"));

        var question = session.Question(id);
        Assert.Equal("How are community networks funded?", question.Text);
        Assert.Equal("how do u fund comunity networks??", question.OriginalText);
        // The same words again (a save with nothing changed) record nothing.
        session.Unchanged(new EditQuestion(id, "  How are community networks funded? "));
        session.Refuse(new EditQuestion(id, ""), RejectionCode.InvalidInput);
    }

    [Fact]
    public void AQuestionRemembersWhetherTheRoomEverSawIt()
    {
        var session = new SessionBuilder().Open();
        var seen = session.Ask("p1");
        session.AdvanceMinutes(1).Do(new ApproveQuestion(seen));
        var approvedAt = session.Now;
        session.AdvanceMinutes(1).Do(new RejectQuestion(seen, "Covered already"));
        var unseen = session.Ask("p2");
        session.Do(new RejectQuestion(unseen, "Off topic"));
        var recorded = session.Record(QuestionChannel.Floor);

        Assert.Equal(approvedAt, session.Question(seen).ApprovedAt);
        Assert.Null(session.Question(unseen).ApprovedAt);
        Assert.Equal(session.Now, session.Question(recorded).ApprovedAt);
    }

    [Fact]
    public void AnUneditedQuestionHasNoOriginalText()
    {
        var session = new SessionBuilder().Open();
        Assert.Null(session.Question(session.Ask("p1")).OriginalText);
    }

    [Fact]
    public void RejectingNeedsAReasonAndTakesTheQuestionOutOfTheQueues()
    {
        var session = new SessionBuilder().Open();
        var id = session.AskForwarded("p1");
        session.Refuse(new RejectQuestion(id, "  "), RejectionCode.InvalidInput);
        session.Do(new RejectQuestion(id, "Already covered by the panel"));

        Assert.Equal("Already covered by the panel", session.Question(id).RejectionReason);
        Assert.Empty(session.State.OnsiteQueue);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    [InlineData("edit")]
    [InlineData("merge")]
    [InlineData("merge into")]
    [InlineData("move")]
    [InlineData("forward")]
    [InlineData("live")]
    [InlineData("answer")]
    [InlineData("withdraw")]
    [InlineData("vote")]
    [InlineData("unvote")]
    [InlineData("promote")]
    public void AnUnknownQuestionIsNotFound(string command)
    {
        var session = new SessionBuilder().Open();
        var known = session.AskApproved("p1");
        SessionCommand cmd = command switch
        {
            "approve" => new ApproveQuestion("q99"),
            "reject" => new RejectQuestion("q99", "Off topic"),
            "edit" => new EditQuestion("q99", "Better?"),
            "merge" => new MergeQuestion("q99", known),
            "merge into" => new MergeQuestion(known, "q99"),
            "move" => new MoveQuestion("q99", 0),
            "forward" => new ForwardQuestion("q99"),
            "live" => new MakeQuestionLive("q99"),
            "answer" => new MarkQuestionAnswered("q99"),
            "withdraw" => new WithdrawQuestion("q99", "p1"),
            "vote" => new VoteQuestion("q99", "p2"),
            "unvote" => new UnvoteQuestion("q99", "p2"),
            _ => new PromoteQuestion("q99", NoteKind.Point, null),
        };
        Assert.Equal("There is no question q99 in this session.", session.Refuse(cmd, RejectionCode.NotFound).Message);
    }

    /// <summary>A session with question q1 (asked by "author", voted for by "fan" once approved) in the given status.</summary>
    private static (Session Session, string Id) QuestionIn(QuestionStatus status)
    {
        var session = new SessionBuilder().Open();
        var id = session.Ask("author");
        switch (status)
        {
            case QuestionStatus.Submitted:
                break;
            case QuestionStatus.Rejected:
                session.Do(new RejectQuestion(id, "Off topic"));
                break;
            case QuestionStatus.Withdrawn:
                session.Do(new WithdrawQuestion(id, "author"));
                break;
            case QuestionStatus.Merged:
                session.Do(new MergeQuestion(id, session.AskApproved("other")));
                break;
            default:
                session.Do(new ApproveQuestion(id));
                session.Do(new VoteQuestion(id, "fan"));
                foreach (var (step, next) in new (SessionCommand, QuestionStatus)[]
                {
                    (new ForwardQuestion(id), QuestionStatus.Forwarded),
                    (new MakeQuestionLive(id), QuestionStatus.Live),
                    (new MarkQuestionAnswered(id), QuestionStatus.Answered),
                })
                {
                    if (session.Question(id).Status == status)
                    {
                        break;
                    }
                    session.Do(step);
                    Assert.Equal(next, session.Question(id).Status);
                }
                break;
        }
        Assert.Equal(status, session.Question(id).Status);
        return (session, id);
    }

    private static SessionCommand Command(Session session, string id, string command) => command switch
    {
        "Approve" => new ApproveQuestion(id),
        "Reject" => new RejectQuestion(id, "Covered already"),
        "Edit" => new EditQuestion(id, "A clearer wording?"),
        "Merge" => new MergeQuestion(id, session.AskApproved("target-author")),
        "MergeInto" => new MergeQuestion(session.Ask("duplicate-author"), id),
        "Move" => MoveBehindAnother(session, id),
        "Forward" => new ForwardQuestion(id),
        "MakeLive" => new MakeQuestionLive(id),
        "Answer" => new MarkQuestionAnswered(id),
        "Withdraw" => new WithdrawQuestion(id, "author"),
        "Vote" => new VoteQuestion(id, "newcomer"),
        "Unvote" => new UnvoteQuestion(id, "fan"),
        _ => new PromoteQuestion(id, NoteKind.KeyTakeaway, null),
    };

    /// <summary>Moves the question behind another one put in its queue first: the online queue, or the room's for a forwarded question.</summary>
    private static MoveQuestion MoveBehindAnother(Session session, string id)
    {
        var forwarded = session.Question(id).Status == QuestionStatus.Forwarded;
        var other = session.AskApproved("queue-mate");
        if (forwarded)
        {
            session.Do(new ForwardQuestion(other));
        }
        return new MoveQuestion(id, 1, forwarded ? QueueKind.OnsiteQueue : QueueKind.OnlineQueue);
    }

    private static QuestionStatus? StatusAfter(string command) => command switch
    {
        "Approve" => QuestionStatus.Approved,
        "Reject" => QuestionStatus.Rejected,
        "Merge" => QuestionStatus.Merged,
        "Forward" => QuestionStatus.Forwarded,
        "MakeLive" => QuestionStatus.Live,
        "Answer" => QuestionStatus.Answered,
        "Withdraw" => QuestionStatus.Withdrawn,
        _ => null,
    };
}
