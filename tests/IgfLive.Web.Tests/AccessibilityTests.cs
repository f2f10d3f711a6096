using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>An axe-core scan of every view, with content on it, finds no serious or critical violation.</summary>
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task NoViewHasASeriousOrCriticalAccessibilityViolation()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("accessibility", async () =>
        {
            var onsite = await live.OpenAsync("onsiteModerator");
            var online = await live.OpenAsync("onlineModerator");
            var rapporteur = await live.OpenAsync("rapporteur");
            var stage = await live.OpenAsync("stage", BrowserSession.Projector);
            var phone = await live.OpenAsync("participant", BrowserSession.Phone);

            // Content in every state a view can show: a running clock, questions at each step, notes, a message.
            await View.Button(onsite, "Start").ClickAsync();
            foreach (var text in new[] { "First question, to be answered", "Second question, waiting in the queue", "Third question, not yet reviewed" })
            {
                await phone.GetByLabel("Your question", new() { Exact = true }).FillAsync(text);
                await View.Button(phone, "Send question").ClickAsync();
                await Expect(View.Question(online, text)).ToBeVisibleAsync();
            }
            foreach (var text in new[] { "First question", "Second question" })
            {
                await View.Button(View.Question(online, text), "Approve").ClickAsync();
            }
            await View.Button(View.Question(online, "First question"), "Send to room").ClickAsync();
            await View.Button(View.Question(onsite, "First question"), "Ask now").ClickAsync();
            await View.Button(View.Question(online, "Third question"), "Reject").ClickAsync();
            await online.GetByLabel("Reason for the author", new() { Exact = true }).FillAsync("Already covered");
            await View.Button(online, "Reject question").ClickAsync();
            var note = rapporteur.GetByLabel("Note", new() { Exact = true });
            await note.FillAsync("A key point from the opening.");
            await note.PressAsync("Enter");
            await Expect(rapporteur.GetByTestId("report-preview")).ToContainTextAsync("A key point from the opening.");
            await onsite.GetByLabel("Message shown on the stage display", new() { Exact = true }).FillAsync("Two minutes");
            await View.Button(onsite, "Send to stage").ClickAsync();
            await Expect(stage.Locator(".stage-banner")).ToBeVisibleAsync();
            await Expect(phone.Locator(".mine .q-status", new() { HasText = "Not taken" })).ToBeVisibleAsync();

            var device = await live.NewDeviceAsync(BrowserSession.Phone);
            var join = await device.NewPageAsync();
            await join.GotoAsync(new Uri(live.Server.Address, "/join").ToString());
            await Expect(join.GetByLabel("Session code", new() { Exact = true })).ToBeVisibleAsync();
            var organiser = await live.OpenOrganiserAsync(device);
            await Expect(organiser.Locator(".session-item")).ToHaveCountAsync(1);

            var problems = new List<string>();
            foreach (var (name, page) in new[] { ("onsite", onsite), ("online", online), ("rapporteur", rapporteur), ("stage", stage), ("participant", phone), ("join", join), ("organiser", organiser) })
            {
                var result = await page.RunAxe();
                problems.AddRange(result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            }
            Assert.True(problems.Count == 0, string.Join('\n', problems));

            // The warning and overtime colours must stay readable too: the last segment (5 min) is
            // shortened to 2 minutes (warning), then to nothing (overtime, with the takeaways cue).
            await onsite.Locator(".agenda-list li").Last.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(onsite.Locator(".clock-segment")).ToContainTextAsync("6/6");
            var colours = new List<string>();
            foreach (var (shortenBy, threshold) in new[] { (3, "warning"), (2, "overtime") })
            {
                // A button is disabled while its command is on its way, so each click waits for the one before.
                for (var i = 0; i < shortenBy; i++)
                {
                    await View.Button(onsite, "−1 min").ClickAsync();
                }
                foreach (var (name, page) in new[] { ("onsite", onsite), ("stage", stage), ("participant", phone) })
                {
                    await Expect(page.Locator(".clock")).ToHaveAttributeAsync("data-threshold", threshold);
                    var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast"] } });
                    colours.AddRange(result.Violations.Select(v => $"{name} ({threshold}): {v.Id} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}"));
                }
            }
            await Expect(onsite.Locator(".takeaways-cue")).ToBeVisibleAsync();
            await Artifacts.ScreenshotAsync(onsite, "onsite-moderator-overtime");
            await Artifacts.ScreenshotAsync(stage, "stage-display-overtime");
            Assert.True(colours.Count == 0, string.Join('\n', colours));
        });
    }
}
