using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>The online moderator's triage in the browser: reorder by keyboard and by drag, edit keeping the original, merge duplicates.</summary>
public sealed class OnlineConsoleTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheOnlineModeratorReordersByKeyboardAndDragEditsAndMergesAndTheRoomSeesTheResult()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("online-console", async () =>
        {
            var online = await live.OpenAsync("onlineModerator");
            var onsite = await live.OpenAsync("onsiteModerator");
            var participant = await live.OpenAsync("participant", BrowserSession.Phone);
            string[] asked = ["Alpha: open data?", "Bravo: rural users?", "Charlie: who enforces?", "Alpha again: open data please?"];
            foreach (var text in asked)
            {
                await participant.GetByLabel("Your question", new() { Exact = true }).FillAsync(text);
                await View.Button(participant, "Send question").ClickAsync();
                await Expect(View.Question(online, text)).ToBeVisibleAsync();
            }
            foreach (var text in asked[..3])
            {
                await View.Button(View.Question(online, text), "Approve").ClickAsync();
            }
            var queue = online.Locator(".queue li.q .q-text");
            await Expect(queue).ToHaveTextAsync(asked[..3]);

            // Keyboard: Charlie moves up with Alt+↑ from its card, then once more with its button.
            var charlie = View.Question(online, "Charlie");
            await View.Button(charlie, "Move up").FocusAsync();
            await online.Keyboard.PressAsync("Alt+ArrowUp");
            await Expect(queue).ToHaveTextAsync([asked[0], asked[2], asked[1]]);
            await Expect(View.Button(charlie, "Move up")).ToBeFocusedAsync();
            await online.Keyboard.PressAsync("Enter");
            await Expect(queue).ToHaveTextAsync([asked[2], asked[0], asked[1]]);

            // Drag: Bravo is dropped on top of Charlie.
            await View.Question(online, "Bravo").DragToAsync(charlie, new LocatorDragToOptions { TargetPosition = new() { X = 20, Y = 5 } });
            await Expect(queue).ToHaveTextAsync([asked[1], asked[2], asked[0]]);

            // Edit keeps the original; the duplicate is merged into Alpha, carrying its votes.
            var alpha = View.Question(online, "Alpha: open data?");
            await View.Button(alpha, "Edit").ClickAsync();
            await alpha.GetByLabel("Wording", new() { Exact = true }).FillAsync("Alpha: how should platforms open their data?");
            await View.Button(alpha, "Save").ClickAsync();
            var edited = View.Question(online, "how should platforms open their data?");
            await Expect(edited.Locator(".q-original")).ToHaveTextAsync("Original wording: Alpha: open data?");
            var duplicate = View.Question(online, "Alpha again");
            await View.Button(duplicate, "Merge").ClickAsync();
            await duplicate.GetByLabel("Merge into", new() { Exact = true }).SelectOptionAsync("q1");
            await duplicate.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();
            await Expect(online.Locator(".incoming li.q")).ToHaveCountAsync(0);
            await Expect(online.Locator(".closed li.q", new() { HasText = "Alpha again" })).ToContainTextAsync("→ q1");
            await Expect(participant.Locator(".mine li.q", new() { HasText = "Alpha again" }).Locator(".q-status")).ToHaveTextAsync("Merged with a similar question");

            // Sent to the room in the new order, the onsite moderator gets them in that order.
            foreach (var text in new[] { "Bravo", "Charlie", "how should platforms" })
            {
                await View.Button(View.Question(online, text), "Send to room").ClickAsync();
            }
            await Expect(onsite.Locator(".queue li.q .q-text")).ToHaveTextAsync([asked[1], asked[2], "Alpha: how should platforms open their data?"]);
            await Expect(participant.Locator(".audience li.q", new() { HasText = "how should platforms open their data?" })).ToBeVisibleAsync();
            Assert.Empty(live.PageErrors);
        });
    }

    [Fact]
    public async Task AMergedDuplicatesVotesShowOnTheQuestionItJoinedInEveryView()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("merge-votes", async () =>
        {
            var online = await live.OpenAsync("onlineModerator");
            var asker = await live.OpenAsync("participant", BrowserSession.Phone);
            var voter = await live.OpenAsync("participant", BrowserSession.Phone);
            const string kept = "Who pays for rural broadband?", duplicate = "Who funds broadband in rural areas?";
            foreach (var text in new[] { kept, duplicate })
            {
                await asker.GetByLabel("Your question", new() { Exact = true }).FillAsync(text);
                await View.Button(asker, "Send question").ClickAsync();
                await View.Button(View.Question(online, text), "Approve").ClickAsync();
            }
            await View.Button(voter.Locator(".audience li.q", new() { HasText = duplicate }), "Upvote · 0").ClickAsync();
            await Expect(View.Question(online, duplicate)).ToContainTextAsync("1 vote");

            var card = View.Question(online, duplicate);
            await View.Button(card, "Merge").ClickAsync();
            await card.GetByLabel("Merge into", new() { Exact = true }).SelectOptionAsync("q1");
            await card.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();

            // The voter's vote now counts for the question the duplicate joined, on every screen at once.
            await Expect(online.Locator(".queue li.q[data-id='q1']")).ToContainTextAsync(kept);
            await Expect(online.Locator(".queue li.q[data-id='q1']")).ToContainTextAsync("1 vote");
            var votersButton = voter.Locator(".audience li.q", new() { HasText = kept }).Locator("button.vote");
            await Expect(votersButton).ToHaveTextAsync("Upvoted · 1");
            await Expect(votersButton).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(asker.Locator(".audience li.q", new() { HasText = kept }).Locator(".q-own")).ToHaveTextAsync("Your question · 1 vote");
            Assert.Empty(live.PageErrors);
        });
    }
}
