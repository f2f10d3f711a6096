using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// Role links are never lost for good: they survive a reload of the organiser's tab, copy all at
/// once, and any role can get a new link at any time (the old one is refused from then on, even on a
/// page that had it open); a duplicate is confirmed before it is made, and a session that has not
/// started can be deleted.
/// </summary>
public sealed class OrganiserLinksTests(BrowserFixture browser)
{
    [Fact]
    public async Task LinksSurviveAReloadCanBeReplacedAndADuplicateIsConfirmedAndDeleted()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("organiser-links", async () =>
        {
            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            await device.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = live.Server.Address.GetLeftPart(UriPartial.Authority) });
            var page = await live.OpenOrganiserAsync(device);
            await Expect(page.Locator(".session-item")).ToHaveCountAsync(1);

            async Task FillAsync()
            {
                await page.GetByLabel("Title", new() { Exact = true }).First.FillAsync("Data governance in smart cities");
                await page.GetByLabel("Starts at (local time in the time zone)", new() { Exact = true }).FillAsync("2017-12-20T10:00");
                await page.GetByLabel("Time zone", new() { Exact = true }).FillAsync("Europe/Zurich");
                await page.GetByLabel("Agenda (paste it from the proposal)", new() { Exact = true }).FillAsync(Seed.AgendaText);
            }
            await FillAsync();
            await View.Button(page, "Create session").ClickAsync();
            await Expect(page.Locator(".created-links")).ToBeVisibleAsync();
            var onsiteLink = await page.Locator(".created-links input[data-role='onsiteModerator']").InputValueAsync();

            // Every link in one copy, to paste into an e-mail.
            await View.Button(page.Locator(".created-links"), "Copy all links").ClickAsync();
            await Expect(page.Locator(".messages .message.ok")).ToHaveTextAsync("All links copied.");
            var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
            Assert.StartsWith("Data governance in smart cities\nParticipants: ", copied, StringComparison.Ordinal);
            Assert.Contains($"Onsite moderator: {onsiteLink}", copied, StringComparison.Ordinal);
            Assert.Equal(6, copied.Split('\n').Length);

            // A reload keeps them in this tab.
            await page.ReloadAsync();
            var row = page.Locator(".session-item", new() { HasText = "Data governance in smart cities" });
            await View.Button(row, "Links").ClickAsync();
            await Expect(row.Locator("input[data-role='onsiteModerator']")).ToHaveValueAsync(onsiteLink);

            // A new onsite link: the page open on the old one is told and stops; the new one works.
            var old = await live.NewDeviceAsync(BrowserSession.Desktop);
            var oldPage = await old.NewPageAsync();
            await oldPage.GotoAsync(onsiteLink);
            await View.WaitConnectedAsync(oldPage);
            await View.Button(row.Locator(".link-row[data-role='onsiteModerator']"), "Replace link").ClickAsync();
            await Expect(row.Locator(".row-confirm")).ToContainTextAsync("stops working at once");
            await View.Button(row, "Make the new link").ClickAsync();
            var fresh = row.Locator("input[data-role='onsiteModerator']");
            await Expect(fresh).Not.ToHaveValueAsync(onsiteLink);
            await Expect(fresh).ToBeFocusedAsync();
            await Expect(oldPage.Locator(".conn")).ToHaveAttributeAsync("data-state", "refused");
            await Expect(oldPage.Locator(".messages [role='alert']")).ToContainTextAsync("This link has been replaced by the organiser");
            await oldPage.ReloadAsync();
            await Expect(oldPage.Locator(".conn")).ToHaveAttributeAsync("data-state", "refused");
            var newPage = await old.NewPageAsync();
            await newPage.GotoAsync(await fresh.InputValueAsync());
            await View.WaitConnectedAsync(newPage);
            await Artifacts.ScreenshotAsync(page, "organiser-links-replaced");

            // The same title at the same time again: asked first.
            await FillAsync();
            await View.Button(page, "Create session").ClickAsync();
            await Expect(page.Locator(".duplicate")).ToContainTextAsync("already starts at this time");
            await View.Button(page.Locator(".duplicate"), "Cancel").ClickAsync();
            await Expect(page.Locator(".session-item")).ToHaveCountAsync(2);
            await View.Button(page, "Create session").ClickAsync();
            await View.Button(page.Locator(".duplicate"), "Create another one").ClickAsync();
            await Expect(page.Locator(".session-item")).ToHaveCountAsync(3);

            // A session that has not started can be deleted; one that has started cannot.
            await using (var onsite = await Backstage.JoinAsync(live, "onsiteModerator"))
            {
                await onsite.CallAsync("StartClock");
            }
            await View.Button(page, "Refresh list").ClickAsync();
            await Expect(View.Button(page.Locator(".session-item", new() { HasText = Seed.Title }), "Delete")).ToHaveCountAsync(0);
            var twin = page.Locator(".session-item", new() { HasText = "Data governance in smart cities" }).Last;
            await View.Button(twin, "Delete").ClickAsync();
            await View.Button(twin, "Delete the session").ClickAsync();
            await Expect(page.Locator(".session-item")).ToHaveCountAsync(2);
            await Expect(page.Locator(".messages .message.ok")).ToHaveTextAsync("“Data governance in smart cities” was deleted.");
        });
    }
}
