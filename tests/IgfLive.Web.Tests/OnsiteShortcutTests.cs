using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The onsite moderator's single-key shortcuts act on the clock only when focus is on the page, never
/// from a form control (radios and checkboxes included), and the view says when they are off.
/// </summary>
public sealed class OnsiteShortcutTests(BrowserFixture browser)
{
    [Fact]
    public async Task KeysPressedInAFormNeverMoveTheClockAndSendingAStageMessageHandsTheKeysBack()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("onsite-shortcuts", async () =>
        {
            var onsite = await live.OpenAsync("onsiteModerator");
            var hint = onsite.Locator(".controls .shortcuts");
            await View.Button(onsite, "Start").ClickAsync();
            await Expect(onsite.Locator(".clock-segment")).ToContainTextAsync("1/6");
            await Expect(hint).ToHaveAttributeAsync("data-state", "on");

            // On the channel radios of "Record a question": arrows and Space operate the radios, nothing else.
            await onsite.Locator("summary", new() { HasText = "Record a question" }).ClickAsync();
            await onsite.GetByLabel("The floor (in the room)", new() { Exact = true }).FocusAsync();
            await Expect(hint).ToHaveAttributeAsync("data-state", "off");
            await Expect(hint).ToHaveTextAsync("Keyboard shortcuts are off while you are in a form field. Press Esc to leave it.");
            foreach (var key in new[] { "ArrowRight", "Space", "n", "p", "s", "-" })
            {
                await onsite.Keyboard.PressAsync(key);
            }
            await Expect(onsite.GetByLabel("The video-call chat", new() { Exact = true })).ToBeCheckedAsync();
            // A command sent after the keys: had any of them sent one, it would have been applied before this.
            await View.Button(onsite, "+1 min").ClickAsync();
            await Expect(onsite.Locator(".agenda-list li").First).ToContainTextAsync("→ 6 min");
            await Expect(onsite.Locator(".clock-segment")).ToContainTextAsync("1/6");
            await Expect(onsite.Locator(".clock")).ToHaveAttributeAsync("data-status", "running");

            // After a stage message is sent, focus has left its box: the next N is a shortcut, not a letter.
            var box = onsite.GetByLabel("Message shown on the stage display", new() { Exact = true });
            await box.FillAsync("Wrap up");
            await Expect(hint).ToHaveAttributeAsync("data-state", "off");
            await box.PressAsync("Enter");
            await Expect(onsite.Locator(".stage-current")).ToContainTextAsync("Wrap up");
            await Expect(box).Not.ToBeFocusedAsync();
            await Expect(hint).ToHaveAttributeAsync("data-state", "on");
            await onsite.Keyboard.PressAsync("n");
            await Expect(onsite.Locator(".clock-segment")).ToContainTextAsync("2/6");
            await Expect(box).ToHaveValueAsync("");

            // Escape leaves a plain field and gives the keys back.
            await box.FocusAsync();
            await onsite.Keyboard.PressAsync("Escape");
            await Expect(box).Not.ToBeFocusedAsync();
            await Expect(hint).ToHaveAttributeAsync("data-state", "on");
            await onsite.Keyboard.PressAsync("p");
            await Expect(onsite.Locator(".clock-segment")).ToContainTextAsync("1/6");
            Assert.Empty(live.PageErrors);
        });
    }
}
