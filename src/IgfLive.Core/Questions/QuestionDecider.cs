using IgfLive.Core.Sessions;

namespace IgfLive.Core.Questions;

/// <summary>Decides question commands against the lifecycle in <see cref="QuestionTransitions"/>.</summary>
internal static class QuestionDecider
{
    public static Decision Decide(SessionState state, SessionCommand command) => command switch
    {
        SubmitQuestion c => state.QuestionsOpen
            ? Submit(state, c.Text, c.Author, c.ParticipantId, QuestionChannel.Online, c.AddressedTo)
            : Decision.Reject(RejectionCode.QuestionsClosed, "Questions are closed for this session."),
        RecordQuestion c => Record(state, c),
        ApproveQuestion c => With(state, c.QuestionId, QuestionAction.Approve, _ => Decision.Accept(new QuestionApproved(c.QuestionId))),
        RejectQuestion c => With(state, c.QuestionId, QuestionAction.Reject, _ =>
            TextRules.Check(c.Reason, TextRules.ReasonMax, "reason", out var reason)
            ?? Decision.Accept(new QuestionRejected(c.QuestionId, reason))),
        RejectQuestionFor c => With(state, c.QuestionId, QuestionAction.Reject, _ => PresetRejectionReasons.Find(c.ReasonCode) is { } reason
            ? Decision.Accept(new QuestionRejected(c.QuestionId, reason, c.ReasonCode))
            : Decision.Reject(RejectionCode.InvalidInput, $"'{c.ReasonCode}' is not a preset reason; use one of {string.Join(", ", PresetRejectionReasons.All.Keys)}.")),
        EditQuestion c => With(state, c.QuestionId, QuestionAction.Edit, q =>
            TextRules.Check(c.Text, TextRules.QuestionMax, "question", out var text)
            ?? (text == q.Text ? Decision.Nothing : Decision.Accept(new QuestionEdited(c.QuestionId, text)))),
        MergeQuestion c => Merge(state, c),
        MoveQuestion c => With(state, c.QuestionId, QuestionAction.Move, q => Move(state, q, c)),
        ForwardQuestion c => With(state, c.QuestionId, QuestionAction.Forward, q => q.Status == QuestionStatus.Submitted
            ? Decision.Accept(new QuestionApproved(c.QuestionId), new QuestionForwarded(c.QuestionId))
            : Decision.Accept(new QuestionForwarded(c.QuestionId))),
        MakeQuestionLive c => With(state, c.QuestionId, QuestionAction.MakeLive, _ => NoneLive(state) ?? Decision.Accept(new QuestionMadeLive(c.QuestionId))),
        MarkQuestionAnswered c => With(state, c.QuestionId, QuestionAction.Answer, _ => Decision.Accept(new QuestionAnswered(c.QuestionId))),
        WithdrawQuestion c => With(state, c.QuestionId, QuestionAction.Withdraw, q => q.ParticipantId != c.ParticipantId
            ? Decision.Reject(RejectionCode.Forbidden, "Only the person who asked a question can withdraw it.")
            : Decision.Accept(new QuestionWithdrawn(c.QuestionId))),
        VoteQuestion c => With(state, c.QuestionId, QuestionAction.Vote, q => Vote(q, c.ParticipantId)),
        UnvoteQuestion c => With(state, c.QuestionId, QuestionAction.Vote, q => q.Voters.Contains(c.ParticipantId)
            ? Decision.Accept(new QuestionUnvoted(c.QuestionId, c.ParticipantId))
            : Illegal("You have not voted for this question.")),
        CloseQuestions => state.QuestionsOpen ? Decision.Accept(new QuestionsClosed()) : Illegal("Questions are already closed."),
        OpenQuestions => state.QuestionsOpen ? Illegal("Questions are already open.") : Decision.Accept(new QuestionsOpened()),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a question command."),
    };

    private static Decision Submit(SessionState state, string text, QuestionAuthor? author, string? participantId, QuestionChannel channel, string? addressedTo)
    {
        author ??= QuestionAuthor.Anonymous;
        var rejections = new[]
        {
            TextRules.Check(text, TextRules.QuestionMax, "question", out var cleanText),
            TextRules.CheckOptional(author.Name, TextRules.NameMax, "name", out var name),
            TextRules.CheckOptional(author.Organisation, TextRules.OrganisationMax, "organisation", out var organisation),
            TextRules.CheckOptional(author.StakeholderGroup, TextRules.StakeholderGroupMax, "stakeholder group", out var group),
        };
        if (rejections.FirstOrDefault(r => r is not null) is { } rejection)
        {
            return rejection;
        }
        if (name is null && channel == QuestionChannel.Online && participantId is not null && !state.Definition.AllowAnonymousQuestions)
        {
            return Decision.Reject(RejectionCode.InvalidInput, "This session asks participants to give their name with a question.");
        }
        if (addressedTo is not null && state.Definition.Speakers.All(s => s.Id != addressedTo))
        {
            return Decision.Reject(RejectionCode.NotFound, $"There is no speaker {addressedTo} in this session.");
        }
        if (participantId is not null && string.IsNullOrWhiteSpace(participantId))
        {
            return Decision.Reject(RejectionCode.InvalidInput, "A participant id is required.");
        }
        var id = $"q{state.Questions.Count + 1}";
        var submitted = new QuestionSubmitted(id, cleanText, new QuestionAuthor(name, organisation, group), participantId, channel, addressedTo, state.Clock.Segment);
        // Questions a moderator records were already triaged by that moderator.
        return participantId is null ? Decision.Accept(submitted, new QuestionApproved(id)) : Decision.Accept(submitted);
    }

