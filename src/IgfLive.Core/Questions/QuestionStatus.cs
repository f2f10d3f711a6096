namespace IgfLive.Core.Questions;

/// <summary>Where a question is in its life. See <see cref="QuestionTransitions"/> for what may follow what.</summary>
public enum QuestionStatus
{
    /// <summary>Asked by a participant, waiting for the online moderator.</summary>
    Submitted,

    /// <summary>Accepted into the online moderator's queue.</summary>
    Approved,

    /// <summary>Sent to the onsite moderator's queue.</summary>
    Forwarded,

    /// <summary>Being asked in the room now. At most one per session.</summary>
    Live,

    Answered,
    Rejected,
    Merged,
    Withdrawn,
}
