using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The stage display on a 1080p projector, read from the back of the room: what it shows before the
/// start and after the end, how loud overtime is, how clear a pause is, and the time of day and the
/// projected end beside the countdown.
/// </summary>
public sealed class StageDisplayTests(BrowserFixture browser)
{
    private static readonly ViewportSize FullHd = new() { Width = 1920, Height = 1080 };
    private static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    [Fact]
    public async Task BeforeTheStartAndAfterTheEndTheStageSaysSoInsteadOfShowingDigits()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("stage-before-after", async () =>
        {
            var stage = await live.OpenAsync("stage", FullHd);
            var phone = await live.OpenAsync("participant", BrowserSession.Phone);
            var onsite = await live.OpenAsync("onsiteModerator");
            var startsAt = TimeZoneInfo.ConvertTime(live.Session.Session.StartsAt, Zurich).ToString("HH:mm", CultureInfo.InvariantCulture);
            foreach (var page in new[] { stage, phone, onsite })
            {
                await Expect(page.Locator("[data-clock='segment']")).ToHaveTextAsync($"Starts at {startsAt}");
            }
            await Artifacts.ScreenshotAsync(stage, "stage-before-start");

            await View.Button(onsite, "Start").ClickAsync();
            await Expect(stage.Locator("[data-clock='segment']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d$"));
            await View.Button(onsite, "End session").ClickAsync();
            await View.Button(onsite, "Yes, end the session").ClickAsync();
            foreach (var page in new[] { stage, phone, onsite })
            {
                await Expect(page.Locator("[data-clock='segment']")).ToHaveTextAsync("Session ended");
                await Expect(page.Locator(".clock-label")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Ended at \d\d:\d\d$"));
            }
            await Artifacts.ScreenshotAsync(stage, "stage-ended");
        });
    }

    [Fact]
    public async Task OvertimeIsTheLoudestStateAndPulsesSlowlyWithoutEverGoingDark()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("stage-overtime", async () =>
        {
            // A projector's browser with animations on, as most are.
            var projector = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = FullHd, Locale = "en-GB", TimezoneId = "Europe/Zurich" });
            try
            {
                var stage = await projector.NewPageAsync();
                await stage.GotoAsync(live.Session.Links["stage"]);
                await View.WaitConnectedAsync(stage);
                var onsite = await live.OpenAsync("onsiteModerator");
                await View.Button(onsite, "Start").ClickAsync();
                var normal = await BackgroundAsync(stage);

                // The last segment (5 minutes) cut to nothing: overtime.
                await onsite.Locator(".agenda-list li").Last.GetByRole(AriaRole.Button).ClickAsync();
                await Expect(onsite.Locator(".clock-segment")).ToContainTextAsync("6/6");
                for (var i = 0; i < 5; i++)
                {
                    await View.Button(onsite, "−1 min").ClickAsync();
                }
                await Expect(stage.Locator("body")).ToHaveAttributeAsync("data-threshold", "overtime");
                await Expect(stage.Locator(".clock-label")).ToHaveCSSAsync("text-transform", "uppercase");
                await Artifacts.ScreenshotAsync(stage, "stage-overtime-1080p");

                // Every colour the overtime animation passes through is a bright red: never black, never dim.
                var animation = await stage.EvaluateAsync<JsonElement>("""
                    () => document.body.getAnimations().map((a) => ({
                      duration: a.effect.getComputedTiming().duration,
                      direction: a.effect.getComputedTiming().direction,
                      colours: a.effect.getKeyframes().map((k) => k.backgroundColor).filter(Boolean),
                    }))
                    """);
                var pulse = Assert.Single(animation.EnumerateArray());
                Assert.True(pulse.GetProperty("duration").GetDouble() >= 2000, $"The overtime pulse takes {pulse.GetProperty("duration")} ms: faster than one change every two seconds.");
                var colours = pulse.GetProperty("colours").EnumerateArray().Select(c => Rgb.Parse(c.GetString()!)).ToList();
                Assert.NotEmpty(colours);
                foreach (var colour in colours)
                {
                    Assert.True(colour.Luminance >= 0.09 && colour.R > 3 * Math.Max(colour.G, colour.B), $"{colour} is not a bright red.");
                    Assert.True(Rgb.White.ContrastWith(colour) >= 4.5, $"White text on {colour} is below 4.5:1.");
                }
                Assert.True(colours.Min(c => c.Luminance) > 2 * normal.Luminance + 0.05, "Overtime must be far brighter than the normal state.");
                var contrast = await stage.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast"] } });
                Assert.Empty(contrast.Violations);

                // Paused reads at once from the back: its own colour, a big word, no pulse.
                await View.Button(onsite, "Pause").ClickAsync();
                await Expect(stage.Locator("body")).ToHaveAttributeAsync("data-status", "paused");
                await Expect(stage.Locator(".clock-label")).ToHaveTextAsync("Paused");
                var paused = await BackgroundAsync(stage);
                Assert.NotEqual(normal, paused);
                Assert.True(paused.B > 2 * paused.R, $"Paused is {paused}, not its own blue.");
                Assert.Equal(0, await stage.EvaluateAsync<int>("() => document.body.getAnimations().length"));
                var labelSize = await stage.Locator(".clock-label").EvaluateAsync<double>("(el) => parseFloat(getComputedStyle(el).fontSize)");
                Assert.True(labelSize >= 64, $"The paused label is {labelSize} px high on a 1080p screen.");
                await Artifacts.ScreenshotAsync(stage, "stage-paused-1080p");
            }
            finally
            {
                await projector.CloseAsync();
            }
        });
    }

    [Fact]
    public async Task TheStageShowsTheTimeOfDayAndTheProjectedEndAndKeepsTheScreenAwake()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("stage-time", async () =>
        {
            var stage = await live.OpenAsync("stage", FullHd);
            await Expect(stage.Locator("body")).ToHaveAttributeAsync("data-wake-lock", "held");
            var now = stage.Locator(".stage-now");
            var aroundNow = Enumerable.Range(-1, 3).Select(m => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(m), Zurich).ToString("HH:mm", CultureInfo.InvariantCulture)).ToArray();
            await Expect(now).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^({string.Join('|', aroundNow)})$"));

            var scheduledEnd = TimeZoneInfo.ConvertTime(live.Session.Session.ScheduledEnd, Zurich);
            await Expect(stage.Locator(".stage-ends")).ToHaveTextAsync($"Session ends {scheduledEnd:HH:mm}");
            var onsite = await live.OpenAsync("onsiteModerator");
            await View.Button(onsite, "Start").ClickAsync();
            await View.Button(onsite, "+1 min").ClickAsync();
            await View.Button(onsite, "+1 min").ClickAsync();
            // Started on time and given two more minutes: the end moves two minutes on.
            var projected = scheduledEnd.AddMinutes(2).ToString("HH:mm", CultureInfo.InvariantCulture);
            var late = stage.Locator(".stage-ends");
            await Expect(late).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^Session ends ({projected}|{scheduledEnd.AddMinutes(3):HH:mm}) · [23] min late$"));
            await Artifacts.ScreenshotAsync(stage, "stage-time-of-day");
        });
    }

    private static async Task<Rgb> BackgroundAsync(IPage page) => Rgb.Parse(await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
}
