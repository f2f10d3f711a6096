using IgfLive.Core.Agenda;
using IgfLive.Core.Programme;
using IgfLive.Server.Programme.Readers;

namespace IgfLive.Server.Tests.Programme;

/// <summary>One programme, written by three tools: each reader makes the same sessions of it.</summary>
public sealed class ProgrammeFormatsTests
{
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById(IgfWeekProgramme.TimeZone);

    public static TheoryData<string, string> Files() => new()
    {
        { "text/csv", IgfWeekProgramme.Csv() },
        { "text/calendar", IgfWeekProgramme.ICalendar() },
        { "application/xml", IgfWeekProgramme.Frab() },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void EachFormatGivesEverySessionWithItsTimeRoomFormatAndAgenda(string contentType, string text)
    {
        var file = ProgrammeReaders.For(contentType)!.Read(text, Riyadh);

        Assert.Null(file.Malformed);
        Assert.Empty(file.Errors);
        var expected = IgfWeekProgramme.Sessions.Select(s => (s.Id, s.Title, s.StartsAt, TimeSpan.FromMinutes(s.Minutes), s.Room, s.Format, s.Agenda));
        Assert.Equal(expected, file.Entries.OrderBy(e => e.ExternalId, StringComparer.Ordinal).Select(e => (e.ExternalId, e.Title, e.StartsAt, e.Duration, e.Room, e.Format!, e.AgendaText)));
    }

    [Theory]
    [InlineData("text/csv")]
    [InlineData("application/xml")]
    public void TheFormatsThatNameSpeakersGiveThem(string contentType)
    {
        var text = contentType == "text/csv" ? IgfWeekProgramme.Csv() : IgfWeekProgramme.Frab();

        var file = ProgrammeReaders.For(contentType)!.Read(text, Riyadh);

        Assert.Equal(
            IgfWeekProgramme.Sessions.Select(s => s.Speakers.Select(p => p.Split(" (")[0])),
            file.Entries.OrderBy(e => e.ExternalId, StringComparer.Ordinal).Select(e => e.People.Where(p => p.Role == ProgrammeRole.Speaker).Select(p => p.Name)));
    }

    [Fact]
    public void TheCsvCarriesEveryRoleAndTheSpeakersDetailsAndListsItsUnknownColumn()
    {
        var file = new CsvProgrammeReader().Read(IgfWeekProgramme.Csv(), Riyadh);

        var first = file.Entries[0];
        Assert.Equal(
            [("Speaker 0", "Org 0", "Civil Society", "Africa", ProgrammeRole.Speaker), ("Speaker 100", "Ministry of Digital Affairs", "Government", "WEOG", ProgrammeRole.Speaker),
             ("Moderator 0", null, null, null, ProgrammeRole.OnsiteModerator), ("Online Moderator 0", null, null, null, ProgrammeRole.OnlineModerator),
             ("Rapporteur 0", null, null, null, ProgrammeRole.Rapporteur)],
            first.People.Select(p => (p.Name, p.Organisation, p.StakeholderGroup, p.Region, p.Role)));
        Assert.Equal(["Notes"], file.IgnoredColumns);
    }

    [Fact]
    public void TheSeedAgendaOfAnImportedSessionIsReadAsAPastedOneIs()
    {
        var file = new CsvProgrammeReader().Read(IgfWeekProgramme.Csv(), Riyadh);

        var seed = AgendaParser.Parse(file.Entries[0].AgendaText!);
        Assert.Equal([5, 40, 20, 15, 5, 5], seed.Segments.Select(s => s.Minutes));
        var inline = AgendaParser.Parse(file.Entries[1].AgendaText!);
        Assert.Equal(["Opening", "Keynote speaking", "Open discussion"], inline.Segments.Select(s => s.Title));
    }

    [Fact]
    public void TheRealisticProgrammeHasNoConflictsUntilTwoSessionsShareARoomAndAModerator()
    {
        var entries = new CsvProgrammeReader().Read(IgfWeekProgramme.Csv(), Riyadh).Entries;
        Assert.Empty(ProgrammeConflicts.Find(entries, Riyadh));

        var moved = IgfWeekProgramme.Sessions.Select((s, i) => i == 1 ? s with { Room = IgfWeekProgramme.Sessions[0].Room, OnsiteModerator = "Dr. moderator 0" } : s);
        var conflicts = ProgrammeConflicts.Find(new CsvProgrammeReader().Read(IgfWeekProgramme.Csv(moved), Riyadh).Entries, Riyadh);

        Assert.Equal([ConflictKind.RoomOverlap, ConflictKind.PersonOverlap], conflicts.Select(c => c.Kind));
        Assert.All(conflicts, c => Assert.Equal(["IGF26-001", "IGF26-002"], c.Sessions));
    }
}
