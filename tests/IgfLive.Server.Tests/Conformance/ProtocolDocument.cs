using System.Text.RegularExpressions;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>
/// docs/protocol.md, read as the tests' source of truth: its tables are parsed here rather than
/// copied into the tests, so a change to the document is a change to what the server is held to
/// (a copy would go on passing against an old document). Tables are found by the heading they sit
/// under and the text of their first header cell; a table that cannot be found fails the test that
/// asked for it, naming what it looked for.
/// </summary>
public sealed partial class ProtocolDocument
{
    private readonly string[] _lines;

    private ProtocolDocument(string path, string[] lines)
    {
        Path = path;
        _lines = lines;
    }

    public static ProtocolDocument Current { get; } = Load();

    public string Path { get; }

    public string Text => string.Join('\n', _lines);

    /// <summary>The rows (cells trimmed, header and rule left out) of the first table under <paramref name="heading"/> whose first header cell is <paramref name="firstHeader"/>.</summary>
    public IReadOnlyList<string[]> Table(string heading, string firstHeader) => [.. TableWithHeader(heading, firstHeader).Skip(1)];

    /// <summary>Each row of that table as a map from its column's header to the cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string heading, string firstHeader)
    {
        var table = TableWithHeader(heading, firstHeader);
        return [.. table.Skip(1).Select(row => (IReadOnlyDictionary<string, string>)table[0].Zip(row).ToDictionary(c => c.First, c => c.Second, StringComparer.Ordinal))];
    }

    private IReadOnlyList<string[]> TableWithHeader(string heading, string firstHeader)
    {
        var at = Array.FindIndex(_lines, l => l.TrimStart('#', ' ') == heading && l.StartsWith('#'));
        Assert.True(at >= 0, $"{Path} has no heading '{heading}'.");
        for (var i = at + 1; i < _lines.Length - 1; i++)
        {
            if (_lines[i].StartsWith('|') && Cells(_lines[i]) is [var first, ..] && first == firstHeader && _lines[i + 1].StartsWith("|---", StringComparison.Ordinal))
            {
                return [Cells(_lines[i]), .. _lines.Skip(i + 2).TakeWhile(l => l.StartsWith('|')).Select(Cells)];
            }
        }
        Assert.Fail($"{Path} has no table with first column '{firstHeader}' under '{heading}'.");
        return [];
    }

    /// <summary>The paragraph (lines up to a blank one) that begins with <paramref name="start"/>.</summary>
    public string Paragraph(string start)
    {
        var at = Array.FindIndex(_lines, l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(at >= 0, $"{Path} has no paragraph starting '{start}'.");
        return string.Join(' ', _lines.Skip(at).TakeWhile(l => l.Length > 0));
    }

    /// <summary>Every `code` span of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> Codes(string text) => [.. CodeSpan().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>The PascalCase names among the code spans, e.g. event and method names.</summary>
    public static IReadOnlyList<string> Names(string text) => [.. Codes(text).Where(c => Name().IsMatch(c))];

    private static string[] Cells(string row)
    {
        // A cell may hold an escaped bar ("Floor"\|"Online"): split on the others only.
        var cells = UnescapedBar().Split(row.Trim().Trim('|'));
        return [.. cells.Select(c => c.Replace("\\|", "|", StringComparison.Ordinal).Trim())];
    }

    private static ProtocolDocument Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "docs", "protocol.md");
            if (File.Exists(candidate))
            {
                return new ProtocolDocument(candidate, File.ReadAllLines(candidate));
            }
        }
        throw new FileNotFoundException($"docs/protocol.md was not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex("^[A-Z][A-Za-z]+$")]
    private static partial Regex Name();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedBar();
}
