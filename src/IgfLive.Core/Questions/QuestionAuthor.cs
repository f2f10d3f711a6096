namespace IgfLive.Core.Questions;

/// <summary>Who asked; every field is optional where the session allows anonymous questions.</summary>
public sealed record QuestionAuthor(string? Name, string? Organisation, string? StakeholderGroup)
{
    public static QuestionAuthor Anonymous { get; } = new(null, null, null);

    public bool IsAnonymous => string.IsNullOrEmpty(Name);
}
