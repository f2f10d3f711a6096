using System.Globalization;
using System.Text.RegularExpressions;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Events;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// An event's pages in Chromium, on a programme whose first session is on now: the secretariat's
/// dashboard, the public programme on a phone, and a room's stage display and desk.
/// </summary>
public sealed partial class EventPagesTests(BrowserFixture browser)
{
    private const string Zone = "Asia/Riyadh";

    [Fact]
    public async Task TheDashboardShowsARoomRunningIntoItsNextSessionLive()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("event-dashboard", async () =>
        {
            var (created, links) = await ProgrammeAsync(live);
            var dashboard = await (await live.NewDeviceAsync(BrowserSession.Desktop)).NewPageAsync();
            await dashboard.GotoAsync(created.Links.Dashboard);
            await View.WaitConnectedAsync(dashboard);
            var room = dashboard.Locator(".room-card[data-room='Room XXIV']");
            await Expect(room).ToContainTextAsync("Data governance in the Global South");
            await Expect(room.Locator(".badge")).ToHaveTextAsync("Not started");
            await Expect(dashboard.Locator(".warnings")).ToBeHiddenAsync();

            // The room desk starts the session and gives its segment three more minutes: the next session is two minutes later.
            var desk = await (await live.NewDeviceAsync(BrowserSession.Desktop)).NewPageAsync();
            await desk.GotoAsync(RoomLink(links, "Room XXIV", "roomDesk"));
            await View.WaitConnectedAsync(desk);
            await View.Button(desk, "Start").ClickAsync();
            await Expect(room.Locator(".badge")).ToHaveTextAsync("Running");
            await Expect(room.Locator(".room-countdown")).ToHaveTextAsync(CountdownPattern());
            for (var i = 0; i < 3; i++)
            {
                await View.Button(desk, "+1 min").ClickAsync();
            }

            await Expect(dashboard.Locator(".warnings li")).ToHaveTextAsync(OverrunPattern());
            await Expect(room).ToHaveAttributeAsync("data-late", "true");
            await Expect(room.Locator(".room-warning")).ToHaveTextAsync(OverrunPattern());
            // The card's drift and its warning give the same minutes.
            var warned = Regex.Match(await room.Locator(".room-warning").InnerTextAsync(), @"(\d+) min late").Groups[1].Value;
            await Expect(room.Locator(".room-drift")).ToContainTextAsync($"{warned} min late");
            await Expect(dashboard.Locator(".room-card[data-room='Main Hall']")).ToContainTextAsync("No session now");
            // A room whose next session is on another day says which day, not only the time.
            var day = Tomorrow(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Zone))).Day;
            await Expect(dashboard.Locator(".room-card[data-room='Room XXV'] .room-next")).ToHaveTextAsync(new Regex($@"^Next: Youth summit at \D*\b{day}\b.*09:00$"));
            await Artifacts.ScreenshotAsync(dashboard, "event-dashboard");
            Assert.Empty(live.PageErrors);
        });
    }

    [Fact]
    public async Task TheProgrammeReadsOnAPhoneInTheVenuesTimeAndTheVisitorsInEachLanguage()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("event-programme", async () =>
        {
            var (created, _) = await ProgrammeAsync(live);
            var phone = await (await live.NewDeviceAsync(BrowserSession.Phone)).NewPageAsync();
            await phone.GotoAsync(created.Links.Programme);

            await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "IGF 2026", Level = 1 })).ToBeVisibleAsync();
            var now = phone.Locator(".programme-room-now[data-room='Room XXIV']");
            await Expect(now.Locator(".programme-now")).ToContainTextAsync("Now: Data governance in the Global South");
            await Expect(now.Locator(".programme-next")).ToContainTextAsync("Next: AI and elections");
            var session = phone.Locator(".programme-session", new() { HasText = "Data governance" });
            // The venue is in Riyadh (UTC+3), the visitor in Zurich (UTC+1): both times, two hours apart.
            var times = await session.Locator(".programme-time").InnerTextAsync();
            Assert.Matches(TimesPattern(), times);
            var join = session.GetByRole(AriaRole.Link, new() { Name = "Join “Data governance in the Global South”" });
            Assert.Matches("^/join/[A-Z0-9]+$", await join.GetAttributeAsync("href"));
            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"The programme is {widths[0]} px wide on a {widths[1]} px screen.");
            await Artifacts.ScreenshotAsync(phone, "event-programme-360");

            await phone.GetByLabel("Language").SelectOptionAsync("fr");
            await Expect(now.Locator(".programme-now")).ToContainTextAsync("En ce moment");
            await Expect(phone.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await phone.GetByLabel("Langue").SelectOptionAsync("es");
            await Expect(session.GetByRole(AriaRole.Link, new() { Name = "Unirse a «Data governance in the Global South»" })).ToBeVisibleAsync();
            Assert.Empty(live.PageErrors);
        });
    }

    [Fact]
    public async Task ARoomsStageDisplayShowsItsCurrentSessionAndItsDeskRunsIt()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("event-room", async () =>
        {
            var (_, links) = await ProgrammeAsync(live);
            var stage = await (await live.NewDeviceAsync(BrowserSession.Projector)).NewPageAsync();
            await stage.GotoAsync(RoomLink(links, "Room XXIV", "roomStage"));
            await Expect(stage.Locator(".stage-title")).ToHaveTextAsync("Data governance in the Global South");
            var desk = await (await live.NewDeviceAsync(BrowserSession.Desktop)).NewPageAsync();
            await desk.GotoAsync(RoomLink(links, "Room XXIV", "roomDesk"));
            await Expect(desk.Locator(".room-strip")).ToContainTextAsync("Next: AI and elections");
            await Expect(desk.Locator(".page-title")).ToHaveTextAsync("Data governance in the Global South");

            await View.Button(desk, "Start").ClickAsync();

            await Expect(stage.Locator("body")).ToHaveAttributeAsync("data-status", "running");
            // The Main Hall has nothing on now: its stage display says what comes next and counts down to it.
            var hall = await (await live.NewDeviceAsync(BrowserSession.Projector)).NewPageAsync();
            await hall.GotoAsync(RoomLink(links, "Main Hall", "roomStage"));
            await Expect(hall.Locator(".room-next-title")).ToContainTextAsync("Next: Meaningful connectivity at ");
            await Expect(hall.Locator(".room-next-countdown")).ToHaveTextAsync(StartsInPattern());
            await Artifacts.ScreenshotAsync(hall, "event-room-between");
            await Artifacts.ScreenshotAsync(stage, "event-room-stage");
            // A room link with a wrong key is refused, and says so.
            var wrong = await (await live.NewDeviceAsync(BrowserSession.Desktop)).NewPageAsync();
            await wrong.GotoAsync(RoomLink(links, "Main Hall", "roomStage").Split('#')[0] + "#key=wrong");
            await Expect(wrong.GetByRole(AriaRole.Alert)).ToContainTextAsync("That key opens no screen of this room");
            Assert.Empty(live.PageErrors);
        });
    }

    /// <summary>
    /// An event in Riyadh whose Room XXIV has a 20-minute session on from the start of this minute and
    /// another two minutes after it; the Main Hall's session starts in an hour, Room XXV's tomorrow at 09:00.
    /// </summary>
    private static async Task<(EventCreatedResponse Created, List<Dictionary<string, string>> Links)> ProgrammeAsync(BrowserSession live)
    {
        var api = new EventApi(live.Server);
        var created = await api.CreateAsync("IGF 2026", Zone);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, now.Offset);
        string Row(string id, string title, DateTimeOffset at, int minutes, string room, string agenda) =>
            string.Create(CultureInfo.InvariantCulture, $"{id},{title},{at:yyyy-MM-dd},{at:HH:mm},{minutes},{room},\"{agenda}\"\r\n");
        var csv = "external id,title,date,start,duration,room,agenda\r\n"
            + Row("A", "Data governance in the Global South", start, 20, "Room XXIV", "1. Opening (5 min)\n2. Panel (15 min)")
            + Row("B", "AI and elections", start.AddMinutes(22), 30, "Room XXIV", "")
            + Row("C", "Meaningful connectivity", start.AddMinutes(60), 30, "Main Hall", "")
            + Row("D", "Youth summit", Tomorrow(start).AddHours(9), 60, "Room XXV", "");
        await api.ImportAsync(created.Id, created.Key, csv);
        return (created, await api.LinksAsync(created.Id, created.Key));
    }

    /// <summary>The start of the venue's next day after <paramref name="start"/>.</summary>
    private static DateTimeOffset Tomorrow(DateTimeOffset start) => new(start.Date.AddDays(1), start.Offset);

    private static string RoomLink(List<Dictionary<string, string>> links, string room, string role) =>
        links.Single(r => r["room"] == room && r["role"] == role)["link"];

    [GeneratedRegex(@"^Room XXIV: \d+ min late, next session at \d\d:\d\d$")]
    private static partial Regex OverrunPattern();

    [GeneratedRegex(@"^\d+:\d\d$")]
    private static partial Regex CountdownPattern();

    [GeneratedRegex(@"^starts in (\d+:)?\d+:\d\d$")]
    private static partial Regex StartsInPattern();

    [GeneratedRegex(@"^\d\d:\d\d–\d\d:\d\d\s*\(\d\d:\d\d–\d\d:\d\d your time\)$")]
    private static partial Regex TimesPattern();
}
