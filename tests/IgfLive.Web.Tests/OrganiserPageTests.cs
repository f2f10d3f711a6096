using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// An organiser pastes the seed proposal's agenda, sees what was read and what was not, adjusts a
/// segment, creates the session, and hands out links that open working views.
/// </summary>
public sealed class OrganiserPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnOrganiserCreatesASessionFromPastedAgendaTextAndItsLinksOpenTheViews()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("organiser", async () =>
        {
            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            var page = await device.NewPageAsync();
            page.Dialog += (_, dialog) => live.Dialogs.Enqueue(dialog.Message);
            await page.GotoAsync(new Uri(live.Server.Address, "/organiser").ToString());

            // A wrong key is refused with a clear message; the right one lists the existing session.
            await page.GetByLabel("Organiser key", new() { Exact = true }).FillAsync("not-the-key-at-all");
            await View.Button(page, "Use key").ClickAsync();
            await Expect(page.Locator(".messages [role='alert']")).ToContainTextAsync("did not accept this organiser key");
            await page.GetByLabel("Organiser key", new() { Exact = true }).FillAsync(TestServer.OrganiserKey);
            await View.Button(page, "Use key").ClickAsync();
            await Expect(page.Locator(".session-item")).ToHaveCountAsync(1);
            await Expect(page.Locator(".session-item")).ToContainTextAsync(Seed.Title);

            await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Data governance in smart cities");
            await page.GetByLabel("Room", new() { Exact = true }).FillAsync("Room IX");
            await page.GetByLabel("Starts at (local time in the time zone)", new() { Exact = true }).FillAsync("2017-12-20T10:00");
            await page.GetByLabel("Time zone", new() { Exact = true }).FillAsync("Europe/Zurich");
            await page.GetByLabel("Agenda (paste it from the proposal)", new() { Exact = true }).FillAsync(Seed.AgendaText + "\nA closing remark with no duration");
            await View.Button(page, "Read agenda").ClickAsync();
            await Expect(page.Locator(".seg-row")).ToHaveCountAsync(6);
            await Expect(page.Locator(".unread")).ToContainTextAsync("A closing remark with no duration");
            await Expect(page.Locator(".total")).ToHaveTextAsync("Total: 90 min");

            // The organiser renames the first segment and gives the discussion two more minutes.
            await page.Locator(".seg-row").Nth(0).GetByLabel("Title", new() { Exact = true }).FillAsync("Opening");
            await page.Locator(".seg-row").Nth(2).GetByLabel("Minutes", new() { Exact = true }).FillAsync("22");
            await Expect(page.Locator(".total")).ToHaveTextAsync("Total: 92 min");
            await View.Button(page, "Add speaker").ClickAsync();
            await page.Locator(".speaker-row").GetByLabel("Name", new() { Exact = true }).FillAsync("Liyun Han");
            await page.Locator(".speaker-row").GetByLabel("Organisation", new() { Exact = true }).FillAsync("CNNIC");
            await View.Button(page, "Create session").ClickAsync();

            await Expect(page.Locator(".created-links")).ToContainTextAsync("This tab keeps its links");
            var participantLink = await page.Locator("input[data-role='participant']").InputValueAsync();
            var onsiteLink = await page.Locator("input[data-role='onsiteModerator']").InputValueAsync();
            Assert.Matches("/join/[A-Z0-9]{6}$", participantLink);
            Assert.Matches("/s/[^/]+/onsite#key=.+", onsiteLink);
            await Expect(page.Locator(".session-item")).ToHaveCountAsync(2);
            await Expect(page.Locator(".session-days h3").First).ToContainTextAsync("20 December 2017");
            await Artifacts.ScreenshotAsync(page, "organiser");

            // Downloads of any session, with the organiser key.
            var seed = page.Locator(".session-item", new() { HasText = Seed.Title });
            var csv = await page.RunAndWaitForDownloadAsync(() => View.Button(seed, "Question log").ClickAsync());
            var csvPath = Path.Combine(Artifacts.Downloads, csv.SuggestedFilename);
            await csv.SaveAsAsync(csvPath);
            Assert.EndsWith("questions.csv", csv.SuggestedFilename, StringComparison.Ordinal);
            Assert.StartsWith("id,submitted_at,status,", await File.ReadAllTextAsync(csvPath), StringComparison.Ordinal);
            var report = await page.RunAndWaitForDownloadAsync(() => View.Button(seed, "Report").ClickAsync());
            var reportPath = Path.Combine(Artifacts.Downloads, report.SuggestedFilename);
            await report.SaveAsAsync(reportPath);
            Assert.Contains("## Session at a glance", await File.ReadAllTextAsync(reportPath), StringComparison.Ordinal);

            // The links work: the onsite view shows the edited agenda, the participant view the session.
            var onsite = await device.NewPageAsync();
            await onsite.GotoAsync(onsiteLink);
            await View.WaitConnectedAsync(onsite);
            await Expect(onsite.Locator(".agenda-list li").First).ToContainTextAsync("1. Opening");
            await Expect(onsite.Locator(".agenda-list li").Nth(2)).ToContainTextAsync("22 min");
            var participant = await device.NewPageAsync();
            await participant.GotoAsync(participantLink);
            await View.WaitConnectedAsync(participant);
            await Expect(participant.Locator("h1")).ToHaveTextAsync("Data governance in smart cities");
            await Expect(participant.GetByLabel("For a speaker", new() { Exact = true })).ToContainTextAsync("Liyun Han (CNNIC)");

            // The join page takes a typed code (any case) to the same session.
            var join = await device.NewPageAsync();
            await join.GotoAsync(new Uri(live.Server.Address, "/join").ToString());
            await join.GetByLabel("Session code", new() { Exact = true }).FillAsync(participantLink[^6..].ToLowerInvariant());
            await View.Button(join, "Join").ClickAsync();
            await View.WaitConnectedAsync(join);
            await Expect(join.Locator("h1")).ToHaveTextAsync("Data governance in smart cities");
            await Artifacts.ScreenshotAsync(join, "participant-joined-by-code");
            Assert.Empty(live.Dialogs);
        });
    }
}
