using IgfLive.Core.Programme;
using IgfLive.Server.Programme.Readers;

namespace IgfLive.Server.Tests.Programme;

public sealed class FrabProgrammeReaderTests
{
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");

    private static ProgrammeFile Read(string events) =>
        new FrabProgrammeReader().Read($"<?xml version=\"1.0\"?><schedule><conference><title>IGF</title></conference><day date=\"2026-12-15\" index=\"1\"><room name=\"Room XXIV\">{events}</room></day></schedule>", Riyadh);

    [Fact]
    public void WithoutAFullDateTheDaysDateAndTheStartAreReadInTheVenuesZoneAndTheRoomComesFromTheRoom()
    {
        var entry = Assert.Single(Read("<event id=\"7\"><start>10:00</start><duration>01:30</duration><title>Panel</title><persons><person id=\"1\">Ana Silva</person></persons></event>").Entries);

        Assert.Equal(("7", new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(3)), TimeSpan.FromMinutes(90), "Room XXIV"), (entry.ExternalId, entry.StartsAt, entry.Duration, entry.Room));
        Assert.Equal("Ana Silva", Assert.Single(entry.People).Name);
    }

    [Fact]
    public void BadEventsAreErrorsByTheirNumber()
    {
        var file = Read(
            "<event guid=\"a\"><date>2026-12-15T10:00:00+03:00</date><duration>00:45</duration><title>Fine</title></event>"
            + "<event guid=\"b\"><date>tomorrow</date><duration>00:45</duration><title>Bad date</title></event>"
            + "<event guid=\"c\"><date>2026-12-15T12:00:00+03:00</date><duration>forty</duration><title>Bad duration</title></event>"
            + "<event guid=\"d\"><date>2026-12-15T13:00:00+03:00</date><duration>00:45</duration></event>");

        Assert.Equal(["a"], file.Entries.Select(e => e.ExternalId));
        Assert.Equal([2, 3, 4], file.Errors.Select(e => e.Line));
        Assert.Contains("title is missing", file.Errors[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<schedule><conference>")]
    [InlineData("{\"not\": \"xml\"}")]
    [InlineData("<calendar><event/></calendar>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE schedule [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><schedule><day date=\"2026-12-15\"><room name=\"R\"><event guid=\"a\"><title>&x;</title></event></room></day></schedule>")]
    public void AFileThatIsNotAFrabScheduleIsUnreadableAndADtdIsRefused(string text)
    {
        var file = new FrabProgrammeReader().Read(text, Riyadh);

        Assert.NotNull(file.Malformed);
        Assert.Empty(file.Entries);
        Assert.DoesNotContain("root:", file.Malformed.Message, StringComparison.Ordinal);
    }
}
