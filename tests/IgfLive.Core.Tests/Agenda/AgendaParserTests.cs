using IgfLive.Core.Agenda;

namespace IgfLive.Core.Tests.Agenda;

public sealed class AgendaParserTests
{
    // The "Discussion facilitation:" paragraph of the IGF 2017 WS133 proposal, verbatim (line 6 ends in a no-break space).
    private const string SeedAgenda =
        "Discussion facilitation:\n" +
        "1.【5mins】The moderator will open the session by welcoming participants, framing the topic, briefly introducing panelists and mentioning their commitment in the discussion.\n" +
        "2.【40mins】Formal Presentations from some panelists.\n" +
        "3.【20mins】After presentation, the moderator will engage the panelists in a lively conversation to get their perspectives on the questions as outlined below.\n" +
        "①Optimizing the relationship between supply and demand with intelligent sharing tools.\n" +
        "②Interest distribution among key resource holders.\n" +
        "③Roles of government, industry and other players involved in the market.\n" +
        "④Interesting predictions about the future of sharing economy.\n" +
        "4.【15mins】The moderator will elicit what panelists found most insightful from the discussion, and build on them by asking questions to create a dynamic flow of interaction among the panelists.\n" +
        "5.【5mins】the moderator will invite the audience to pose brief questions to the panelists, asking audience members to identify themselves. (The moderator may consider engaging the audience earlier)\n" +
        "6.【5mins】With 5 minutes left, the moderator will share the top takeaways from the discussion and bring the session to a close.\u00A0";

    [Fact]
    public void TheSeedProposalYieldsSixSegmentsOfTheRightLengths()
    {
        var result = AgendaParser.Parse(SeedAgenda);

        Assert.Equal([5, 40, 20, 15, 5, 5], result.Segments.Select(s => s.Minutes));
        Assert.Equal(90, result.TotalMinutes);
        Assert.Equal([2, 3, 4, 9, 10, 11], result.Segments.Select(s => s.Line));
    }

    [Fact]
    public void TheSeedSegmentsGetTheKindsTheirWordingDescribes()
    {
        var result = AgendaParser.Parse(SeedAgenda);

        Assert.Equal(
            [SegmentKind.Opening, SegmentKind.Presentations, SegmentKind.Discussion,
             SegmentKind.Discussion, SegmentKind.QuestionsAndAnswers, SegmentKind.Takeaways],
            result.Segments.Select(s => s.Kind));
    }

    [Fact]
    public void TheSeedSubPointsBelongToTheThirdSegmentsDescription()
    {
        var result = AgendaParser.Parse(SeedAgenda);

        var third = result.Segments[2].Description;
        Assert.NotNull(third);
        Assert.StartsWith("After presentation, the moderator will engage", third, StringComparison.Ordinal);
        Assert.Contains("①Optimizing the relationship between supply and demand", third, StringComparison.Ordinal);
        Assert.Contains("②Interest distribution", third, StringComparison.Ordinal);
        Assert.Contains("③Roles of government", third, StringComparison.Ordinal);
        Assert.Contains("④Interesting predictions", third, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Segments.Where((_, i) => i != 2), s => s.Description?.Contains('①', StringComparison.Ordinal) == true);
    }

    [Fact]
    public void TheSeedHeadingIsTheOnlyUnreadLine()
    {
        var result = AgendaParser.Parse(SeedAgenda);

        var unread = Assert.Single(result.Unread);
        Assert.Equal(1, unread.Line);
        Assert.Equal("Discussion facilitation:", unread.Text);
        Assert.False(string.IsNullOrWhiteSpace(unread.Reason));
    }

    [Fact]
    public void TheSeedsLongSentencesAreTitledByKindAndKeptWholeAsDescription()
    {
        var result = AgendaParser.Parse(SeedAgenda);

        Assert.Equal(
            ["Opening", "Formal Presentations from some panelists", "Discussion", "Discussion", "Audience Q&A", "Takeaways"],
            result.Segments.Select(s => s.Title));
        Assert.Equal(
            "The moderator will open the session by welcoming participants, framing the topic, briefly introducing panelists and mentioning their commitment in the discussion.",
            result.Segments[0].Description);
    }

