using System.Globalization;
using System.Text.RegularExpressions;

namespace IgfLive.Core.Agenda;

/// <summary>A stretch of a line, by character offset.</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>What one normalised agenda line says about time.</summary>
/// <param name="HasDuration">False when nothing duration-like was found; the line is then text only.</param>
/// <param name="Minutes">The segment's total, or null when it could not be determined.</param>
/// <param name="PerSpeaker">Per-speaker slot, when stated.</param>
/// <param name="Problem">Set when the line states a duration that cannot be used; no segment is made.</param>
/// <param name="Warning">Set when a segment is made but its length is unknown.</param>
/// <param name="Chosen">Where the duration that gave <paramref name="Minutes"/> sits in the line.</param>
/// <param name="Markup">Numbering and duration markers to leave out of the title and description.</param>
/// <param name="EndsProse">True when the duration is the bare end of a sentence ("Open discussion for 30 minutes").</param>
internal sealed record LineReading(
    bool HasDuration,
    int? Minutes,
    PerSpeakerRange? PerSpeaker,
    string? Problem,
    string? Warning,
    TextSpan? Chosen,
    IReadOnlyList<TextSpan> Markup,
    bool EndsProse = false);

/// <summary>
/// Reads the duration of one agenda line. Candidates are ranked so that an explicit marker always beats a number
/// in running prose: rank 0 is a marker at the start of the line (after any numbering: "【5mins】", "[10min]",
/// "15:00-15:05", "5 min –"); rank 1 is an explicit marker elsewhere (a bracketed "(20 minutes)", a time range,
/// or a duration after a separator as in "Opening – 5 min"); rank 2 is a bare duration that ends the line.
/// Numbers anywhere else in the prose ("With 5 minutes left, …") are never read as a duration.
/// </summary>
internal static partial class AgendaLineReader
{
    internal const int MaxMinutes = 600;
    private const int TrailingRank = 2;

