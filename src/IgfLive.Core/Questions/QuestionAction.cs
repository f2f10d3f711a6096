namespace IgfLive.Core.Questions;

/// <summary>What can be done to a question.</summary>
public enum QuestionAction
{
    Approve,
    Reject,
    Edit,
    Merge,
    MergeInto,
    Move,
    Forward,
    MakeLive,
    Answer,
    Withdraw,
    Vote,
    Promote,
}