    [Theory]
    [InlineData("Opening (0 min)")]
    [InlineData("Opening (601 minutes)")]
    [InlineData("Opening – 11 hours")]
    [InlineData("【1000mins】Marathon")]
    [InlineData("Opening (0.33 h)")]
    [InlineData("Opening (5-10 min)")]
    [InlineData("Keynote (1.5-2 hours)")]
    public void DurationsThatCannotBeUsedSendTheLineToUnreadWithAReason(string line)
    {
        var result = AgendaParser.Parse("1. Welcome (5 min)\n" + line);

        Assert.Single(result.Segments);
        var unread = Assert.Single(result.Unread);
        Assert.Equal(2, unread.Line);
        Assert.Equal(line, unread.Text);
        Assert.Contains("\"", unread.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LinesWithoutADurationAfterAHeadingAreUnread()
    {
        var result = AgendaParser.Parse("Agenda:\nWelcome words from the host\n\n1. Opening (5 min)");

        Assert.Equal([1, 2], result.Unread.Select(u => u.Line));
        Assert.Equal("Welcome words from the host", result.Unread[1].Text);
        Assert.Equal(4, Assert.Single(result.Segments).Line);
    }

    [Fact]
    public void IndentedBulletedAndWrappedLinesContinueTheSegmentAbove()
    {
        var result = AgendaParser.Parse(
            "1. Opening (5 min)\n  The chair welcomes everyone\n\tand frames the topic\n- housekeeping\n\n" +
            "a) remote participation\n2. Panel (20 min) on data flows\ncontinued in lower case");

        Assert.Empty(result.Unread);
        Assert.Equal(
            "The chair welcomes everyone\nand frames the topic\n- housekeeping\na) remote participation",
            result.Segments[0].Description);
        Assert.Equal("Panel on data flows", result.Segments[1].Title);
        Assert.Equal("continued in lower case", result.Segments[1].Description);
    }

    [Fact]
    public void PlainTextBetweenSegmentsIsUnreadAndSoIsWhatHangsOffIt()
    {
        var result = AgendaParser.Parse(
            "1. Opening (5 min)\nCoffee will be served\n  ① in the lobby\n7. Closing remarks\n2. Panel (20 min)");

        Assert.Equal([2, 3, 4], result.Unread.Select(u => u.Line));
        Assert.All(result.Segments, s => Assert.Null(s.Description));
        Assert.Equal([5, 20], result.Segments.Select(s => s.Minutes));
    }

    [Theory]
    [InlineData("With 5 minutes left, we close.")]
    [InlineData("Keynote: 1 hour 30")]
    [InlineData("9h30 Opening")]
    [InlineData("Panel: 1:30h")]
    public void NumbersInProseAreNeverTakenForADuration(string line)
    {
        var result = AgendaParser.Parse(line);

        Assert.Empty(result.Segments);
        Assert.Equal(line, Assert.Single(result.Unread).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t\r\n  ")]
    public void EmptyInputGivesNoSegmentsAndNothingUnread(string text)
    {
        var result = AgendaParser.Parse(text);

        Assert.Empty(result.Segments);
        Assert.Empty(result.Unread);
        Assert.Equal(0, result.TotalMinutes);
    }

    [Fact]
    public void NullInputIsRejected() => Assert.Throws<ArgumentNullException>(() => AgendaParser.Parse(null!));

    [Fact]
    public void TextOverTwentyThousandCharactersIsNotParsed()
    {
        var text = "1. Opening (5 min)\n" + new string('x', 20_001 - 19);
        Assert.Equal(20_001, text.Length);

        var result = AgendaParser.Parse(text);

        Assert.Empty(result.Segments);
        var unread = Assert.Single(result.Unread);
        Assert.Equal(0, unread.Line);
        Assert.Contains("20000", unread.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThanTwoHundredLinesAreNotParsedButTwoHundredAre()
    {
        var lines = Enumerable.Range(1, 200).Select(i => $"{i}. Talk [{i % 9 + 1} min]").ToList();

        Assert.Equal(200, AgendaParser.Parse(string.Join('\n', lines) + "\n").Segments.Count);

        lines.Add("201. One too many [5 min]");
        var result = AgendaParser.Parse(string.Join('\n', lines));
        Assert.Empty(result.Segments);
        Assert.Contains("200", Assert.Single(result.Unread).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void WindowsAndOldMacLineEndingsReadLikeNewlines(string newline)
    {
        var expected = AgendaParser.Parse(SeedAgenda);
        var result = AgendaParser.Parse(SeedAgenda.Replace("\n", newline, StringComparison.Ordinal));

        Assert.Equal(expected.Segments, result.Segments);
        Assert.Equal(expected.Unread, result.Unread);
    }

    [Theory]
    [InlineData("１．【５ｍｉｎｓ】Opening", 5, "Opening")]
    [InlineData("Opening（１０分钟）：Welcome", 10, "Opening")]
    [InlineData("２）［２０ｍｉｎ］Panel", 20, "Panel")]
    [InlineData("１５：００－１５：３０　Panel", 30, "Panel")]
    public void FullWidthDigitsAndPunctuationAreRead(string line, int minutes, string title)
    {
        var segment = Assert.Single(AgendaParser.Parse(line).Segments);

        Assert.Equal(minutes, segment.Minutes);
        Assert.Equal(title, segment.Title);
    }

    [Fact]
    public void ALongTitleIsCutAtAWordAndTheWholeTextKept()
    {
        var text = "An exchange on the many ways community networks could be financed by local " +
                   "governments and regional banks";
        var segment = Assert.Single(AgendaParser.Parse($"[10 min] {text}").Segments);

        Assert.True(segment.Title.Length <= 80, segment.Title);
        Assert.EndsWith("…", segment.Title, StringComparison.Ordinal);
        Assert.Equal(text, segment.Description);
    }

    [Fact]
    public void AMarkerWithoutTextStillGetsATitle()
    {
        var result = AgendaParser.Parse("【5mins】\n(20 minutes)");

        Assert.Equal(["Segment 1", "Segment 2"], result.Segments.Select(s => s.Title));
    }
}
