using IgfLive.Core.Reports;

namespace IgfLive.Core.Tests.Reports;

/// <summary>What each piece of people's text becomes in the report's Markdown: as typed, unless Markdown would read it as markup there.</summary>
public sealed class MarkdownTests
{
    [Theory]
    // Left as typed: nothing here is markup.
    [InlineData("privacy-preserving.", "privacy-preserving.")]
    [InlineData("Q&A with the panel", "Q&A with the panel")]
    [InlineData("Sharing (economy)! \"Quoted\" and 'single' + more", "Sharing (economy)! \"Quoted\" and 'single' + more")]
    [InlineData("IGF_2025 and snake_case_names", "IGF_2025 and snake_case_names")]
    [InlineData("C:\\Users\\me", "C:\\Users\\me")]
    [InlineData("#hashtag", "#hashtag")]
    [InlineData("1.5 hours", "1.5 hours")]
    [InlineData("-5 degrees", "-5 degrees")]
    [InlineData("a > b, c = d", "a > b, c = d")]
    [InlineData("AT&T", "AT&T")]
    // Escaped: markup wherever it stands.
    [InlineData("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))")]
    [InlineData("<script>alert(1)</script>", "\\<script>alert(1)\\</script>")]
    [InlineData("| a | b |", "\\| a \\| b \\|")]
    [InlineData("`rm -rf /`", "\\`rm -rf /\\`")]
    [InlineData("*bold* and _em_", "\\*bold\\* and \\_em\\_")]
    [InlineData("~~struck~~", "\\~\\~struck\\~\\~")]
    [InlineData("&lt; &#12; &#x1F;", "\\&lt; \\&#12; \\&#x1F;")]
    [InlineData("\\*not bold\\*", "\\\\\\*not bold\\\\\\*")]
    [InlineData("ends with \\", "ends with \\\\")]
    // Escaped: markup at the start of a line only.
    [InlineData("# heading", "\\# heading")]
    [InlineData("###### six", "\\###### six")]
    [InlineData("####### seven is not a heading", "####### seven is not a heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("+ item", "\\+ item")]
    [InlineData("> quote", "\\> quote")]
    [InlineData(">quote", "\\>quote")]
    [InlineData("1. item", "1\\. item")]
    [InlineData("2017) a year", "2017\\) a year")]
    [InlineData("---", "\\---")]
    [InlineData("- - -", "\\- - -")]
    [InlineData("===", "\\===")]
    public void TextIsEscapedOnlyWhereMarkdownWouldReadIt(string text, string markdown) =>
        Assert.Equal(markdown, Markdown.Text(text));

    [Fact]
    public void ALineBreakIsAHardBreakUnderTheListItem() =>
        Assert.Equal("Publish a code of conduct  \n  by IGF 2018.", Markdown.Text("Publish a code of conduct\nby IGF 2018."));

    [Fact]
    public void EachLineIsEscapedAsTheStartOfALineAndBlankLinesGo() =>
        Assert.Equal("Agenda:  \n  1\\. opening  \n  \\# closing  \n  \\===", Markdown.Text("Agenda:\r\n 1. opening\n\n\n# closing\n==="));

    [Fact]
    public void TextAfterSomethingElseOnItsFirstLineIsNotAtALineStart() =>
        Assert.Equal("# not a heading  \n  \\# a heading", Markdown.Text("# not a heading\n# a heading", atLineStart: false));

    [Theory]
    [InlineData("# heading", "# heading")]
    [InlineData("- item", "- item")]
    [InlineData("| a | b |", "\\| a \\| b \\|")]
    [InlineData("First line\nSecond line", "First line / Second line")]
    [InlineData("  padded \n\n lines  ", "padded / lines")]
    [InlineData(null, "")]
    public void InlineTextStaysOnOneLine(string? text, string markdown) =>
        Assert.Equal(markdown, Markdown.Inline(text));

    [Theory]
    [InlineData("Learning C #", "Learning C \\#")]
    [InlineData("Learning C##", "Learning C##")]
    [InlineData("#", "\\#")]
    [InlineData("Governance Innovation (WS133)", "Governance Innovation (WS133)")]
    public void AHeadingKeepsAClosingHashAsText(string text, string markdown) =>
        Assert.Equal(markdown, Markdown.Heading(text));
}
