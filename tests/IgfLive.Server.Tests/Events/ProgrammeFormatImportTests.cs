using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Server.Tests.Programme;

namespace IgfLive.Server.Tests.Events;

/// <summary>A week's programme of 60 sessions, sent as each tool exports it, makes the same event.</summary>
public sealed class ProgrammeFormatImportTests : EventServerTests
{

    [Fact]
    public async Task TheSameProgrammeAsCsvICalendarOrFrabMakesTheSameRoomsDaysAndSessions()
    {
        var files = new[] { ("text/csv", IgfWeekProgramme.Csv()), ("text/calendar", IgfWeekProgramme.ICalendar()), ("application/xml", IgfWeekProgramme.Frab()) };
        var views = new List<string>();
        foreach (var (contentType, text) in files)
        {
            var created = await Api.CreateAsync(timeZone: IgfWeekProgramme.TimeZone);
            var result = await Api.ImportAsync(created.Id, created.Key, text, contentType);
            Assert.Equal(IgfWeekProgramme.Count, result.Created.Count);
            Assert.Empty(result.Errors);

            var view = await Api.GetAsync(created.Id);
            Assert.Equal(["2026-12-15", "2026-12-16", "2026-12-17"], view.Days);
            Assert.Equal(IgfWeekProgramme.Rooms.Order(StringComparer.Ordinal), view.Rooms.Select(r => r.Name).Order(StringComparer.Ordinal));
            views.Add(string.Join('\n', view.Rooms.OrderBy(r => r.Name, StringComparer.Ordinal)
                .SelectMany(r => r.Sessions.Select(s => $"{r.Name}|{s.ExternalId}|{s.Title}|{s.StartsAt:O}|{s.EndsAt:O}|{s.Format}|{s.Status}"))));
        }
        Assert.Equal(IgfWeekProgramme.Count, views[0].Split('\n').Length);
        Assert.Equal(views[0], views[1]);
        Assert.Equal(views[0], views[2]);
    }
}
