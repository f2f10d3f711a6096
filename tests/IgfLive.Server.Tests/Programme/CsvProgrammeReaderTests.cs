using IgfLive.Core.Programme;
using IgfLive.Server.Programme.Readers;

namespace IgfLive.Server.Tests.Programme;

public sealed class CsvProgrammeReaderTests
{
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
    private static readonly CsvProgrammeReader Reader = new();

    private static ProgrammeFile Read(string text, TimeZoneInfo? zone = null) => Reader.Read(text, zone ?? Riyadh);

    [Fact]
    public void ColumnsAreFoundWhateverTheirCaseSpacingOrUsualOtherNameAndTheSeparatorIsDetected()
    {
        var file = Read("\uFEFFID;Session Title;DAY;start_time;Duration (minutes);Location;Type;Colour\r\nA-1;Opening;2026-12-15;9:00;45;Plenary Hall;Main Session;blue\r\n");

        var entry = Assert.Single(file.Entries);
        Assert.Equal(("A-1", "Opening", new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(3)), TimeSpan.FromMinutes(45), "Plenary Hall", "Main Session"),
            (entry.ExternalId, entry.Title, entry.StartsAt, entry.Duration, entry.Room, entry.Format));
        Assert.Equal(["Colour"], file.IgnoredColumns);
    }

    [Fact]
    public void AHeaderWithoutTheRequiredColumnsMakesTheFileUnreadableAndNamesThem()
    {
        var file = Read("title,room,when\r\nOpening,Plenary,tomorrow\r\n");

        Assert.Equal(1, file.Malformed!.Line);
        Assert.Contains("date, start, end or duration", file.Malformed.Message, StringComparison.Ordinal);
        Assert.Empty(file.Entries);
    }

    [Fact]
    public void EachBadRowIsOneErrorAtItsSpreadsheetRowWithEveryReasonAndTheGoodRowsAreRead()
    {
        var file = Read(
            "id,title,date,start,end,duration,room\r\n"
            + "A,\"Good, with a\nline break in the title\",2026-12-15,10:00,11:00,,Main Hall\r\n"
            + "B,,2026-02-30,10:00,11:00,,Main Hall\r\n"
            + "C,Bad time,2026-12-15,25:00,,90,\r\n"
            + "D,Disagree,2026-12-15,10:00,11:00,90,Main Hall\r\n"
            + "E,Backwards,2026-12-15,11:00,10:00,,Main Hall\r\n"
            + "F,No length,2026-12-15,11:00,,,Main Hall\r\n"
            + "G,Bad minutes,2026-12-15,11:00,,ninety,Main Hall\r\n");

        Assert.Equal(["A"], file.Entries.Select(e => e.ExternalId));
        Assert.Equal([3, 4, 5, 6, 7, 8], file.Errors.Select(e => e.Line));
        var messages = file.Errors.Select(e => e.Message).ToList();
        Assert.Contains("title is missing", messages[0], StringComparison.Ordinal);
        Assert.Contains("\"2026-02-30\" is not a date", messages[0], StringComparison.Ordinal);
        Assert.Contains("\"25:00\" is not a time", messages[1], StringComparison.Ordinal);
        Assert.Contains("room is missing", messages[1], StringComparison.Ordinal);
        Assert.Contains("60 minutes but the duration says 90", messages[2], StringComparison.Ordinal);
        Assert.Contains("ends before it starts", messages[3], StringComparison.Ordinal);
        Assert.Contains("neither an end nor a duration", messages[4], StringComparison.Ordinal);
        Assert.Contains("\"ninety\"", messages[5], StringComparison.Ordinal);
    }

    [Fact]
    public void AnExternalIdUsedTwiceIsAnErrorAtTheSecondRow()
    {
        var file = Read("id,title,date,start,duration,room\r\nA,One,2026-12-15,10:00,60,Hall\r\nA,Two,2026-12-15,12:00,60,Hall\r\n");

        Assert.Equal(["One"], file.Entries.Select(e => e.Title));
        Assert.Equal(3, Assert.Single(file.Errors).Line);
        Assert.Contains("used at line 2", file.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnIdTheTitleIsTheIdAndTwoSessionsOfOneTitleAreRefused()
    {
        var file = Read("title,date,start,duration,room\r\nOpening,2026-12-15,10:00,60,Hall\r\nClosing,2026-12-17,17:00,30,Hall\r\nOpening,2026-12-16,10:00,60,Hall\r\n");

        Assert.Equal(["Opening", "Closing"], file.Entries.Select(e => e.ExternalId));
        Assert.Contains("same title", Assert.Single(file.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithAQuoteNeverClosedIsAnErrorNotTheRestOfTheFileInOneCell()
    {
        var file = Read("id,title,date,start,duration,room\r\nA,One,2026-12-15,10:00,60,Hall\r\nB,\"Two,2026-12-15,12:00,60,Hall\r\nC,Three,2026-12-15,14:00,60,Hall\r\n");

        Assert.Equal(["A"], file.Entries.Select(e => e.ExternalId));
        Assert.Contains("never closed", Assert.Single(file.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndAtMidnightEndsTheDay()
    {
        var entry = Assert.Single(Read("id,title,date,start,end,room\r\nA,Gala,2026-12-15,22:00,00:00,Hall\r\n").Entries);

        Assert.Equal(TimeSpan.FromHours(2), entry.Duration);
    }

    [Fact]
    public void ALocalTimeTheClocksSkipIsAnError()
    {
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

        var file = Read("id,title,date,start,duration,room\r\nA,Night,2026-03-29,02:30,60,Hall\r\n", zurich);

        Assert.Contains("does not exist in Europe/Zurich", Assert.Single(file.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpeakersKeepAnOrganisationWithACommaAndPartsLeftOut()
    {
        var entry = Assert.Single(Read(
            "id,title,date,start,duration,room,speakers\r\n"
            + "A,Panel,2026-12-15,10:00,60,Hall,\"Ana Silva (Instituto de Tecnologia e Sociedade, Rio, Civil Society, GRULAC); Jon Berg (NorTel); Mei Chen\"\r\n").Entries);

        Assert.Equal(
            [("Ana Silva", "Instituto de Tecnologia e Sociedade, Rio", "Civil Society", "GRULAC"), ("Jon Berg", "NorTel", null, null), ("Mei Chen", null, null, null)],
            entry.People.Select(p => (p.Name, p.Organisation, p.StakeholderGroup, p.Region)));
    }

    [Fact]
    public void TooLongTextIsAnErrorWithTheLimit()
    {
        var file = Read($"id,title,date,start,duration,room\r\nA,{new string('t', 201)},2026-12-15,10:00,60,Hall\r\n");

        Assert.Contains("the limit is 200", Assert.Single(file.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsOfEmptyCellsAreSkipped()
    {
        var file = Read("id,title,date,start,duration,room\r\nA,One,2026-12-15,10:00,60,Hall\r\n,,,,,\r\n,,,,,\r\n");

        Assert.Single(file.Entries);
        Assert.Empty(file.Errors);
    }
}
