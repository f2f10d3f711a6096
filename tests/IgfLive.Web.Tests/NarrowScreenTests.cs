using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>Every view works on a 360-pixel-wide phone: nothing makes the page scroll sideways.</summary>
public sealed class NarrowScreenTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryViewFitsA360PixelWideScreen()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("narrow", async () =>
        {
            var onsite = await live.OpenAsync("onsiteModerator", BrowserSession.Phone);
            await View.Button(onsite, "Start").ClickAsync();
            var participant = await live.OpenAsync("participant", BrowserSession.Phone);
            await participant.GetByLabel("Your question", new() { Exact = true }).FillAsync("A question long enough to wrap over several lines on a small phone screen, with a long word: multistakeholderism.");
            await View.Button(participant, "Send question").ClickAsync();
            var pages = new[]
            {
                ("onsite", onsite),
                ("participant", participant),
                ("online", await live.OpenAsync("onlineModerator", BrowserSession.Phone)),
                ("rapporteur", await live.OpenAsync("rapporteur", BrowserSession.Phone)),
                ("stage", await live.OpenAsync("stage", BrowserSession.Phone)),
            }.ToList();
            await Expect(View.Question(pages[2].Item2, "multistakeholderism")).ToBeVisibleAsync();
            var device = await live.NewDeviceAsync(BrowserSession.Phone);
            var organiser = await live.OpenOrganiserAsync(device);
            await Expect(organiser.Locator(".session-item")).ToHaveCountAsync(1);
            pages.Add(("organiser", organiser));

            foreach (var (name, page) in pages)
            {
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                Assert.True(widths[0] <= widths[1], $"The {name} view is {widths[0]} px wide on a {widths[1]} px screen.");
                await Artifacts.ScreenshotAsync(page, $"{name}-360");
            }
        });
    }
}
