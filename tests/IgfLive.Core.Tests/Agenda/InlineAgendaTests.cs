using IgfLive.Core.Agenda;

namespace IgfLive.Core.Tests.Agenda;

/// <summary>Agendas as proposals publish them in one paragraph, the numbered items inline.</summary>
public sealed class InlineAgendaTests
{
    private const string Paragraph =
        "Agenda: 1. Opening(5m): The moderator introduces the topic and the speakers. 2. Keynote speaking(20m): Each speaker will be given between 5-6 minutes "
        + "to present their view. 3. Open discussion(20m): questions from the room and online.";

    [Fact]
    public void EachInlineItemIsASegmentWithItsOwnDurationAndTheHeadingIsNotOne()
    {
        var result = AgendaParser.Parse(Paragraph);

        Assert.Equal(["Opening", "Keynote speaking", "Open discussion"], result.Segments.Select(s => s.Title));
        Assert.Equal([5, 20, 20], result.Segments.Select(s => s.Minutes));
        Assert.All(result.Segments, s => Assert.Equal(1, s.Line));
        Assert.Equal("Agenda:", Assert.Single(result.Unread).Text);
    }

    [Fact]
    public void APerSpeakerRangeInsideATimedItemDoesNotChangeItsDuration()
    {
        var result = AgendaParser.Parse("1. Opening (5 min): welcome. 2. Keynotes (20 min): four speakers, 5-6 minutes each. 3. Closing (5 min).");

        var keynotes = result.Segments[1];
        Assert.Equal(20, keynotes.Minutes);
        Assert.Equal(30, result.TotalMinutes);
        Assert.Equal((5, 6, (int?)4), (keynotes.PerSpeaker!.MinMinutes, keynotes.PerSpeaker.MaxMinutes, keynotes.PerSpeaker.Speakers));
    }

    [Fact]
    public void AnInlineItemWithoutADurationIsUnreadNotInvented()
    {
        var result = AgendaParser.Parse("1. Opening (5 min) 2. Roundtable of the regions 3. Closing (10 min)");

        Assert.Equal([5, 10], result.Segments.Select(s => s.Minutes));
        Assert.Contains(result.Unread, u => u.Text.StartsWith("2. Roundtable", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("We expect 1. a lively debate and 2. concrete outcomes (90 min)")]
    [InlineData("Panel (45 min): 3. speakers from 2. regions")]
    public void NumbersInProseDoNotSplitALine(string line)
    {
        var result = AgendaParser.Parse(line);

        Assert.Single(result.Segments);
    }

    [Fact]
    public void ALineByLineAgendaReadsAsBefore()
    {
        var result = AgendaParser.Parse("1. Opening (5 min)\n2. Panel (60 min)\n3. Open discussion (20 min)\n4. Closing (5 min)");

        Assert.Equal([1, 2, 3, 4], result.Segments.Select(s => s.Line));
        Assert.Equal(90, result.TotalMinutes);
    }
}
