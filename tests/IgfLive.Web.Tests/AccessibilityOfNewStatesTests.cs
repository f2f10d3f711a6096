using Deque.AxeCore.Playwright;
using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>axe-core finds no serious or critical violation in the states the views gained: the join screen, the organiser's errors and links, closed questions, confirmations, a paused stage.</summary>
public sealed class AccessibilityOfNewStatesTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheNewStatesOfEveryViewHaveNoSeriousOrCriticalAccessibilityViolation()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("accessibility-new-states", async () =>
        {
            await Backstage.ForwardQuestionsAsync(live, "Who audits the algorithms?", "How do rural users take part?");
            var onsite = await live.OpenAsync("onsiteModerator");
            var online = await live.OpenAsync("onlineModerator");
            var stage = await live.OpenAsync("stage", BrowserSession.Projector);
            var phone = await live.OpenAsync("participant", BrowserSession.Phone);
            await View.Button(onsite, "Start").ClickAsync();
            await View.Button(View.Question(onsite, "Who audits"), "Ask now").ClickAsync();
            await onsite.Locator("summary", new() { HasText = "Record a question" }).ClickAsync();
            await View.Button(onsite, "Hide questions").ClickAsync();
            await View.Button(onsite, "Pause").ClickAsync();
            await Expect(stage.Locator("body")).ToHaveAttributeAsync("data-status", "paused");

            await phone.GetByLabel("Your question", new() { Exact = true }).FillAsync(new string('x', 520));
            await View.Button(phone, "Send question").ClickAsync();
            await phone.GetByLabel("Your question", new() { Exact = true }).FillAsync("A question of mine.");
            await View.Button(phone, "Send question").ClickAsync();
            await View.Button(phone.Locator(".mine li.q"), "Withdraw").ClickAsync();
            await View.Button(online, "Close questions").ClickAsync();
            await Expect(phone.Locator(".questions-closed")).ToBeVisibleAsync();
            await online.GetByLabel("Search questions", new() { Exact = true }).FillAsync("rural");

            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            var organiser = await live.OpenOrganiserAsync(device);
            await View.Button(organiser.Locator(".session-item"), "Links").ClickAsync();
            await View.Button(organiser, "Create session").ClickAsync();
            await Expect(organiser.Locator(".field-error").First).ToBeVisibleAsync();
            var screen = await device.NewPageAsync();
            await screen.GotoAsync(new Uri(live.Server.Address, $"/screen/{live.Session.ParticipantCode}").ToString());
            await Expect(screen.Locator(".screen-title")).ToHaveTextAsync(Seed.Title);

            var problems = new List<string>();
            foreach (var (name, page) in new[] { ("onsite", onsite), ("online", online), ("stage", stage), ("participant", phone), ("organiser", organiser), ("join screen", screen) })
            {
                var result = await page.RunAxe();
                problems.AddRange(result.Violations
                    .Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            }
            Assert.True(problems.Count == 0, string.Join('\n', problems));
            await Artifacts.ScreenshotAsync(onsite, "onsite-paused-queue-folded");
        });
    }
}
