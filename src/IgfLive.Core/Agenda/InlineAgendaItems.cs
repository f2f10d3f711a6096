using System.Globalization;
using System.Text.RegularExpressions;

namespace IgfLive.Core.Agenda;

/// <summary>
/// Splits an agenda written as one paragraph ("Agenda: 1. Opening(5m): … 2. Keynote speaking(20m): …
/// 3. Open discussion(20m): …") into one piece per item, so each is read as a line of its own would be.
/// A line is split only at numbers that count up by one ("1.", "2.", "3.", or "1)", "2)"…), and only
/// when at least two of the pieces state a duration: numbers in prose are left alone.
/// </summary>
internal static partial class InlineAgendaItems
{
    [GeneratedRegex(@"(?<=^|[\s:;])(?<n>[0-9]{1,2})[.)](?=\s)", RegexOptions.CultureInvariant)]
    private static partial Regex ItemNumber();

    /// <summary>The pieces of <paramref name="line"/>: the line itself when it is not an inline list.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var markers = ItemNumber().Matches(line).Select(m => (m.Index, Number: int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture))).ToList();
        var chain = LongestCount(markers);
        if (chain.Count < 2)
        {
            return [line];
        }
        var pieces = new List<string>();
        var prefix = line[..chain[0]];
        if (!string.IsNullOrWhiteSpace(prefix))
        {
            pieces.Add(prefix.TrimEnd());
        }
        for (var i = 0; i < chain.Count; i++)
        {
            var end = i + 1 < chain.Count ? chain[i + 1] : line.Length;
            pieces.Add(line[chain[i]..end].TrimEnd());
        }
        var timed = pieces.Count(p => AgendaLineReader.Read(p).HasDuration);
        return timed >= 2 ? pieces : [line];
    }

    /// <summary>The offsets of the longest run of markers numbered k, k+1, k+2… in order.</summary>
    private static List<int> LongestCount(List<(int Index, int Number)> markers)
    {
        var best = new List<int>();
        for (var start = 0; start < markers.Count; start++)
        {
            var chain = new List<int> { markers[start].Index };
            var expected = markers[start].Number + 1;
            for (var next = start + 1; next < markers.Count; next++)
            {
                if (markers[next].Number == expected)
                {
                    chain.Add(markers[next].Index);
                    expected++;
                }
            }
            if (chain.Count > best.Count)
            {
                best = chain;
            }
        }
        return best;
    }
}
