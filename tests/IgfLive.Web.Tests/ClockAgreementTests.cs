using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// Every screen shows the same remaining time: each renders the countdown from the server's clock
/// and its own measured offset to server time, so readings taken at one instant agree.
/// </summary>
public sealed class ClockAgreementTests(BrowserFixture browser)
{
    /// <summary>The most two screens may differ at one instant.</summary>
    private const double ToleranceMs = 250;

    [Fact]
    public async Task EveryViewShowsTheSameRemainingTimeAtOneInstant()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("clock-agreement", async () =>
        {
            var pages = new[]
            {
                await live.OpenAsync("onsiteModerator"),
                await live.OpenAsync("onlineModerator"),
                await live.OpenAsync("rapporteur"),
                await live.OpenAsync("stage", BrowserSession.Projector),
                await live.OpenAsync("participant"),
                await live.OpenAsync("participant", BrowserSession.Phone),
            };
            var onsite = pages[0];

            await View.Button(onsite, "Start").ClickAsync();
            await AllRunningAsync(pages);
            await AssertAgreementAsync(pages, expectedAbout: 5 * 60_000);

            // After an extension and a change of segment the screens still agree, on the new numbers.
            await View.Button(onsite, "Next segment").ClickAsync();
            await View.Button(onsite, "+1 min").ClickAsync();
            foreach (var page in pages)
            {
                await Expect(page.Locator(".clock-segment").First).ToContainTextAsync("2/6");
                // The 40-minute segment shows more than 40:30 left only once the extra minute has
                // arrived (its text alone can read 40:… before and after it).
                await page.WaitForFunctionAsync(
                    "() => Number(document.querySelector('[data-clock=\"segment\"]')?.dataset.remainingMs) > 40.5 * 60000",
                    null,
                    new PageWaitForFunctionOptions { Timeout = 15_000 });
            }
            await AssertAgreementAsync(pages, expectedAbout: 41 * 60_000);

            // Paused, every screen holds the same value.
            await View.Button(onsite, "Pause").ClickAsync();
            foreach (var page in pages)
            {
                await Expect(page.Locator(".clock").First).ToHaveAttributeAsync("data-status", "paused");
            }
            var paused = await Task.WhenAll(pages.Select(View.ClockAsync));
            Assert.True(paused.Max(s => s.RemainingMs) - paused.Min(s => s.RemainingMs) <= 1, $"paused clocks differ: {string.Join(", ", paused.Select(s => s.RemainingMs))}");
        });
    }

    private static async Task AllRunningAsync(IEnumerable<IPage> pages)
    {
        foreach (var page in pages)
        {
            await Expect(page.Locator(".clock").First).ToHaveAttributeAsync("data-status", "running");
        }
    }

    /// <summary>
    /// Reads every page's countdown in one concurrent pass; each reading says when it was drawn, so
    /// all are brought to the same instant (the pages share one machine's clock) before comparing.
    /// </summary>
    private static async Task AssertAgreementAsync(IPage[] pages, double expectedAbout)
    {
        var samples = await Task.WhenAll(pages.Select(View.ClockAsync));
        var instant = samples.Max(s => s.ReadAt);
        var remaining = samples.Select(s => s.RemainingAt(instant)).ToArray();
        var spread = remaining.Max() - remaining.Min();
        Assert.True(spread <= ToleranceMs, $"The screens disagree by {spread:0} ms: {string.Join(", ", remaining.Select(r => $"{r:0}"))}");
        Assert.All(remaining, r => Assert.InRange(r, expectedAbout - 30_000, expectedAbout));
        Assert.All(samples, s => Assert.InRange(s.ReadAt - s.RenderedAt, 0, 2_000));
    }
}
