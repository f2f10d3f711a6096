namespace IgfLive.Core.Agenda;

/// <summary>Infers a segment's kind from the words organisers use in proposals.</summary>
public static class SegmentKinds
{
    private static readonly (SegmentKind Kind, string[] Words)[] Vocabulary =
    [
        // Order matters: "questions from the audience" is Q&A even though "audience" is not.
        (SegmentKind.Takeaways, ["takeaway", "take-away", "wrap", "closing", "close", "conclusion", "summary"]),
        (SegmentKind.QuestionsAndAnswers, ["q&a", "q & a", "questions", "question", "audience"]),
        (SegmentKind.Opening, ["opening", "welcome", "introduction", "intro", "open the session"]),
        (SegmentKind.Presentations, ["presentation", "presentations", "keynote", "talk", "lightning"]),
        (SegmentKind.Discussion, ["discussion", "debate", "conversation", "panel", "interaction", "dialogue", "round"]),
    ];

    public static SegmentKind Infer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        foreach (var (kind, words) in Vocabulary)
        {
            if (words.Any(w => lower.Contains(w, StringComparison.Ordinal)))
            {
                return kind;
            }
        }
        return SegmentKind.Other;
    }
}
