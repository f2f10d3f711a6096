using System.Globalization;
using System.Text.RegularExpressions;

namespace IgfLive.Core.Agenda;

/// <summary>
/// Reads the agenda paragraph of a workshop proposal into timed segments, and reports every line it did not use.
/// An agenda written as one paragraph with numbered items inline is read item by item (<see cref="InlineAgendaItems"/>).
/// </summary>
/// <remarks>
/// <para>
/// The parser never invents a duration. A line starts a segment only when it states one: a marker such as
/// "1.【5mins】", "[10min]", "Opening(5m):", "Panel (20 minutes)", "Opening – 5 min", "1h30", "1.5 hours",
/// a clock range "15:00-15:05", or a per-speaker slot ("6 speakers, 5-6 minutes each", which gives 6 × 6 minutes).
/// An explicit marker wins over numbers in running prose, so "【5mins】With 5 minutes left, …" is read from the
/// bracket, and prose numbers alone never make a segment. A per-speaker slot with neither a total nor a speaker count
/// still makes a segment, with no minutes, and the line is also listed in <see cref="AgendaParseResult.Unread"/>.
/// </para>
/// <para>
/// A line without a duration is description of the segment above it only when it clearly continues it:
/// it starts with a sub-point marker (①–⑳, •, -, *, "a)", "(i)", "3.1"), or it is indented further than the segment's
/// line, or it starts in lower case directly below the previous line (a sentence wrapped by the proposal form).
/// A numbered line ("7. Closing") without a duration is never a continuation unless it is indented further.
/// Every other line without a duration goes to Unread: headings and text before the first segment (such as
/// "Discussion facilitation:"), unindented text between segments, and any line after an unread line until the next
/// segment, because it can no longer be told which segment it belongs to. Blank lines are skipped silently and do not
/// end a segment.
/// </para>
/// <para>
/// When a line has several markers of the same strength, the first is the segment's ("Panel (45 min): intro (5 min),
/// debate (40 min)" is 45 minutes). A line that states the session's total ("Total: 90 minutes") is not a segment.
/// Durations must be 1–600 minutes; a line with a duration outside that, a range given as a total ("5-10 min"), or
/// a fraction of a minute goes to Unread with the reason. Input over 20,000 characters or 200 lines is not parsed:
/// the result has no segments and a single Unread entry with line 0.
/// </para>
/// </remarks>
public static partial class AgendaParser
{
    private const int MaxCharacters = 20_000;
    private const int MaxLines = 200;

    [GeneratedRegex(@"^\s*(?:[\u2460-\u2473\u2474-\u249B\u24B6-\u24E9\u2776-\u2793\u3251-\u325F\u32B1-\u32BF]|[•·▪◦‣○●■□►▸➢✓✔*\-–—]|\(?[a-z]\)|\(?[ivx]{1,4}\)|[a-z]\.\s|[ivx]{1,4}\.\s|[0-9]{1,2}\.[0-9]{1,2}\.?(?:\s|$))", RegexOptions.CultureInvariant)]
    private static partial Regex SubPoint();

