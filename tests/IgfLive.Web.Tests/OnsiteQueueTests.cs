using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>The onsite moderator's queue of forwarded questions: dropping one the room has already covered.</summary>
public sealed class OnsiteQueueTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheOnsiteModeratorDropsAForwardedQuestionInTwoStepsAndItsAuthorAndTheConsoleSeeWhy()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("onsite-drop", async () =>
        {
            var online = await live.OpenAsync("onlineModerator");
            var onsite = await live.OpenAsync("onsiteModerator");
            var asker = await live.OpenAsync("participant", BrowserSession.Phone);
            string[] asked = ["Who audits the algorithms?", "How do small states take part?"];
            foreach (var text in asked)
            {
                await asker.GetByLabel("Your question", new() { Exact = true }).FillAsync(text);
                await View.Button(asker, "Send question").ClickAsync();
                await View.Button(View.Question(online, text), "Approve").ClickAsync();
                await View.Button(View.Question(online, text), "Send to room").ClickAsync();
            }
            var queue = onsite.Locator(".queue li.q .q-text");
            await Expect(queue).ToHaveTextAsync(asked);

            // The first step only asks why; Escape keeps the question and returns to its Drop button.
            var first = onsite.Locator(".queue li.q", new() { HasText = asked[0] });
            await View.Button(first, "Drop").ClickAsync();
            await Expect(View.Button(first, "Already covered in the room")).ToBeFocusedAsync();
            await Expect(View.Button(first, "Drop")).ToHaveAttributeAsync("aria-expanded", "true");
            await onsite.Keyboard.PressAsync("Escape");
            await Expect(View.Button(first, "Already covered in the room")).ToHaveCountAsync(0);
            await Expect(View.Button(first, "Drop")).ToBeFocusedAsync();
            await Expect(queue).ToHaveTextAsync(asked);

            await View.Button(first, "Drop").ClickAsync();
            await Artifacts.ScreenshotAsync(onsite, "onsite-drop-choice");
            await View.Button(first, "Already covered in the room").ClickAsync();
            await Expect(queue).ToHaveTextAsync([asked[1]]);
            await Expect(onsite.Locator(".message.ok")).ToHaveTextAsync("Question dropped.");
            await Expect(onsite.Locator("#h-queue")).ToBeFocusedAsync();

            // The console lists it as closed with the reason, and its author reads the reason.
            await Expect(online.Locator(".closed li.q", new() { HasText = asked[0] })).ToContainTextAsync("Already covered in the room");
            var mine = asker.Locator(".mine li.q", new() { HasText = asked[0] });
            await Expect(mine.Locator(".q-status")).ToHaveTextAsync("Not taken");
            await Expect(mine.Locator(".q-reason")).ToHaveTextAsync("Reason: Already covered in the room");
            Assert.Empty(live.PageErrors);
        });
    }
}
