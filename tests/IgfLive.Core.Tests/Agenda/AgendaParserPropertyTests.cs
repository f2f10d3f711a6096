using System.Globalization;
using System.Text;
using CsCheck;
using IgfLive.Core.Agenda;

namespace IgfLive.Core.Tests.Agenda;

public sealed class AgendaParserPropertyTests
{
    private static readonly string[] Words =
    [
        "Opening", "Welcome", "Panel", "Keynote", "Discussion", "Break-out", "Wrap-up", "Q&A", "Roundtable",
        "Lightning", "Talks", "Remarks", "Session", "Networking", "Youth", "Voices", "Policy", "Lab", "Open", "Mic",
    ];

    private static readonly string[] MinuteUnits = ["min", "mins", "minutes", "MIN", "Mins", "m", "Minutes"];

    private static readonly Gen<string> Phrase =
        Gen.Int[0, Words.Length - 1].Array[1, 3].Select(ix => string.Join(' ', ix.Select(i => Words[i])));

    private sealed record Item(string Title, int Minutes, int Shape, int Variation, string Detail);

    [Fact]
    public void GeneratedAgendasReturnExactlyTheMinutesTheyWereBuiltFrom()
    {
        var item = Gen.Select(Phrase, Gen.Int[1, 600], Gen.Int[0, 15], Gen.Int[0, 1 << 20], Phrase,
            (title, minutes, shape, variation, detail) => new Item(title, minutes, shape, variation, detail));
        var agenda = Gen.Select(item.Array[1, 12], Gen.OneOfConst("\n", "\r\n", "\r"), Gen.Bool);

        agenda.Sample((items, newline, heading) =>
        {
            var text = Render(items, newline, heading);

            var result = AgendaParser.Parse(text);

            Assert.Equal(items.Select(i => (int?)i.Minutes), result.Segments.Select(s => s.Minutes));
            Assert.All(result.Segments, s => Assert.InRange(s.Title.Length, 1, 80));
            Assert.Equal(heading ? 1 : 0, result.Unread.Count);
        }, iter: 2_000, print: t => Render(t.Item1, "\n", t.Item3));
    }

    [Fact]
    public void ArbitraryTextNeverThrowsAndNeverYieldsAnOutOfRangeSegment()
    {
        const string agendaish = "0123456789０１２３４５６７８９ :.,-–—~()[]【】（）：'hminutesoaprc&①②\t\u00A0\u3000\n\r";
        var text = Gen.OneOf(
            Gen.String,
            Gen.Char[agendaish].Array[0, 300].Select(chars => new string(chars)));

        text.Sample(input =>
        {
            var result = AgendaParser.Parse(input);

            Assert.All(result.Segments, s =>
            {
                Assert.InRange(s.Title.Length, 1, 80);
                if (s.Minutes is { } minutes)
                {
                    Assert.InRange(minutes, 1, 600);
                }
                else
                {
                    Assert.NotNull(s.PerSpeaker);
                }
            });
            Assert.All(result.Unread, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
        }, iter: 5_000);
    }

    private static string Render(Item[] items, string newline, bool heading)
    {
        var text = new StringBuilder();
        if (heading)
        {
            text.Append("Agenda:").Append(newline);
        }
        for (var n = 0; n < items.Length; n++)
        {
            var item = items[n];
            text.Append(Line(n + 1, item)).Append(newline);
            switch (item.Variation % 5)
            {
                case 0:
                    text.Append(newline);
                    break;
                case 1:
                    text.Append((char)('①' + (item.Variation % 20))).Append(item.Detail).Append(newline);
                    break;
                case 2:
                    text.Append("    ").Append(item.Detail).Append(newline);
                    break;
            }
        }
        return text.ToString();
    }

    private static string Line(int number, Item item)
    {
        var (title, m, v) = (item.Title, item.Minutes, item.Variation / 5);
        var unit = MinuteUnits[v % MinuteUnits.Length];
        var gap = (v / 7 % 3) switch { 0 => "", 1 => " ", _ => "  " };
        var line = Invariant((item.Shape, m) switch
        {
            (0, _) => $"{number}.【{m}{gap}{unit}】{title}",
            (1, _) => $"【{gap}{m} {unit}{gap}】{title}",
            (2, _) => $"[{m}{gap}{unit}] {title}",
            (3, _) => $"{number}) [{m}{unit}] {title}",
            (4, _) => $"{number}. {title}({m}{gap}{unit}): {item.Detail}",
            (5, _) => $"{title} ({m} {unit}): {item.Detail}",
            (6, _) => $"{number}. {title} ({m}{gap}{unit})",
            (7, _) => $"{title} – {m} {unit}",
            (8, _) => $"{title}{gap}-{gap}{m}{gap}{unit}",
            (9, _) => $"{title} — {m}{unit}",
            (10, _) => $"{title} {item.Detail} ({m} {unit}) {item.Detail}",
            (11, _) => $"{title}: {m}'",
            (12, var x) when x % 60 == 0 => $"{title} ({x / 60}{gap}{(v % 2 == 0 ? "h" : "hours")})",
            (12, var x) when x > 60 => $"{title} ({x / 60}h{x % 60:00})",
            (13, var x) when x % 30 == 0 => $"{title} – {x / 60.0:0.0} hours",
            (13, var x) when x > 60 => $"{title} [{x / 60} hour {x % 60} minutes]",
            (14, var x) => $"{Clock(v % 1440)}{gap}-{gap}{Clock((v % 1440) + x)} {title}",
            (15, var x) when x % 5 == 0 && x / 5 <= 12 => $"{title} – {x / 5} speakers, 5 minutes each",
            (15, var x) => $"【{x}mins】{title} from some speakers, 5-6 {unit} each",
            _ => $"{number}. {title} ({m} minutes)",
        });
        return v % 4 == 0 ? ToFullWidthDigits(line) : line;
    }

    private static string Clock(int minuteOfDay) => Invariant($"{minuteOfDay / 60 % 24:00}:{minuteOfDay % 60:00}");

    private static string ToFullWidthDigits(string line) =>
        string.Concat(line.Select(c => c is >= '0' and <= '9' or '(' or ')' or ':' ? (char)(c + 0xFEE0) : c));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
