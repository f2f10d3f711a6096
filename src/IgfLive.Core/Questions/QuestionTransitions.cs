namespace IgfLive.Core.Questions;

/// <summary>
/// The question lifecycle as one table: for each action, the statuses it may start from.
/// Anything not listed is an illegal transition and is refused without changing anything.
/// </summary>
public static class QuestionTransitions
{
    private static readonly Dictionary<QuestionAction, QuestionStatus[]> AllowedFrom = new()
    {
        [QuestionAction.Approve] = [QuestionStatus.Submitted],
        // Forwarded questions may still be rejected, so the onsite moderator can drop one the room already covered.
        [QuestionAction.Reject] = [QuestionStatus.Submitted, QuestionStatus.Approved, QuestionStatus.Forwarded],
        [QuestionAction.Edit] = [QuestionStatus.Submitted, QuestionStatus.Approved, QuestionStatus.Forwarded],
        [QuestionAction.Merge] = [QuestionStatus.Submitted, QuestionStatus.Approved],
        [QuestionAction.MergeInto] = [QuestionStatus.Submitted, QuestionStatus.Approved, QuestionStatus.Forwarded, QuestionStatus.Live],
        // An approved question is in the online queue, a forwarded one in the room's: each is moved within its own.
        [QuestionAction.Move] = [QuestionStatus.Approved, QuestionStatus.Forwarded],
        // A submitted question is approved on the way: the moderator sends it to the room in one step.
        [QuestionAction.Forward] = [QuestionStatus.Submitted, QuestionStatus.Approved],
        [QuestionAction.MakeLive] = [QuestionStatus.Forwarded],
        [QuestionAction.Answer] = [QuestionStatus.Live],
        [QuestionAction.Withdraw] = [QuestionStatus.Submitted, QuestionStatus.Approved, QuestionStatus.Forwarded],
        [QuestionAction.Vote] = [QuestionStatus.Approved, QuestionStatus.Forwarded, QuestionStatus.Live],
        [QuestionAction.Promote] = [QuestionStatus.Approved, QuestionStatus.Forwarded, QuestionStatus.Live, QuestionStatus.Answered],
    };

    public static bool IsAllowed(QuestionAction action, QuestionStatus from) => AllowedFrom[action].Contains(from);

    public static IReadOnlyList<QuestionStatus> AllowedStatuses(QuestionAction action) => AllowedFrom[action];
}
