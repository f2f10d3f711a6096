using IgfLive.Core.Agenda;

namespace IgfLive.Core.Tests.Agenda;

/// <summary>How the parser reads one line: each shape of duration marker, totals, per-speaker slots.</summary>
public sealed class AgendaLineShapeTests
{
    [Theory]
    [InlineData("6.【5mins】With 5 minutes left, the moderator will share the top takeaways.", 5)]
    [InlineData("6.【10mins】With 5 minutes left, the moderator will share the top takeaways.", 10)]
    [InlineData("[15 min] After 20 minutes of debate the chair sums up the discussion.", 15)]
    public void AnExplicitLeadingMarkerWinsOverMinutesInTheProse(string line, int minutes)
    {
        var segment = Assert.Single(AgendaParser.Parse(line).Segments);

        Assert.Equal(minutes, segment.Minutes);
        Assert.Contains(" minutes", segment.Description ?? segment.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.【5mins】Opening", 5, "Opening")]
    [InlineData("1.【 5 MINS 】 Opening", 5, "Opening")]
    [InlineData("【5 min】Opening", 5, "Opening")]
    [InlineData("[5 mins] Opening", 5, "Opening")]
    [InlineData("[5mins]Opening", 5, "Opening")]
    [InlineData("1) [10min] Opening remarks", 10, "Opening remarks")]
    [InlineData("1)[10 Min]Opening remarks", 10, "Opening remarks")]
    [InlineData("1. Opening(5m): Welcome by the chair", 5, "Opening")]
    [InlineData("Opening (5 min): Welcome by the chair", 5, "Opening")]
    [InlineData("Opening ( 5 Min ) : Welcome by the chair", 5, "Opening")]
    [InlineData("2. Panel (20 minutes)", 20, "Panel")]
    [InlineData("2.Panel(20minutes)", 20, "Panel")]
    [InlineData("Opening – 5 min", 5, "Opening")]
    [InlineData("Opening - 5 minutes", 5, "Opening")]
    [InlineData("Opening — 5 mins", 5, "Opening")]
    [InlineData("Opening—5MINS", 5, "Opening")]
    [InlineData("Opening: 5'", 5, "Opening")]
    [InlineData("Closing remarks by the host (20 minutes)", 20, "Closing remarks by the host")]
    [InlineData("The panel will discuss (20 minutes) the future of the IGF", 20, "The panel will discuss the future of the IGF")]
    [InlineData("Keynote (1h)", 60, "Keynote")]
    [InlineData("Keynote – 1 hour", 60, "Keynote")]
    [InlineData("Keynote - 2 Hours", 120, "Keynote")]
    [InlineData("Keynote (1h30)", 90, "Keynote")]
    [InlineData("Keynote [1 h 30 min]", 90, "Keynote")]
    [InlineData("Keynote – 1 hour and 15 minutes", 75, "Keynote")]
    [InlineData("Keynote (1.5 hours)", 90, "Keynote")]
    [InlineData("Keynote (90 min)", 90, "Keynote")]
    [InlineData("15:00-15:05 Opening", 5, "Opening")]
    [InlineData("14:30 – 15:15 Panel", 45, "Panel")]
    [InlineData("2:00-3:30pm Panel", 90, "Panel")]
    [InlineData("10.00 – 10.20 Welcome", 20, "Welcome")]
    [InlineData("14h30-15h00 Opening", 30, "Opening")]
    [InlineData("5 min – Opening", 5, "Opening")]
    [InlineData("5 min break", 5, "Break")]
    [InlineData("Overall conclusions (10 min)", 10, "Overall conclusions")]
    [InlineData("Open discussion for 30 minutes", 30, "Open discussion")]
    [InlineData("\t1.\t[5 min]\tOpening", 5, "Opening")]
    public void EachSupportedShapeIsRead(string line, int minutes, string title)
    {
        var result = AgendaParser.Parse(line);

        var segment = Assert.Single(result.Segments);
        Assert.Empty(result.Unread);
        Assert.Equal(minutes, segment.Minutes);
        Assert.Equal(title, segment.Title);
        Assert.Equal(1, segment.Line);
    }

    [Fact]
    public void TheFirstOfSeveralMarkersIsTheSegmentsAndTheOthersStayInTheDescription()
    {
        var segment = Assert.Single(AgendaParser.Parse("Panel discussion (45 minutes): introductions (5 min), then debate (40 min)").Segments);

        Assert.Equal(45, segment.Minutes);
        Assert.Equal("Panel discussion", segment.Title);
        Assert.Equal("introductions (5 min), then debate (40 min)", segment.Description);
    }

    [Theory]
    [InlineData("Total: 90 minutes")]
    [InlineData("Total duration – 90 min")]
    [InlineData("Session length (90 min)")]
    public void ALineGivingTheSessionTotalIsNotASegment(string line)
    {
        var result = AgendaParser.Parse("1. Opening (5 min)\n2. Panel (85 min)\n" + line);

        Assert.Equal(90, result.TotalMinutes);
        Assert.Equal(3, Assert.Single(result.Unread).Line);
    }

    [Fact]
    public void AShortLabelBeforeTheMarkerIsTheTitleAndTheRestTheDescription()
    {
        var segment = Assert.Single(AgendaParser.Parse("Opening(5m): Welcome by the chair").Segments);

        Assert.Equal("Opening", segment.Title);
        Assert.Equal("Welcome by the chair", segment.Description);
        Assert.Equal(SegmentKind.Opening, segment.Kind);
    }

    [Fact]
    public void ATotalOnAPerSpeakerLineIsTheSegmentDuration()
    {
        var result = AgendaParser.Parse("2.【40mins】Presentations from 6 speakers, 5-6 minutes each");

        var segment = Assert.Single(result.Segments);
        Assert.Empty(result.Unread);
        Assert.Equal(40, segment.Minutes);
        Assert.Equal(new PerSpeakerRange(5, 6, 6), segment.PerSpeaker);
        Assert.Equal(SegmentKind.Presentations, segment.Kind);
    }

    [Theory]
    [InlineData("Presentations from 6 speakers, 5-6 minutes each", 36, 5, 6, 6)]
    [InlineData("Lightning talks by eight speakers, 5 minutes per speaker", 40, 5, 5, 8)]
    [InlineData("Six panelists (4 to 5 min each)", 30, 4, 5, 6)]
    public void ASpeakerCountTimesTheLongestSlotGivesTheDuration(string line, int minutes, int min, int max, int speakers)
    {
        var result = AgendaParser.Parse(line);

        var segment = Assert.Single(result.Segments);
        Assert.Empty(result.Unread);
        Assert.Equal(minutes, segment.Minutes);
        Assert.Equal(new PerSpeakerRange(min, max, speakers), segment.PerSpeaker);
    }

    [Theory]
    [InlineData("Speakers (5-6 minutes each)", 5, 6)]
    [InlineData("Short statements, 3 mins each", 3, 3)]
    public void APerSpeakerSlotWithoutTotalOrCountHasNoMinutesAndIsReported(string line, int min, int max)
    {
        var result = AgendaParser.Parse(line);

        var segment = Assert.Single(result.Segments);
        Assert.Null(segment.Minutes);
        Assert.Equal(new PerSpeakerRange(min, max, null), segment.PerSpeaker);
        Assert.Equal(SegmentKind.Presentations, segment.Kind);
        var unread = Assert.Single(result.Unread);
        Assert.Equal(1, unread.Line);
        Assert.Contains("no total duration", unread.Reason, StringComparison.Ordinal);
        Assert.Equal(0, result.TotalMinutes);
    }

    [Fact]
    public void TooManySpeakersForTheLongestSegmentIsUnread()
    {
        var result = AgendaParser.Parse("Statements from 120 speakers, 6 minutes each");

        Assert.Empty(result.Segments);
        Assert.Contains("600", Assert.Single(result.Unread).Reason, StringComparison.Ordinal);
    }
}
