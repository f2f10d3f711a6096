namespace IgfLive.Core.Agenda;

/// <summary>Infers a segment's kind from the words organisers use in proposals.</summary>
/// <remarks>
/// Proposal sentences mention several activities ("engage the panelists in a lively conversation
/// to get their perspectives on the questions"), so the first keyword found is not enough: every
/// occurrence counts and the kind with the most wins; ties go to the earlier kind in the table.
/// </remarks>
public static class SegmentKinds
{
    private static readonly (SegmentKind Kind, string[] Words)[] Vocabulary =
    [
        (SegmentKind.Takeaways, ["takeaway", "take-away", "wrap", "closing", "close", "conclusion", "summary"]),
        (SegmentKind.Opening, ["opening", "open the session", "welcom", "intro"]),
        (SegmentKind.QuestionsAndAnswers, ["q&a", "q & a", "question", "audience"]),
        (SegmentKind.Presentations, ["presentation", "keynote", "talk", "lightning"]),
        (SegmentKind.Discussion, ["discussion", "debate", "conversation", "panel", "interaction", "dialogue", "round"]),
    ];

    public static SegmentKind Infer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        var best = SegmentKind.Other;
        var bestScore = 0;
        foreach (var (kind, words) in Vocabulary)
        {
            var score = words.Sum(w => Occurrences(lower, w));
            if (score > bestScore)
            {
                best = kind;
                bestScore = score;
            }
        }
        return best;
    }

    private static int Occurrences(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
