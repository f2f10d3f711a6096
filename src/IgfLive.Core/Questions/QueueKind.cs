namespace IgfLive.Core.Questions;

/// <summary>
/// The two queues of questions, each ordered by its own moderator: the online moderator's, of
/// approved questions, and the room's, of forwarded ones, which the onsite moderator takes them from.
/// </summary>
public enum QueueKind
{
    /// <summary>Approved questions, in the online moderator's order.</summary>
    OnlineQueue,

    /// <summary>Forwarded questions, in the onsite moderator's order (a question is never in both).</summary>
    OnsiteQueue,
}
