using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// Messages to the stage display: ready-made ones in one tap, cleared when the floor moves on unless
/// pinned, a long one shrunk to fit a 1080p screen, and a brief mark when one arrives.
/// </summary>
public sealed class StageMessageTests(BrowserFixture browser)
{
    private static readonly ViewportSize FullHd = new() { Width = 1920, Height = 1080 };

    [Fact]
    public async Task WrapUpGoesWithTheSegmentAPinnedMessageStaysAndALongOneFitsTheScreen()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("stage-messages", async () =>
        {
            var stage = await live.OpenAsync("stage", FullHd);
            var onsite = await live.OpenAsync("onsiteModerator");
            var banner = stage.Locator(".stage-banner");
            await View.Button(onsite, "Start").ClickAsync();
            // Started, the clock's controls take two rows and move the presets down: tap them after that.
            await Expect(View.Button(onsite, "End session")).ToBeVisibleAsync();

            // One tap sends a ready-made message; it is marked as just arrived, then the mark goes.
            await View.Button(onsite.Locator(".stage-presets"), "Wrap up").ClickAsync();
            await Expect(banner).ToHaveTextAsync("Wrap up");
            await Expect(banner).ToHaveAttributeAsync("data-arrived", "true");
            await Expect(banner).Not.ToHaveAttributeAsync("data-arrived", "true", new() { Timeout = 10_000 });
            await Expect(onsite.Locator(".stage-current")).ToHaveTextAsync("On the stage display now: “Wrap up”");

            // The next segment starts clean: the next speaker never sees the last one's "Wrap up".
            await View.Button(onsite, "Next segment").ClickAsync();
            await Expect(stage.Locator(".clock-segment")).ToContainTextAsync("2/6");
            await Expect(banner).ToBeHiddenAsync();
            await Expect(onsite.Locator(".stage-current")).ToHaveTextAsync("No message on the stage display.");

            // Pinned, it stays across the change.
            await onsite.GetByLabel("Keep it on screen when the segment or speaker changes", new() { Exact = true }).CheckAsync();
            await View.Button(onsite.Locator(".stage-presets"), "Speak closer to the microphone").ClickAsync();
            await Expect(banner).ToHaveTextAsync("Speak closer to the microphone");
            await View.Button(onsite, "Next segment").ClickAsync();
            await Expect(stage.Locator(".clock-segment")).ToContainTextAsync("3/6");
            await Expect(banner).ToHaveTextAsync("Speak closer to the microphone");
            await Expect(onsite.Locator(".stage-current")).ToContainTextAsync("kept across segments");

            // A message at the length limit is shrunk until it fits its box, under the clock, on screen.
            var longest = "Please wrap up now: the next speaker is waiting, the room is booked right after this session and remote participants still have questions!!!";
            Assert.Equal(140, longest.Length);
            await onsite.GetByLabel("Message shown on the stage display", new() { Exact = true }).FillAsync(longest);
            await View.Button(onsite, "Send to stage").ClickAsync();
            await Expect(banner).ToHaveTextAsync(longest);
            var fits = await banner.EvaluateAsync<bool>("(b) => b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth + 1");
            Assert.True(fits, "The message overflows its box.");
            var box = await banner.BoundingBoxAsync();
            var clock = await stage.Locator("[data-clock='segment']").BoundingBoxAsync();
            Assert.True(box!.Y + box.Height <= FullHd.Height && box.Y >= clock!.Y + clock.Height, $"The message is at y={box.Y:0}..{box.Y + box.Height:0}, the clock ends at {clock!.Y + clock.Height:0}.");
            await Artifacts.ScreenshotAsync(stage, "stage-long-message-1080p");
            Assert.Empty(live.PageErrors);
        });
    }
}