    private const string Seps = "-‐‑‒–—―−:|";
    private const string SepClass = @"\-‐‑‒–—―−:|";
    private const string RangeSep = @"(?:[-‐‑‒–—―−~〜]|to)";
    // "1:30h" and "1.5 hours" must not yield "30h" or "5 hours".
    private const string NotInsideNumber = @"(?<![0-9a-z]|[0-9][.,:])";
    // Keeps "10 min" in "5-10 min" from being read as a plain ten minutes.
    private const string NotRangeEnd = @"(?<![0-9]\s{0,3}" + RangeSep + @"\s{0,3})";
    private const string MinuteUnit = @"(?:minutes?|mins?|mns?|m|['’′]|分钟|分)";
    private const string HourUnit = @"(?:hours?|hrs?|h)";
    private const string Duration = NotInsideNumber + NotRangeEnd + "(?:"
        + @"(?<h>[0-9]{1,4})\s{0,3}" + HourUnit + @"\s{0,3}(?:and\s)?(?<hm>[0-5]?[0-9])\s{0,3}" + MinuteUnit + "(?![a-z])"
        + @"|(?<ch>[0-9]{1,2})h(?<chm>[0-5][0-9])(?![0-9a-z])"
        // "1 hour 30" without a unit is not read as one hour.
        + @"|(?<dh>[0-9]{1,4}(?:[.,][0-9]{1,3})?)\s{0,3}" + HourUnit + @"(?![a-z])(?!\s{0,3}(?:and\s)?[0-9])"
        + @"|(?<m>[0-9]{1,9})\s{0,3}" + MinuteUnit + "(?![a-z]))";
    private const RegexOptions Flags = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^\s*(?:\(?[0-9]{1,3}\)|[0-9]{1,3}\s{0,3}[.)、](?![0-9])|\([a-z]\)|[a-z]\)|[a-z]\.(?=\s)|[\u2460-\u2473\u2776-\u2793]|[-*•·▪◦‣►▸](?=\s|[0-9【\[(]))\s*", Flags)]
    private static partial Regex Numbering();

    [GeneratedRegex(NotInsideNumber + @"(?<lo>[0-9]{1,3})(?:\s{0,3}" + RangeSep + @"\s{0,3}(?<hi>[0-9]{1,3}))?\s{0,3}" + MinuteUnit
        + @"(?![a-z])\s{0,3}(?:(?:for\s)?each(?:\s(?:speaker|panel+ist|presenter|person))?|apiece|per\s(?:speaker|panel+ist|presenter|person|participant|talk|presentation|intervention)|a\s(?:speaker|panel+ist|presenter|person|piece)|/\s{0,3}(?:speaker|person|panel+ist))(?![a-z])", Flags)]
    private static partial Regex PerSpeakerSlot();

    [GeneratedRegex(@"(?<![0-9a-z])(?<n>[0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s(?:[a-z]+\s){0,2}?(?:speakers?|panel+ists?|presenters?|presentations?|talks?|experts?|discussants?)(?![a-z])", Flags)]
    private static partial Regex SpeakerCount();

    // "15.00-15.05" is a clock range too, but "1.30-2.00 hours" is not.
    [GeneratedRegex(@"(?<![0-9:.])(?<sh>[01]?[0-9]|2[0-3])[:h.](?<sm>[0-5][0-9])\s{0,3}(?<sa>[ap]\.?m\.?)?\s{0,3}" + RangeSep
        + @"\s{0,3}(?<eh>[01]?[0-9]|2[0-3])[:h.](?<em>[0-5][0-9])(?![0-9:]|\.[0-9])(?!\s{0,3}" + HourUnit + @"(?![a-z]))(?!\s{0,3}" + MinuteUnit + @"(?![a-z]))"
        + @"(?:\s{0,3}(?<ea>[ap]\.?m\.?)(?![a-z]))?", Flags)]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"[(\[【〔]\s{0,3}(?:approx\.?\s{0,3}|ca\.?\s{0,3}|about\s|~\s{0,3})?" + Duration + @"\s{0,3}\.?\s{0,3}[)\]】〕]", Flags)]
    private static partial Regex BracketDuration();

    [GeneratedRegex(@"^\s*(?<d>" + Duration + @")(?=\s|$|[-‐‑‒–—―−:|,.;)])", Flags)]
    private static partial Regex LeadingDuration();

    [GeneratedRegex(@"(?<=[^\s" + SepClass + @"]\s{0,3}[" + SepClass + @"]\s{0,3})" + Duration + @"(?=\s{0,3}(?:$|[" + SepClass + @";.!]))", Flags)]
    private static partial Regex LabelledDuration();

    [GeneratedRegex(@"(?<=^|\s)" + Duration + @"\s{0,3}[.!]?\s*$", Flags)]
    private static partial Regex TrailingDuration();

    [GeneratedRegex(NotInsideNumber + @"[0-9]{1,4}(?:[.,][0-9]{1,2})?\s{0,3}" + RangeSep + @"\s{0,3}[0-9]{1,4}(?:[.,][0-9]{1,2})?\s{0,3}(?:" + MinuteUnit + "|" + HourUnit + ")(?![a-z])", Flags)]
    private static partial Regex DurationRange();

    private readonly record struct Candidate(int Rank, TextSpan Span, int? Minutes, string? Problem);

    /// <summary>Length of the leading numbering or bullet ("1.", "2)", "①", "-"), 0 when there is none.</summary>
    public static int NumberingLength(string line) => Numbering().Match(line) is { Success: true } m ? m.Length : 0;

    public static LineReading Read(string line)
    {
        var search = line.ToCharArray();
        // Only numbering, the per-speaker slot and the chosen duration leave the title; other markers stay as prose.
        var markup = new List<TextSpan>();
        var numbering = NumberingLength(line);
        Blank(search, new TextSpan(0, numbering), markup);
        var bodyStart = numbering;
        while (bodyStart < line.Length && char.IsWhiteSpace(line[bodyStart]))
        {
            bodyStart++;
        }

        PerSpeakerRange? perSpeaker = null;
        string? problem = null;
        var slot = PerSpeakerSlot().Match(new string(search));
        if (slot.Success)
        {
            Blank(search, new TextSpan(slot.Index, slot.Length), markup);
            var count = SpeakerCount().Match(new string(search));
            var lo = ToInt(slot.Groups["lo"].Value);
            var hi = slot.Groups["hi"].Success ? ToInt(slot.Groups["hi"].Value) : lo;
            int? speakers = count.Success ? ToCount(count.Groups["n"].Value) : null;
            if (lo < 1 || hi < lo || hi > MaxMinutes || speakers == 0)
            {
                problem = $"The per-speaker slot \"{slot.Value.Trim()}\" is not a usable range of minutes.";
            }
            else
            {
                perSpeaker = new PerSpeakerRange((int)lo, (int)hi, speakers);
            }
        }

        var candidates = new List<Candidate>();
        foreach (Match range in TimeRange().Matches(new string(search)))
        {
            var span = new TextSpan(range.Index, range.Length);
            candidates.Add(Check(RankOf(span.Start, bodyStart), span, MinutesBetween(range), range.Value));
            Blank(search, span);
        }
        foreach (Match bracket in BracketDuration().Matches(new string(search)))
        {
            var span = new TextSpan(bracket.Index, bracket.Length);
            candidates.Add(Check(RankOf(span.Start, bodyStart), span, MinutesOf(bracket), bracket.Value));
            Blank(search, span);
        }
        var text = new string(search);
        var leading = LeadingDuration().Match(text);
        if (leading.Success && !(leading.Groups["ch"].Success && !FollowedBySeparator(text, leading.Index + leading.Length)))
        {
            var d = leading.Groups["d"];
            candidates.Add(Check(0, new TextSpan(d.Index, d.Length), MinutesOf(leading), d.Value));
        }
        foreach (Match labelled in LabelledDuration().Matches(text))
        {
            candidates.Add(Check(1, new TextSpan(labelled.Index, labelled.Length), MinutesOf(labelled), labelled.Value));
        }
        var trailing = TrailingDuration().Match(text);
        if (trailing.Success)
        {
            candidates.Add(Check(TrailingRank, new TextSpan(trailing.Index, trailing.Length), MinutesOf(trailing), trailing.Value));
        }

        if (candidates.Count == 0)
        {
            var range = DurationRange().Match(text);
            if (range.Success && perSpeaker is null)
            {
                problem ??= $"\"{range.Value.Trim()}\" is a range; give the segment a single total duration.";
            }
            return Finish(problem, perSpeaker, markup);
        }

        var best = candidates.OrderBy(c => c.Rank).ThenBy(c => c.Span.Start).First();
        markup.Add(best.Span);
        problem ??= best.Problem;
        return problem is null
            ? new LineReading(true, best.Minutes, perSpeaker, null, null, best.Span, markup, best.Rank == TrailingRank)
            : new LineReading(true, null, null, problem, null, null, markup);
    }

    private static LineReading Finish(string? problem, PerSpeakerRange? perSpeaker, List<TextSpan> markup)
    {
        if (problem is not null)
        {
            return new LineReading(true, null, null, problem, null, null, markup);
        }
        if (perSpeaker is null)
        {
            return new LineReading(false, null, null, null, null, null, markup);
        }
        var slot = perSpeaker.MinMinutes == perSpeaker.MaxMinutes
            ? Invariant($"{perSpeaker.MaxMinutes}")
            : Invariant($"{perSpeaker.MinMinutes}–{perSpeaker.MaxMinutes}");
        if (perSpeaker.Speakers is not { } speakers)
        {
            return new LineReading(true, null, perSpeaker, null,
                $"Per-speaker slot of {slot} minutes but no total duration and no speaker count, so the segment has no total duration; add one, e.g. \"(30 min)\".",
                null, markup);
        }
        var total = (long)speakers * perSpeaker.MaxMinutes;
        return total <= MaxMinutes
            ? new LineReading(true, (int)total, perSpeaker, null, null, null, markup)
            : new LineReading(true, null, null,
                Invariant($"{speakers} speakers × {perSpeaker.MaxMinutes} minutes is {total} minutes, more than the {MaxMinutes} a segment may last."),
                null, null, markup);
    }

    private static Candidate Check(int rank, TextSpan span, long? minutes, string text) => minutes switch
    {
        null => new Candidate(rank, span, null, $"\"{text.Trim()}\" is not a whole number of minutes."),
        < 1 or > MaxMinutes => new Candidate(rank, span, null,
            Invariant($"\"{text.Trim()}\" is {minutes} minutes; a segment must last 1 to {MaxMinutes} minutes.")),
        _ => new Candidate(rank, span, (int)minutes.Value, null),
    };

    private static int RankOf(int start, int bodyStart) => start <= bodyStart ? 0 : 1;

    private static long? MinutesOf(Match match)
    {
        var g = match.Groups;
        if (g["h"].Success)
        {
            return (ToInt(g["h"].Value) * 60) + ToInt(g["hm"].Value);
        }
        if (g["ch"].Success)
        {
            return (ToInt(g["ch"].Value) * 60) + ToInt(g["chm"].Value);
        }
        if (g["dh"].Success)
        {
            var minutes = decimal.Parse(g["dh"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 60;
            return decimal.Truncate(minutes) == minutes ? (long)minutes : null;
        }
        return ToInt(g["m"].Value);
    }

    private static long MinutesBetween(Match range)
    {
        var g = range.Groups;
        var start = ClockMinutes(g["sh"].Value, g["sm"].Value, g["sa"].Value);
        var end = ClockMinutes(g["eh"].Value, g["em"].Value, g["ea"].Value);
        // "2:00-3:30pm": an unmarked start is taken in the same half of the day as the end when that is shorter.
        var diff = end - start;
        if (!g["sa"].Success && g["ea"].Success && diff > 12 * 60)
        {
            diff -= 12 * 60;
        }
        return diff < 0 ? diff + (24 * 60) : diff;
    }

    private static long ClockMinutes(string hours, string minutes, string suffix)
    {
        var h = ToInt(hours) % 12;
        var isPm = suffix.StartsWith('p') || suffix.StartsWith('P');
        var isAm = suffix.StartsWith('a') || suffix.StartsWith('A');
        var hour = isPm ? h + 12 : isAm ? h : ToInt(hours);
        return (hour * 60) + ToInt(minutes);
    }

    private static bool FollowedBySeparator(string text, int index)
    {
        var rest = text.AsSpan(index).TrimStart();
        return rest.IsEmpty || Seps.Contains(rest[0], StringComparison.Ordinal);
    }

    private static void Blank(char[] search, TextSpan span, List<TextSpan>? markup = null)
    {
        Array.Fill(search, ' ', span.Start, span.Length);
        markup?.Add(span);
    }

    private static long ToInt(string digits) => long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? ToCount(string value)
    {
        string[] words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        var index = Array.FindIndex(words, w => w.Equals(value, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : (int)Math.Min(ToInt(value), int.MaxValue);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
