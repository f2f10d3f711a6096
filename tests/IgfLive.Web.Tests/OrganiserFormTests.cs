using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The organiser's form as a new organiser uses it: Create reads a pasted agenda by itself, every
/// problem is said next to its field in the page's words, old messages go on success, and speaker
/// slots and the clock's cues are set on the page.
/// </summary>
public sealed class OrganiserFormTests(BrowserFixture browser)
{
    private const string Agenda = """
        1. Opening (5 min)
        2.【40mins】Presentations from 3 speakers, 7 minutes each
        3. Discussion (20 minutes)
        """;

    [Fact]
    public async Task APastedAgendaIsReadOnCreateAndEveryProblemIsSaidAtItsField()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("organiser-form", async () =>
        {
            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            var page = await device.NewPageAsync();
            await page.GotoAsync(new Uri(live.Server.Address, "/organiser").ToString());
            var key = page.GetByLabel("Organiser key", new() { Exact = true });
            await key.FillAsync("wrong-key-wrong-key");
            await View.Button(page, "Use key").ClickAsync();
            await Expect(page.Locator(".messages [role='alert']")).ToContainTextAsync("did not accept");
            await key.FillAsync(TestServer.OrganiserKey);
            await View.Button(page, "Use key").ClickAsync();
            await Expect(page.Locator(".session-item")).ToHaveCountAsync(1);
            await Expect(page.Locator(".messages")).ToBeEmptyAsync();

            // Three speakers, then the agenda pasted: nothing else is clicked before Create.
            foreach (var name in new[] { "Liyun Han", "Rui Zhong", "Jing Ma" })
            {
                await View.Button(page, "Add speaker").ClickAsync();
                await page.Locator(".speaker-row").Last.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
            }
            await page.GetByLabel("Agenda (paste it from the proposal)", new() { Exact = true }).FillAsync(Agenda);
            await page.GetByLabel("Time zone", new() { Exact = true }).FillAsync("Mars/Base");
            await View.Button(page, "Create session").ClickAsync();

            // Read on Create: the segments are there; the problems are said at their fields, in the page's words.
            await Expect(page.Locator(".seg-row")).ToHaveCountAsync(3);
            var title = page.GetByLabel("Title", new() { Exact = true }).First;
            await Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(title).ToBeFocusedAsync();
            await Expect(page.Locator(".create-form > .row .field", new() { Has = title }).Locator(".field-error")).ToHaveTextAsync("Give the session a title.");
            await Expect(page.Locator(".field", new() { Has = page.GetByLabel("Starts at (local time in the time zone)") }).Locator(".field-error")).ToHaveTextAsync("Give the date and time the session starts.");
            await Expect(page.Locator(".field", new() { Has = page.GetByLabel("Time zone", new() { Exact = true }) }).Locator(".field-error"))
                .ToHaveTextAsync("“Mars/Base” is not a time zone this browser knows: pick one from the list, for example Europe/Zurich.");
            await Expect(page.Locator(".messages [role='alert']")).ToContainTextAsync("3 things need fixing before the session can be created:");
            await Expect(page.Locator(".messages")).Not.ToContainTextAsync("agendaText");
            await Artifacts.ScreenshotAsync(page, "organiser-form-errors");

            // The parser's "3 speakers, 7 minutes each" became three 7-minute slots, one per speaker in order.
            var presentations = page.Locator(".seg-row").Nth(1);
            await Expect(presentations.Locator(".slots-editor summary")).ToHaveTextAsync("Speaker slots: 3 speakers × 7 minutes");
            Assert.Equal(["Liyun Han", "Rui Zhong", "Jing Ma"], await presentations.Locator(".slot-row select").EvaluateAllAsync<string[]>("(all) => all.map((s) => s.value)"));
            await presentations.Locator(".slot-row").Nth(2).GetByLabel("Minutes", new() { Exact = true }).FillAsync("5");
            await Expect(presentations.Locator(".slots-editor summary")).ToHaveTextAsync("Speaker slots: 3");

            // The clock's cues: critical must come after the warning.
            await page.GetByLabel("Warning: minutes left", new() { Exact = true }).FillAsync("3");
            await page.GetByLabel("Critical: seconds left", new() { Exact = true }).FillAsync("200");
            await title.FillAsync("Sharing economy governance");
            await page.GetByLabel("Starts at (local time in the time zone)", new() { Exact = true }).FillAsync("2017-12-19T15:00");
            await page.GetByLabel("Time zone", new() { Exact = true }).FillAsync("Europe/Zurich");
            await View.Button(page, "Create session").ClickAsync();
            await Expect(page.Locator(".field", new() { Has = page.GetByLabel("Critical: seconds left") }).Locator(".field-error"))
                .ToHaveTextAsync("The critical cue must come after the warning (fewer seconds left than the warning).");
            await page.GetByLabel("Critical: seconds left", new() { Exact = true }).FillAsync("45");
            await View.Button(page, "Create session").ClickAsync();

            // Created: no stale error above the links, and the session has what the page set.
            await Expect(page.Locator(".created-links")).ToContainTextAsync("Sharing economy governance");
            await Expect(page.Locator(".messages [role='alert']")).ToHaveCountAsync(0);
            await Expect(page.Locator(".session-item")).ToHaveCountAsync(2);
            var onsite = await device.NewPageAsync();
            await onsite.GotoAsync(await page.Locator("input[data-role='onsiteModerator']").InputValueAsync());
            await View.WaitConnectedAsync(onsite);
            await View.Button(onsite, "Start").ClickAsync();
            await View.Button(onsite, "Next segment").ClickAsync();
            await Expect(onsite.Locator(".slots button")).ToHaveTextAsync(["Liyun Han (7:00)", "Rui Zhong (7:00)", "Jing Ma (5:00)"]);
            await Artifacts.ScreenshotAsync(page, "organiser-created");
        });
    }
}
