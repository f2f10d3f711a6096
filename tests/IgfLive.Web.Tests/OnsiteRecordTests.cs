using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>A question the onsite moderator records from the floor goes straight to the room's queue (or is asked at once), never to the online moderator's.</summary>
public sealed class OnsiteRecordTests(BrowserFixture browser)
{
    [Fact]
    public async Task AFloorQuestionRecordedOnsiteLandsInTheRoomsQueueAndCanBeAskedAtOnce()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("onsite-record", async () =>
        {
            var online = await live.OpenAsync("onlineModerator");
            var onsite = await live.OpenAsync("onsiteModerator");
            await onsite.Locator("summary", new() { HasText = "Record a question" }).ClickAsync();
            var text = onsite.GetByLabel("Question", new() { Exact = true });

            await text.FillAsync("From the floor: what about small businesses?");
            await View.Button(onsite, "Add to the room’s queue").ClickAsync();
            await Expect(onsite.Locator(".queue li.q", new() { HasText = "small businesses" })).ToBeVisibleAsync();
            await Expect(onsite.Locator(".messages .message.ok")).ToHaveTextAsync("Question added to the room’s queue.");
            await Expect(online.Locator(".forwarded li.q", new() { HasText = "small businesses" })).ToBeVisibleAsync();
            await Expect(online.Locator(".queue li.q")).ToHaveCountAsync(0);
            await Expect(text).Not.ToBeFocusedAsync();

            await text.FillAsync("From the floor: who enforces this?");
            await View.Button(onsite, "Add and ask now").ClickAsync();
            await Expect(onsite.Locator(".live-panel .live-text")).ToHaveTextAsync("From the floor: who enforces this?");
            // One question at a time: while it is asked, "Add and ask now" waits, and says why.
            await Expect(View.Button(onsite, "Add and ask now")).ToBeDisabledAsync();
            await Expect(View.Button(onsite, "Add and ask now")).ToHaveAccessibleDescriptionAsync("“Add and ask now” waits until the question being asked is marked answered.");
            await Expect(online.Locator(".forwarded li.q[data-status='live']")).ToContainTextAsync("who enforces this?");
            Assert.Empty(live.PageErrors);
        });
    }
}
