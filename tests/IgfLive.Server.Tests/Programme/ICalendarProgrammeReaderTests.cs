using IgfLive.Core.Programme;
using IgfLive.Server.Programme.Readers;

namespace IgfLive.Server.Tests.Programme;

public sealed class ICalendarProgrammeReaderTests
{
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");

    private static ProgrammeFile Read(params string[] events) =>
        new ICalendarProgrammeReader().Read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + string.Concat(events) + "END:VCALENDAR\r\n", Riyadh);

    private static string Event(string uid, params string[] lines) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T120000Z\r\nSUMMARY:Session {uid}\r\nLOCATION:Room XXIV\r\n{string.Concat(lines.Select(l => l + "\r\n"))}END:VEVENT\r\n";

    [Fact]
    public void AStartWithATimeZoneInUtcOrFloatingIsReadAsItsInstant()
    {
        var file = Read(
            Event("a", "DTSTART;TZID=Europe/Zurich:20261215T070000", "DURATION:PT1H30M"),
            Event("b", "DTSTART:20261215T060000Z", "DTEND:20261215T073000Z"),
            Event("c", "DTSTART:20261215T090000", "DTEND:20261215T103000", "CATEGORIES:Workshop,Policy"));

        Assert.Empty(file.Errors);
        Assert.All(file.Entries, e => Assert.Equal(new DateTimeOffset(2026, 12, 15, 6, 0, 0, TimeSpan.Zero), e.StartsAt));
        Assert.All(file.Entries, e => Assert.Equal(TimeSpan.FromMinutes(90), e.Duration));
        Assert.Equal("Workshop", file.Entries[2].Format);
    }

    [Fact]
    public void EventsThatAreNotSessionsAreErrorsByNumber()
    {
        var file = Read(
            Event("ok", "DTSTART:20261215T090000", "DURATION:PT1H"),
            Event("no-end", "DTSTART:20261215T090000"),
            Event("all-day", "DTSTART;VALUE=DATE:20261215", "DTEND;VALUE=DATE:20261216"),
            Event("repeats", "DTSTART:20261215T090000", "DURATION:PT1H", "RRULE:FREQ=DAILY;COUNT=3"),
            Event("unknown-zone", "DTSTART;TZID=Mars/Olympus:20261215T090000", "DURATION:PT1H"));

        Assert.Equal(["ok"], file.Entries.Select(e => e.ExternalId));
        Assert.Equal([2, 3, 4, 5], file.Errors.Select(e => e.Line));
        Assert.Contains("neither DTEND nor DURATION", file.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("whole day", file.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("repeats", file.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", file.Errors[3].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not a calendar")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:never closed\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n")]
    public void AFileThatIsNotACalendarOfEventsIsUnreadable(string text)
    {
        var file = new ICalendarProgrammeReader().Read(text, Riyadh);

        Assert.NotNull(file.Malformed);
        Assert.Empty(file.Entries);
    }
}
