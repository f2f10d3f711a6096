using System.Text;
using System.Text.RegularExpressions;

namespace IgfLive.Core.Reports;

/// <summary>
/// Writes people's text into Markdown as text. Only what CommonMark or GitHub's Markdown would read
/// as markup where the text stands is escaped, so that a pasted report reads as it was typed
/// (<c>privacy-preserving.</c>, <c>Q&amp;A</c>), and still nobody's text can become a link, a heading,
/// a list, a table, code or HTML.
/// </summary>
/// <remarks>
/// Escaped everywhere: <c>*</c>, backticks, <c>[</c>, <c>]</c>, <c>&lt;</c>, <c>|</c> (a table can
/// start inside a paragraph), <c>~</c> (strikethrough); <c>_</c> unless it stands inside a word; a
/// backslash before punctuation or at the end of a line; <c>&amp;</c> where it would start an entity.
/// At the start of a line: <c>#</c> opening a heading, <c>&gt;</c>, <c>-</c> and <c>+</c> opening a
/// list, a line of <c>-</c> or <c>=</c> (a rule or a heading underline), and <c>1.</c> or <c>1)</c>.
/// </remarks>
public static partial class Markdown
{
    /// <summary>Under a "- " list item, a continuation line is indented by two spaces to stay in it.</summary>
    private const string Continuation = "  ";

    /// <summary>
    /// Text that starts a block (a paragraph, or a list item after its "- "); with
    /// <paramref name="atLineStart"/> false, text that follows something else on the block's first
    /// line. Each line break becomes a hard break that does not show when pasted: two trailing
    /// spaces, then the next line indented under the list item. Blank lines are dropped, since they
    /// would end the block.
    /// </summary>
    public static string Text(string? text, bool atLineStart = true)
    {
        var md = new StringBuilder((text?.Length ?? 0) + 16);
        var first = true;
        foreach (var line in Lines(text))
        {
            if (!first)
            {
                md.Append("  \n").Append(Continuation);
            }
            Line(md, line, atLineStart || !first);
            first = false;
        }
        return md.ToString();
    }

    /// <summary>Text inside a line or a table cell: on one line, its line breaks written " / ".</summary>
    public static string Inline(string? text)
    {
        var md = new StringBuilder((text?.Length ?? 0) + 16);
        foreach (var line in Lines(text))
        {
            if (md.Length > 0)
            {
                md.Append(" / ");
            }
            Line(md, line, atLineStart: false);
        }
        return md.ToString();
    }

    /// <summary>The text that ends a heading ("# …"): inline, and a closing run of <c>#</c> kept as text.</summary>
    public static string Heading(string? text)
    {
        var md = Inline(text);
        var run = md.Length;
        while (run > 0 && md[run - 1] == '#')
        {
            run--;
        }
        // "# C #" would lose its last "#": a run of them after a space closes the heading.
        return run < md.Length && (run == 0 || md[run - 1] is ' ' or '\t') ? md.Insert(run, "\\") : md;
    }

    private static string[] Lines(string? text) =>
        (text ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static void Line(StringBuilder md, string line, bool atLineStart)
    {
        // Where a block marker at the start of the line needs its backslash, if anywhere.
        var marker = atLineStart ? BlockMarker(line) : -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (i == marker || Escaped(line, i))
            {
                md.Append('\\');
            }
            md.Append(c);
        }
    }

    /// <summary>Whether the character at <paramref name="i"/> is markup wherever it stands.</summary>
    private static bool Escaped(string line, int i) => line[i] switch
    {
        '*' or '`' or '[' or ']' or '<' or '|' or '~' => true,
        // Between letters or digits an underscore can neither open nor close emphasis.
        '_' => i == 0 || i == line.Length - 1 || !char.IsLetterOrDigit(line[i - 1]) || !char.IsLetterOrDigit(line[i + 1]),
        // Elsewhere a backslash is itself; before punctuation it escapes, at the end of a line it breaks it.
        '\\' => i == line.Length - 1 || IsAsciiPunctuation(line[i + 1]),
        '&' => Entity().IsMatch(line.AsSpan(i)),
        _ => false,
    };

    /// <summary>The index of the character to escape so the line does not open a block, or -1.</summary>
    private static int BlockMarker(string line)
    {
        var c = line[0];
        if (c == '>')
        {
            return 0;
        }
        if (c is '-' or '=' && line.All(x => x == c || x is ' ' or '\t'))
        {
            // A rule ("---", "- - -") or a heading underline ("===") under the line before.
            return 0;
        }
        if (c is '-' or '+' && SpaceOrEnd(line, 1))
        {
            return 0;
        }
        if (c == '#')
        {
            var hashes = 1;
            while (hashes < line.Length && line[hashes] == '#')
            {
                hashes++;
            }
            return hashes <= 6 && SpaceOrEnd(line, hashes) ? 0 : -1;
        }
        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }
        // "2017. A good year" would start an ordered list at 2017: the backslash goes before the dot.
        return digits is > 0 and <= 9 && digits < line.Length && line[digits] is '.' or ')' && SpaceOrEnd(line, digits + 1) ? digits : -1;
    }

    private static bool SpaceOrEnd(string line, int i) => i >= line.Length || line[i] is ' ' or '\t';

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '~' && !char.IsAsciiLetterOrDigit(c);

    /// <summary>An HTML entity or numeric character reference: "&amp;lt;", "&amp;#12;", "&amp;#x1F;".</summary>
    [GeneratedRegex("^&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();
}
