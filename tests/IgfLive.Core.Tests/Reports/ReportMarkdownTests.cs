using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Reports;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IgfLive.Core.Tests.Reports;

/// <summary>
/// The report read back by a real CommonMark and GitHub-Markdown parser: whatever people typed stays
/// text where it was put — no link, heading, list, table, code, quote or HTML of theirs — and reads
/// as they typed it.
/// </summary>
public sealed class ReportMarkdownTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly string[] Hostile =
    [
        "# heading",
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
        "| a | b |",
        "1. item",
        "&lt;",
        "`rm -rf /`",
        "- item",
        "> quoted",
        "***",
        "---",
        "~~struck~~ and ~sub~",
        "<https://evil.example>",
        "![image](https://evil.example/x.png)",
        "[ref]: https://evil.example",
        "[^1] a footnote",
        "- [ ] a task",
        "a | b\n:-- | --:",
        "Line one\n===",
        "First\n- second\n2) third\n    indented code",
        "*emphasis* __strong__ _under_",
        "a trailing backslash \\",
        "\\# escaped already",
        "Learning C #",
    ];

    private static readonly string[] ReportsOwnEmphasis = ["None recorded.", "No notes for this segment."];

    [Fact]
    public void NobodysTextBecomesMarkupAndAllOfItReadsAsTyped()
    {
        var (state, texts) = HostileSession();

        var report = SessionReport.Write(state, 3, state.Clock.StartedAt!.Value.AddMinutes(10));
        var document = Markdig.Markdown.Parse(report, Gfm);

        foreach (var kind in new[] { typeof(AutolinkInline), typeof(HtmlInline), typeof(HtmlEntityInline), typeof(CodeInline) })
        {
            Assert.DoesNotContain(document.Descendants(), kind.IsInstanceOfType);
        }
        // A web address someone typed may be shown as a link to itself (GitHub's Markdown does that
        // to bare addresses): never a link whose words say something else, never a script.
        Assert.All(document.Descendants<LinkInline>(), link =>
        {
            Assert.True(link.IsAutoLink, $"a link to {link.Url}");
            Assert.StartsWith("https://", link.Url, StringComparison.Ordinal);
            Assert.Equal(link.Url, Plain(link));
        });
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<CodeBlock>());
        Assert.Empty(document.Descendants<QuoteBlock>());
        Assert.Empty(document.Descendants<ThematicBreakBlock>());
        Assert.All(document.Descendants<EmphasisInline>(), e => Assert.Contains(Plain(e.Parent!), ReportsOwnEmphasis));

        // The report's own headings, lists and tables, and no others; the title reads as typed.
        var headings = document.Descendants<HeadingBlock>().ToList();
        Assert.Equal(1 + 6 + state.Definition.Segments.Count, headings.Count);
        Assert.Equal(texts.Title, Plain(headings[0].Inline));
        Assert.All(document.Descendants<ListItemBlock>(), item => Assert.Empty(item.Descendants<ListBlock>()));
        var tables = document.Descendants<Table>().ToList();
        Assert.Equal(2, tables.Count);

        // Every question is one row of six cells, its text in the second.
        var rows = tables[0].OfType<TableRow>().Skip(1).ToList();
        Assert.Equal(texts.Questions.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(6, r.Count));
        Assert.Equal(
            texts.Questions.Select(q => Lines(q, " / ")).Order(StringComparer.Ordinal),
            rows.Select(r => Plain(((ParagraphBlock)((TableCell)r[1])[0]).Inline)).Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => Plain(((ParagraphBlock)((TableCell)r[2])[0]).Inline) == "[x](javascript:alert(1)), <script>");
        Assert.Equal(
            state.Definition.Segments.Select((s, i) => $"{i + 1}. {Lines(s.Title, " / ")}"),
            tables[1].OfType<TableRow>().Skip(1).Select(r => Plain(((ParagraphBlock)((TableCell)r[0])[0]).Inline)));

        // Every note is one list item that reads as it was typed, line breaks and all.
        var items = document.Descendants<ListItemBlock>().Select(i => Plain(((ParagraphBlock)i[0]).Inline)).ToList();
        foreach (var note in texts.Notes)
        {
            Assert.Contains(Lines(note, "\n"), items);
        }
    }

    [Fact]
    public void APastedReportReadsCleanly()
    {
        var session = new SessionBuilder().Open();
        session.Do(new StartClock());
        session.Do(new AddNote(NoteKind.KeyTakeaway, "Data sharing must be privacy-preserving.", null, null, null));
        session.Do(new AddNote(NoteKind.CallToAction, "Publish a code of conduct\nby IGF 2018.", null, null, null));
        session.Do(new AddNote(NoteKind.Point, "Q&A showed (again) that trust matters!", null, null, null));
        session.Do(new AddNote(NoteKind.Quote, "Connectivity is a right.", null, "ana", null));

        var report = SessionReport.Write(session.State, 0, session.Now);

        Assert.Contains("\n- Data sharing must be privacy-preserving.\n", report, StringComparison.Ordinal);
        Assert.Contains("\n- Publish a code of conduct  \n  by IGF 2018.\n", report, StringComparison.Ordinal);
        Assert.Contains("\n- Q&A showed (again) that trust matters!\n", report, StringComparison.Ordinal);
        Assert.Contains("\n- “Connectivity is a right.” — Ana Kovač\n", report, StringComparison.Ordinal);
        Assert.Contains("### 5. Audience Q&A (5 min planned, 0:00 actual)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<br>", report, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", report, StringComparison.Ordinal);
        var multiLine = Markdig.Markdown.Parse(report, Gfm).Descendants<ListItemBlock>()
            .Single(i => Plain(((ParagraphBlock)i[0]).Inline).StartsWith("Publish", StringComparison.Ordinal));
        Assert.Equal("Publish a code of conduct\nby IGF 2018.", Plain(((ParagraphBlock)multiLine[0]).Inline));
    }

    /// <summary>A session whose title, a segment, a speaker, questions, askers and notes are all hostile text.</summary>
    private static (SessionState State, (string Title, List<string> Questions, List<string> Notes) Texts) HostileSession()
    {
        var seed = new SessionBuilder().Build();
        var definition = seed with
        {
            Title = "# Title | with <b>markup</b> [and](a link) #",
            Room = "Room *XXIV*\n| E |",
            Speakers = [seed.Speakers[0] with { Name = "<img src=x onerror=alert(1)> `Ana`" }, .. seed.Speakers.Skip(1)],
            Segments = [seed.Segments[0] with { Title = "1. Opening | [x](y)\n# more" }, .. seed.Segments.Skip(1)],
        };
        var session = new Session(definition);
        session.Do(new StartClock());
        var questions = new List<string>();
        var notes = new List<string>();
        for (var i = 0; i < Hostile.Length; i++)
        {
            var text = Hostile[i];
            var author = i == 0 ? new QuestionAuthor("[x](javascript:alert(1))", "<script>", null) : QuestionSteps.Amina;
            session.Do(new SubmitQuestion(text, author, $"p{i}", null));
            questions.Add(text);
            var kind = (NoteKind)(i % 4);
            session.Do(new AddNote(kind, text, null, i == 1 ? "ana" : null, null));
            var shown = kind == NoteKind.Quote ? $"“{text}”" : text;
            notes.Add(i == 1 ? $"{shown} — {definition.Speakers[0].Name}" : shown);
        }
        return (session.State, (definition.Title, questions, notes));
    }

    /// <summary>What a reader sees of typed lines: each trimmed, blank ones gone, joined as the report joins them.</summary>
    private static string Lines(string text, string separator) =>
        string.Join(separator, text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The text a reader sees, with anything but text and line breaks named, so that it cannot pass for text.</summary>
    private static string Plain(Inline? inline) => inline switch
    {
        null => string.Empty,
        LiteralInline literal => literal.Content.ToString(),
        LineBreakInline => "\n",
        LinkInline { IsAutoLink: true } link => string.Concat(link.Select(Plain)),
        ContainerInline container when container.GetType() == typeof(ContainerInline) || container is EmphasisInline => string.Concat(container.Select(Plain)),
        _ => $"<{inline.GetType().Name}>",
    };
}
