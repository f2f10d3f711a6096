using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The onsite view on a podium laptop and on an upright tablet, with a long queue: the clock, its
/// controls, the stage message and the question being asked stay in view wherever the moderator
/// scrolls, and the queue folds away.
/// </summary>
public sealed class OnsiteLayoutTests(BrowserFixture browser)
{
    private static readonly ViewportSize Podium = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize TabletUpright = new() { Width = 768, Height = 1024 };

    [Theory]
    [InlineData("podium")]
    [InlineData("tablet")]
    public async Task WithEightQuestionsQueuedTheClockControlsStageMessageAndLiveQuestionStayInView(string screen)
    {
        var viewport = screen == "podium" ? Podium : TabletUpright;
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync($"onsite-layout-{screen}", async () =>
        {
            var texts = Enumerable.Range(1, 8).Select(i => $"Question {i}: how should platforms share data with city regulators while protecting the privacy of their users?").ToArray();
            var ids = await Backstage.ForwardQuestionsAsync(live, texts);
            var onsite = await live.OpenAsync("onsiteModerator", viewport);
            await View.Button(onsite, "Start").ClickAsync();
            await Expect(onsite.Locator(".queue li.q")).ToHaveCountAsync(8);
            await View.Button(View.Question(onsite, "Question 3:"), "Ask now").ClickAsync();
            await Expect(onsite.Locator(".live-panel .live-text")).ToContainTextAsync("Question 3:");

            var pinned = new[] { onsite.Locator(".clock"), View.Button(onsite, "Next segment"), onsite.GetByLabel("Message shown on the stage display", new() { Exact = true }), onsite.Locator(".live-panel .live-text") };
            await AssertInViewAsync(viewport, pinned, "as the page opens");
            await Artifacts.ScreenshotAsync(onsite, $"onsite-{screen}-queue");

            // "Go to" at the bottom of the agenda, and the very end of the page: still all in view.
            await onsite.Locator(".agenda-list li").Nth(3).GetByRole(AriaRole.Button).ClickAsync();
            await Expect(onsite.Locator(".clock-segment")).ToContainTextAsync("4/6");
            await AssertInViewAsync(viewport, pinned, "after Go to");
            await onsite.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            await AssertInViewAsync(viewport, pinned, "scrolled to the end");

            // The queue folds away, and says how many it holds while folded; the choice stays on this device.
            var toggle = View.Button(onsite, "Hide questions");
            await toggle.ClickAsync();
            await Expect(onsite.Locator(".queue li.q").First).ToBeHiddenAsync();
            await Expect(View.Button(onsite, "Show questions (7)")).ToHaveAttributeAsync("aria-expanded", "false");
            await onsite.ReloadAsync();
            await View.WaitConnectedAsync(onsite);
            await Expect(View.Button(onsite, "Show questions (7)")).ToBeVisibleAsync();
            await View.Button(onsite, "Show questions (7)").ClickAsync();
            await Expect(onsite.Locator(".queue li.q")).ToHaveCountAsync(7);
            Assert.Equal(8, ids.Count);
        });
    }

    private static async Task AssertInViewAsync(ViewportSize viewport, IEnumerable<ILocator> parts, string when)
    {
        foreach (var part in parts)
        {
            var box = await part.BoundingBoxAsync() ?? throw new InvalidOperationException($"{part} is not shown {when}.");
            Assert.True(box.Y >= 0 && box.Y + box.Height <= viewport.Height, $"{part} is at y={box.Y:0} (height {box.Height:0}) on a {viewport.Height} px screen {when}.");
        }
    }
}
