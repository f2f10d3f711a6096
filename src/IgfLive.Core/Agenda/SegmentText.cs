using System.Globalization;
using System.Text.RegularExpressions;

namespace IgfLive.Core.Agenda;

/// <summary>
/// Turns what is left of a line once numbering and duration markers are taken out into a title, a description and a
/// kind. A short label before a separator ("Opening(5m): Welcome by the chair", "Opening: Welcome") is the title and
/// the rest the description. Otherwise a sentence longer than 60 characters is titled with its kind's display name
/// ("Opening") and kept whole as the description; shorter text is the title itself.
/// </summary>
internal static partial class SegmentText
{
    private const int LongSentence = 60;
    private const int MaxTitle = 80;
    private const string Separators = "-‐‑‒–—―−:|,;";

    [GeneratedRegex(@"[(\[【〔]\s*[)\]】〕]")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // A removed per-speaker slot leaves "talks, (8 speakers)" behind.
    [GeneratedRegex(@"[,;]\s*(?=[(\[【])")]
    private static partial Regex Leftover();

    // A duration read from the end of a sentence leaves "Open discussion for" behind.
    [GeneratedRegex(@"\s(?:for|of|in|about|approx(?:imately)?|lasting|within|over|during|around|ca)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DanglingPreposition();

    // "After presentation, …" and "Following the panel, …" name the previous segment, not this one.
    [GeneratedRegex(@"^(?:after|following|once)\s[^,]{1,60},\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LookBack();

    [GeneratedRegex(@"\bquestions?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionWord();

    [GeneratedRegex(@"^(?<label>[^:]{1,60}?)(?::(?![0-9])|\s[-–—]\s)(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelAndRest();

    public static string DisplayName(SegmentKind kind) => kind switch
    {
        SegmentKind.Opening => "Opening",
        SegmentKind.Presentations => "Presentations",
        SegmentKind.Discussion => "Discussion",
        SegmentKind.QuestionsAndAnswers => "Audience Q&A",
        SegmentKind.Takeaways => "Takeaways",
        _ => "Segment",
    };

    public static (string Title, SegmentKind Kind, string? Description) Describe(string line, LineReading reading, int ordinal)
    {
        var buffer = line.ToCharArray();
        foreach (var span in reading.Markup)
        {
            Array.Fill(buffer, ' ', span.Start, span.Length);
        }

        string before;
        var afterRaw = string.Empty;
        if (reading.Chosen is { } chosen)
        {
            before = new string(buffer, 0, chosen.Start);
            afterRaw = new string(buffer, chosen.End, buffer.Length - chosen.End);
        }
        else
        {
            before = new string(buffer);
        }
        before = TrimSeparators(Tidy(before));
        if (reading.EndsProse)
        {
            before = DanglingPreposition().Replace(before, string.Empty);
        }
        var afterTidy = Tidy(afterRaw);
        var after = TrimSeparators(afterTidy);
        var afterIsDetail = afterTidy.Length > 0 && (Separators.Contains(afterTidy[0], StringComparison.Ordinal) || afterTidy[0] == '.');

        string? label = null;
        string text;
        if (before.Length > 0 && after.Length > 0)
        {
            if (afterIsDetail && before.Length <= LongSentence)
            {
                label = before;
                text = after;
            }
            else
            {
                text = before + " " + after;
            }
        }
        else
        {
            text = before.Length > 0 ? before : after;
        }

        if (label is null && LabelAndRest().Match(text) is { Success: true } split)
        {
            label = TrimSeparators(split.Groups["label"].Value);
            text = TrimSeparators(split.Groups["rest"].Value);
        }

        var perSpeaker = reading.PerSpeaker is not null;
        if (label is { Length: > 0 })
        {
            var labelKind = Fallback(SegmentKinds.Infer(label), text, perSpeaker);
            var labelTitle = Shorten(label);
            return (labelTitle.Length > 0 ? labelTitle : Untitled(labelKind, ordinal), labelKind, text.Length > 0 ? text : null);
        }

        var kind = Fallback(SegmentKind.Other, text, perSpeaker);
        if (text.Length == 0)
        {
            return (Untitled(kind, ordinal), kind, null);
        }
        if (text.Length > LongSentence && kind != SegmentKind.Other)
        {
            return (DisplayName(kind), kind, text);
        }
        var title = Shorten(text);
        var cut = title.EndsWith('…') && title.Length < text.Length;
        return (title.Length > 0 ? title : Untitled(kind, ordinal), kind, cut ? text : null);
    }

    private static SegmentKind Fallback(SegmentKind kind, string prose, bool perSpeaker)
    {
        if (kind == SegmentKind.Other && prose.Length > 0)
        {
            kind = prose.Length > LongSentence ? InferFromProse(prose) : SegmentKinds.Infer(prose);
        }
        // A per-speaker slot is only ever given for talks, even when the line just says "Speakers".
        return kind == SegmentKind.Other && perSpeaker ? SegmentKind.Presentations : kind;
    }

    /// <summary>
    /// Runs <see cref="SegmentKinds.Infer"/> on running prose, working around two ways prose misleads it: an opening
    /// clause that refers back to the previous segment ("After presentation, …"), and "questions" that the moderator
    /// puts to the panel rather than the audience (the vocabulary ranks any "question" as Q&amp;A).
    /// </summary>
    private static SegmentKind InferFromProse(string prose)
    {
        var main = LookBack().Replace(prose, string.Empty, 1);
        var kind = SegmentKinds.Infer(main);
        if (kind == SegmentKind.QuestionsAndAnswers)
        {
            var withoutQuestions = SegmentKinds.Infer(QuestionWord().Replace(main, " "));
            if (withoutQuestions is not SegmentKind.Other and not SegmentKind.QuestionsAndAnswers)
            {
                return withoutQuestions;
            }
        }
        return kind == SegmentKind.Other ? SegmentKinds.Infer(prose) : kind;
    }

    private static string Untitled(SegmentKind kind, int ordinal) => kind == SegmentKind.Other
        ? string.Create(CultureInfo.InvariantCulture, $"Segment {ordinal}")
        : DisplayName(kind);

    private static string Tidy(string text)
    {
        var spaced = Whitespace().Replace(EmptyBrackets().Replace(text, " "), " ").Trim();
        return Leftover().Replace(spaced, " ").Trim();
    }

    private static string TrimSeparators(string text)
    {
        var trimmed = text.AsSpan().TrimStart(Separators + ". ").TrimEnd(Separators + " ");
        return trimmed.ToString();
    }

    /// <summary>
    /// Cuts at a word boundary so the title stays within 80 characters, drops a lone closing full stop and capitalises
    /// the first letter (proposal forms often carry on a sentence: "the moderator will …").
    /// </summary>
    private static string Shorten(string text)
    {
        if (text.EndsWith('.') && !text.EndsWith("..", StringComparison.Ordinal))
        {
            text = text[..^1].TrimEnd();
        }
        if (text.Length > 0 && char.IsLower(text[0]))
        {
            text = char.ToUpperInvariant(text[0]) + text[1..];
        }
        if (text.Length <= MaxTitle)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', MaxTitle - 2);
        var hard = char.IsHighSurrogate(text[MaxTitle - 2]) ? MaxTitle - 2 : MaxTitle - 1;
        var head = cut > MaxTitle / 2 ? text[..cut] : text[..hard];
        return TrimSeparators(head) + "…";
    }
}
