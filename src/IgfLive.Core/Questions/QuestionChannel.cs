namespace IgfLive.Core.Questions;

/// <summary>How a question reached the session: from the remote audience or from the room.</summary>
public enum QuestionChannel
{
    Online,
    Floor,
}