    [GeneratedRegex(@"^\s*(?:\(?[0-9]{1,3}\)|[0-9]{1,3}\s*[.)、](?![0-9]))", RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelNumber();

    // "Total: 90 minutes" closes many proposals; counting it would double the session.
    [GeneratedRegex(@"^\s*(?:[0-9]{1,3}[.)]\s*)?(?:in\s+total|total(?:\s+(?:session\s+)?(?:duration|length|time))?|(?:overall|session)\s+(?:duration|length|time)|duration|length)\s*(?:[-–—:(\[【=]|[0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SessionTotal();

    /// <summary>Parses pasted agenda text; see the type's remarks for the rules.</summary>
    /// <param name="text">The agenda as pasted; any line ending (\r\n, \n, \r) is accepted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static AgendaParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCharacters)
        {
            return Rejected(string.Create(CultureInfo.InvariantCulture,
                $"The agenda has {text.Length} characters; at most {MaxCharacters} can be read. Paste only the agenda section."));
        }
        var lines = SplitLines(text);
        if (lines.Length > MaxLines)
        {
            return Rejected(string.Create(CultureInfo.InvariantCulture,
                $"The agenda has {lines.Length} lines; at most {MaxLines} can be read. Paste only the agenda section."));
        }

        // A paragraph with its items inline is read as if each item had its own line, at the paragraph's line number.
        var pieces = lines.SelectMany((l, i) => (string.IsNullOrWhiteSpace(l) ? [l] : InlineAgendaItems.Split(l)).Select(p => (Line: i + 1, Raw: p))).ToList();
        var segments = new List<SegmentDraft>();
        var unread = new List<UnreadLine>();
        var afterUnread = false;
        var lastUsedLine = -1;
        for (var i = 0; i < pieces.Count; i++)
        {
            var (lineNumber, raw) = pieces[i];
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            var line = Normalise(raw);
            var reading = AgendaLineReader.Read(line);
            var current = segments.Count > 0 ? segments[^1] : null;

            if (!reading.HasDuration)
            {
                var continues = current is not null && Continues(raw, line, current, lastUsedLine == i - 1);
                if (continues && !afterUnread)
                {
                    current!.Details.Add(line.Trim());
                    lastUsedLine = i;
                    continue;
                }
                unread.Add(new UnreadLine(lineNumber, raw.Trim(), NoDurationReason(current, continues, TopLevelNumber().IsMatch(line))));
                afterUnread = true;
                continue;
            }
            var problem = reading.Problem
                ?? (SessionTotal().IsMatch(line) ? "This looks like the length of the whole session, not a segment, so it was not added." : null);
            if (problem is not null)
            {
                unread.Add(new UnreadLine(lineNumber, raw.Trim(), problem));
                afterUnread = true;
                continue;
            }

            var (title, kind, description) = SegmentText.Describe(line, reading, segments.Count + 1);
            segments.Add(new SegmentDraft(lineNumber, title, reading.Minutes, kind, description, reading.PerSpeaker, Indent(raw)));
            if (reading.Warning is not null)
            {
                unread.Add(new UnreadLine(lineNumber, raw.Trim(), reading.Warning));
            }
            afterUnread = false;
            lastUsedLine = i;
        }
        return new AgendaParseResult(segments.ConvertAll(s => s.ToSegment()), unread);
    }

    private static bool Continues(string raw, string line, SegmentDraft current, bool directlyBelow)
    {
        var indented = Indent(raw) > current.Indent;
        if (TopLevelNumber().IsMatch(line))
        {
            return indented;
        }
        if (indented || SubPoint().IsMatch(line))
        {
            return true;
        }
        var first = line.TrimStart();
        return directlyBelow && first.Length > 0 && char.IsLower(first[0]);
    }

    private static string NoDurationReason(SegmentDraft? current, bool looksLikeContinuation, bool numbered)
    {
        if (current is null)
        {
            return "No duration found. Text before the first timed segment (such as a heading) is not imported.";
        }
        if (looksLikeContinuation)
        {
            return "No duration found, and it follows a line that could not be read, so it is not attached to a segment.";
        }
        var at = current.Line.ToString(CultureInfo.InvariantCulture);
        return numbered
            ? $"Numbered item without a duration; add one, e.g. \"(10 min)\". It was not added to the segment on line {at}."
            : $"No duration found, and the line is neither indented nor a sub-point (①, •, a)) of the segment on line {at}.";
    }

    private static AgendaParseResult Rejected(string reason) => new([], [new UnreadLine(0, string.Empty, reason)]);

    private static string[] SplitLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split(['\n', '\r', '\u2028', '\u2029', '\u0085']);
        // A final line break does not open another line.
        return lines.Length > 1 && lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>
    /// Folds full-width ASCII (０-９, （）, ：, ［］) to ASCII and odd spaces (tab, no-break, ideographic) to a plain
    /// space, one character for one, so offsets stay valid. 【】 and circled digits are kept: the reader knows them.
    /// </summary>
    private static string Normalise(string line) => string.Create(line.Length, line, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                '\t' or '\u00A0' or '\u3000' or '\u2007' or '\u2009' or '\u200A' or '\u202F' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => c,
            };
        }
    });

    private static int Indent(string raw)
    {
        var indent = 0;
        foreach (var c in raw)
        {
            if (c == '\t')
            {
                indent += 4;
            }
            else if (char.IsWhiteSpace(c))
            {
                indent++;
            }
            else
            {
                break;
            }
        }
        return indent;
    }

    private sealed record SegmentDraft(
        int Line, string Title, int? Minutes, SegmentKind Kind, string? Description, PerSpeakerRange? PerSpeaker, int Indent)
    {
        public List<string> Details { get; } = [];

        public ParsedSegment ToSegment()
        {
            var parts = Description is null ? Details : [Description, .. Details];
            return new ParsedSegment(Line, Title, Minutes, Kind, parts.Count == 0 ? null : string.Join('\n', parts), PerSpeaker);
        }
    }
}
