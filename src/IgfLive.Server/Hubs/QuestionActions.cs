using System.Collections.Frozen;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using static IgfLive.Core.Sessions.SessionRole;

namespace IgfLive.Server.Hubs;

/// <summary>
/// The staff's question commands in one table: the hub checks the caller's role against it, and
/// each question a staff member is sent lists the ones their role may send for it now, as its
/// status stands in the lifecycle (<see cref="QuestionTransitions"/>). A page draws its buttons from
/// that list, so it never keeps a copy of the lifecycle. The participants' commands (withdraw,
/// vote) are not here: whether one applies depends on whose question it is and on one's votes.
/// </summary>
public static class QuestionActions
{
    public static QuestionCommand Approve { get; } = new(nameof(SessionHub.ApproveQuestion), QuestionAction.Approve, [OnlineModerator]);
    public static QuestionCommand Forward { get; } = new(nameof(SessionHub.ForwardQuestion), QuestionAction.Forward, [OnlineModerator]);
    public static QuestionCommand Edit { get; } = new(nameof(SessionHub.EditQuestion), QuestionAction.Edit, [OnlineModerator]);
    /// <summary>Each moderator orders the queue they take questions from: the online one its approved questions, the onsite one the room's forwarded ones.</summary>
    public static QuestionCommand MoveOnline { get; } = new(nameof(SessionHub.MoveQuestion), QuestionAction.Move, [OnlineModerator], QuestionStatus.Approved);

    public static QuestionCommand MoveInRoom { get; } = new(nameof(SessionHub.MoveQuestion), QuestionAction.Move, [OnsiteModerator], QuestionStatus.Forwarded);

    /// <summary>Who may call <c>MoveQuestion</c> at all; which queue they move in is theirs (<see cref="MoveOnline"/>, <see cref="MoveInRoom"/>).</summary>
    public static IReadOnlyList<SessionRole> MoveRoles { get; } = [.. MoveOnline.Roles, .. MoveInRoom.Roles];
    public static QuestionCommand Merge { get; } = new(nameof(SessionHub.MergeQuestion), QuestionAction.Merge, [OnlineModerator]);

    /// <summary>Not a method of its own: the question may be the one a <c>MergeQuestion</c> merges another into.</summary>
    public static QuestionCommand MergeInto { get; } = new(nameof(SessionHub.MergeQuestion) + "Into", QuestionAction.MergeInto, Merge.Roles);

    public static QuestionCommand Reject { get; } = new(nameof(SessionHub.RejectQuestion), QuestionAction.Reject, [OnlineModerator, OnsiteModerator]);
    public static QuestionCommand RejectFor { get; } = new(nameof(SessionHub.RejectQuestionFor), QuestionAction.Reject, Reject.Roles);
    public static QuestionCommand MakeLive { get; } = new(nameof(SessionHub.MakeQuestionLive), QuestionAction.MakeLive, [OnsiteModerator]);
    public static QuestionCommand Answer { get; } = new(nameof(SessionHub.MarkQuestionAnswered), QuestionAction.Answer, [OnsiteModerator]);
    public static QuestionCommand Promote { get; } = new(nameof(SessionHub.PromoteQuestion), QuestionAction.Promote, [Rapporteur]);

    public static IReadOnlyList<QuestionCommand> All { get; } = [Approve, Forward, Edit, MoveOnline, MoveInRoom, Merge, MergeInto, Reject, RejectFor, MakeLive, Answer, Promote];

    // Computed once: every question of a status sent to a role shares one list.
    private static readonly FrozenDictionary<(SessionRole, QuestionStatus), IReadOnlyList<string>> Allowed =
        (from role in Enum.GetValues<SessionRole>()
         from status in Enum.GetValues<QuestionStatus>()
         select (Key: (role, status), Names: (IReadOnlyList<string>)[.. All
             .Where(c => c.Roles.Contains(role) && QuestionTransitions.IsAllowed(c.Action, status) && (c.Only is null || c.Only == status))
             .Select(c => c.Name)]))
        .ToFrozenDictionary(x => x.Key, x => x.Names);

    /// <summary>The commands <paramref name="role"/> may send for a question that is <paramref name="status"/>, by wire name, in table order.</summary>
    public static IReadOnlyList<string> For(SessionRole role, QuestionStatus status) => Allowed[(role, status)];
}
