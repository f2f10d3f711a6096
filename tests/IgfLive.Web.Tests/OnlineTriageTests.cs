using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// Triage at speed in the online console: incoming questions beside the queue (not above it), long
/// questions on the card's whole width, search and order, approve and send to the room in one step,
/// and single keys that act on the focused question and keep the focus on the next one.
/// </summary>
public sealed class OnlineTriageTests(BrowserFixture browser)
{
    private const string Long = "How should platforms that match supply and demand in rural areas of developing countries be taxed, and who should enforce consumer protection when the platform, the provider and the customer are in three different jurisdictions?";

    [Fact]
    public async Task SixIncomingQuestionsAreTriagedFromTheKeyboardWithoutLosingTheQueueOrTheFocus()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("online-triage", async () =>
        {
            string[] texts = [Long, "Who audits the algorithms?", "Is there a rural broadband plan?", "What do platforms owe their workers?", "Can cities demand data?", "Who pays for interoperability?"];
            await Backstage.SubmitAsync(live, texts);
            var online = await live.OpenAsync("onlineModerator");
            var incoming = online.Locator(".incoming li.q");
            await Expect(incoming).ToHaveCountAsync(6);

            // The queue sits beside the incoming questions, on the first screen.
            var queueHeading = await online.Locator("#queue").BoundingBoxAsync();
            Assert.True(queueHeading!.Y + queueHeading.Height <= BrowserSession.Desktop.Height, $"The online queue starts at y={queueHeading.Y:0}.");
            var words = await View.Question(online, "rural areas").Locator(".q-text").BoundingBoxAsync();
            Assert.True(words!.Width >= 450, $"A long question gets {words.Width:0} px of width.");
            await Artifacts.ScreenshotAsync(online, "online-triage");

            // Search narrows every list; the order puts the newest first.
            var search = online.GetByLabel("Search questions", new() { Exact = true });
            await search.FillAsync("rural");
            await Expect(incoming).ToHaveCountAsync(2);
            await Expect(online.Locator(".triage-filter .hint")).ToHaveTextAsync("2 of 6 questions shown.");
            await search.FillAsync(string.Empty);
            await online.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync("newest");
            await Expect(incoming.First.Locator(".q-text")).ToHaveTextAsync(texts[^1]);
            await online.GetByLabel("Order", new() { Exact = true }).SelectOptionAsync("oldest");

            // Keys act on the focused question; approving keeps the focus in the list, on the next one.
            await online.Keyboard.PressAsync("Escape");
            await Expect(online.Locator(".online-tools .shortcuts")).ToHaveAttributeAsync("data-state", "on");
            await online.Keyboard.PressAsync("j");
            await Expect(incoming.First).ToBeFocusedAsync();
            await online.Keyboard.PressAsync("a");
            await Expect(online.Locator(".queue li.q .q-text")).ToHaveTextAsync([Long]);
            await Expect(View.Question(online, texts[1])).ToBeFocusedAsync();
            await online.Keyboard.PressAsync("ArrowDown");
            await Expect(View.Question(online, texts[2])).ToBeFocusedAsync();

            // "Approve & send to room": one step, by button or by S.
            await online.Keyboard.PressAsync("s");
            await Expect(online.Locator(".forwarded li.q", new() { HasText = texts[2] })).ToBeVisibleAsync();
            await Expect(View.Question(online, texts[3])).ToBeFocusedAsync();
            await View.Button(View.Question(online, texts[3]), "Approve & send to room").ClickAsync();
            await Expect(online.Locator(".forwarded li.q", new() { HasText = texts[3] })).ToBeVisibleAsync();
            await Expect(online.Locator(".queue li.q")).ToHaveCountAsync(1);

            // R opens the reject editor on the focused question; keys typed there are words, not shortcuts.
            await View.Question(online, texts[4]).FocusAsync();
            await online.Keyboard.PressAsync("r");
            var reason = online.GetByLabel("Reason for the author", new() { Exact = true });
            await Expect(reason).ToBeFocusedAsync();
            await online.Keyboard.TypeAsync("same as another");
            await Expect(reason).ToHaveValueAsync("same as another");
            await Expect(incoming).ToHaveCountAsync(3);
            Assert.Empty(live.PageErrors);
        });
    }
}