    private static Decision Record(SessionState state, RecordQuestion c)
    {
        if (!Enum.IsDefined(c.Destination))
        {
            return Decision.Reject(RejectionCode.InvalidInput, $"{(int)c.Destination} is not a queue.");
        }
        if (c.AskNow && c.Destination != QueueKind.OnsiteQueue)
        {
            return Decision.Reject(RejectionCode.InvalidInput, "Only a question recorded into the room's queue can be asked at once.");
        }
        if (c.AskNow && NoneLive(state) is { } busy)
        {
            return busy;
        }
        var recorded = Submit(state, c.Text, c.Author, null, c.Channel, c.AddressedTo);
        if (!recorded.IsAccepted || c.Destination == QueueKind.OnlineQueue)
        {
            return recorded;
        }
        var id = ((QuestionSubmitted)recorded.Events[0]).QuestionId;
        SessionEvent[] room = c.AskNow ? [new QuestionForwarded(id), new QuestionMadeLive(id)] : [new QuestionForwarded(id)];
        return Decision.Accept([.. recorded.Events, .. room]);
    }

    private static Decision Move(SessionState state, Question question, MoveQuestion c)
    {
        if (!Enum.IsDefined(c.Queue))
        {
            return Decision.Reject(RejectionCode.InvalidInput, $"{(int)c.Queue} is not a queue.");
        }
        var (queue, name) = c.Queue == QueueKind.OnlineQueue ? (state.OnlineQueue, "the online queue") : (state.OnsiteQueue, "the room's queue");
        var at = queue.IndexOf(question.Id);
        if (at < 0)
        {
            // Each moderator orders their own queue: the room's belongs to the onsite moderator, who takes questions from it.
            return Decision.Reject(RejectionCode.Forbidden, question.Status == QuestionStatus.Forwarded
                ? $"Question {question.Id} is in the room's queue; only the onsite moderator orders it."
                : $"Question {question.Id} is in the online queue; only the online moderator orders it.");
        }
        if (c.Position < 0 || c.Position >= queue.Count)
        {
            return Decision.Reject(RejectionCode.InvalidInput, $"Position {c.Position} is outside {name} (0 to {queue.Count - 1}).");
        }
        return c.Position == at ? Decision.Nothing : Decision.Accept(new QuestionMoved(question.Id, c.Position));
    }

    private static Decision Merge(SessionState state, MergeQuestion c)
    {
        if (c.QuestionId == c.IntoQuestionId)
        {
            return Decision.Reject(RejectionCode.InvalidInput, "A question cannot be merged into itself.");
        }
        return With(state, c.IntoQuestionId, QuestionAction.MergeInto, _ =>
            With(state, c.QuestionId, QuestionAction.Merge, _ => Decision.Accept(new QuestionMerged(c.QuestionId, c.IntoQuestionId))));
    }

    private static Decision Vote(Question question, string participantId)
    {
        if (string.IsNullOrWhiteSpace(participantId))
        {
            return Decision.Reject(RejectionCode.InvalidInput, "A participant id is required to vote.");
        }
        if (question.ParticipantId == participantId)
        {
            return Decision.Reject(RejectionCode.Forbidden, "You cannot vote for your own question.");
        }
        return question.Voters.Contains(participantId)
            ? Illegal("You have already voted for this question.")
            : Decision.Accept(new QuestionVoted(question.Id, participantId));
    }

    /// <summary>Finds the question and checks the lifecycle allows the action before deciding.</summary>
    internal static Decision With(SessionState state, string questionId, QuestionAction action, Func<Question, Decision> decide)
    {
        if (state.FindQuestion(questionId) is not { } question)
        {
            return Decision.Reject(RejectionCode.NotFound, $"There is no question {questionId} in this session.");
        }
        if (!QuestionTransitions.IsAllowed(action, question.Status))
        {
            var allowed = string.Join(" or ", QuestionTransitions.AllowedStatuses(action)).ToLowerInvariant();
            return Illegal($"Question {questionId} is {question.Status.ToString().ToLowerInvariant()}; only a question that is {allowed} can be {Past(action)}.");
        }
        return decide(question);
    }

    private static string Past(QuestionAction action) => action switch
    {
        QuestionAction.Approve => "approved",
        QuestionAction.Reject => "rejected",
        QuestionAction.Edit => "edited",
        QuestionAction.Merge => "merged",
        QuestionAction.MergeInto => "merged into",
        QuestionAction.Move => "moved",
        QuestionAction.Forward => "forwarded",
        QuestionAction.MakeLive => "made live",
        QuestionAction.Answer => "marked answered",
        QuestionAction.Withdraw => "withdrawn",
        QuestionAction.Vote => "voted on",
        _ => "promoted to a note",
    };

    /// <summary>At most one question is live: refuses while another one is.</summary>
    private static Rejection? NoneLive(SessionState state) => state.LiveQuestionId is { } live
        ? new Rejection(RejectionCode.IllegalTransition, $"Question {live} is live; mark it answered first.")
        : null;

    private static Decision Illegal(string message) => Decision.Reject(RejectionCode.IllegalTransition, message);
}
