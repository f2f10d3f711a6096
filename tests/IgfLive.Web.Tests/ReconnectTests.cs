using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The server is killed and started again on the same data and port while every view is open:
/// each page shows that it is offline and refuses commands, reconnects by itself, and ends up
/// showing exactly what a freshly opened page shows.
/// </summary>
public sealed class ReconnectTests(BrowserFixture browser)
{
    private const string Question = "Does this survive a restart?";

    /// <summary>Each view, and something of the session's history it must show.</summary>
    private static readonly (string Role, ViewportSize Viewport, string Shows)[] Views =
    [
        ("onsiteModerator", BrowserSession.Desktop, Question),
        ("onlineModerator", BrowserSession.Desktop, Question),
        ("rapporteur", BrowserSession.Desktop, "Durability matters."),
        ("stage", BrowserSession.Projector, "Two minutes"),
        ("participant", BrowserSession.Desktop, Question),
        ("participant", BrowserSession.Phone, Question),
    ];

    [Fact]
    public async Task EveryPageReconnectsByItselfAfterAServerRestartAndShowsWhatAFreshPageShows()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("reconnect", async () =>
        {
            var devices = new List<IBrowserContext>();
            var pages = new List<IPage>();
            foreach (var (role, viewport, _) in Views)
            {
                var device = await live.NewDeviceAsync(viewport);
                devices.Add(device);
                pages.Add(await live.OpenAsync(role, device: device));
            }
            var (onsite, online, rapporteur, alice) = (pages[0], pages[1], pages[2], pages[4]);

            // Some history: a running clock, a question in the room's queue, a note, a stage message.
            await View.Button(onsite, "Start").ClickAsync();
            await alice.GetByLabel("Your question", new() { Exact = true }).FillAsync(Question);
            await View.Button(alice, "Send question").ClickAsync();
            await View.Button(View.Question(online, Question), "Approve").ClickAsync();
            await View.Button(View.Question(online, Question), "Send to room").ClickAsync();
            await Expect(View.Question(onsite, Question)).ToBeVisibleAsync();
            var note = rapporteur.GetByLabel("Note", new() { Exact = true });
            await note.FillAsync("Durability matters.");
            await note.PressAsync("Enter");
            await Expect(rapporteur.Locator(".notes li")).ToHaveCountAsync(1);
            await onsite.GetByLabel("Message shown on the stage display", new() { Exact = true }).FillAsync("Two minutes");
            await View.Button(onsite, "Send to stage").ClickAsync();
            await Expect(pages[3].Locator(".stage-banner")).ToHaveTextAsync("Two minutes");

            await live.RestartServerAsync(whileDown: async () =>
            {
                foreach (var page in pages)
                {
                    await Expect(page.Locator(".conn")).ToHaveAttributeAsync("data-state", "reconnecting");
                }
                // Offline, commands are refused where people can see it: buttons off, a banner, a message.
                await Expect(View.Button(onsite, "Next segment")).ToBeDisabledAsync();
                await alice.GetByLabel("Your question", new() { Exact = true }).FocusAsync();
                await Expect(View.Button(alice, "Send question")).ToBeDisabledAsync();
                await Expect(onsite.Locator(".offline-banner")).ToBeVisibleAsync();
                await onsite.Locator("body").PressAsync("n");
                await Expect(onsite.Locator(".messages [role='alert']")).ToContainTextAsync("Not connected: this was not sent");
                // A note is the one thing that can wait: it stays on the device until the server is back.
                await note.FillAsync("Typed while offline.");
                await note.PressAsync("Enter");
                await Expect(rapporteur.Locator(".outbox")).ToContainTextAsync("Typed while offline.");
            });

            foreach (var page in pages)
            {
                await View.WaitConnectedAsync(page);
            }
            await Expect(onsite.Locator(".offline-banner")).ToBeHiddenAsync();
            await Expect(View.Button(onsite, "Next segment")).ToBeEnabledAsync();
            // What failed for the connection goes when it is back, and the page says so.
            await Expect(onsite.Locator(".messages [role='alert']")).ToHaveCountAsync(0);
            await Expect(onsite.Locator(".messages .message.ok")).ToHaveTextAsync("The connection is back.");
            await Expect(rapporteur.Locator(".outbox")).ToBeHiddenAsync();
            await Expect(rapporteur.Locator(".notes li")).ToHaveCountAsync(2);

            // A page opened now, on the same device (same participant identity), shows the same state.
            for (var i = 0; i < pages.Count; i++)
            {
                var fresh = await live.OpenAsync(Views[i].Role, device: devices[i]);
                // Connected is not drawn: wait for the fresh page's first clock frame before reading it.
                await fresh.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-clock]')].every((c) => c.dataset.renderedAt)");
                var expected = await View.StateTextAsync(fresh);
                Assert.Contains(Views[i].Shows, expected, StringComparison.Ordinal);
                Assert.Equal(expected, await View.StateTextAsync(pages[i]));
                await fresh.CloseAsync();
            }

            // And the reconnected pages work: the command refused offline goes through now.
            await onsite.Locator("body").PressAsync("n");
            await Expect(onsite.Locator(".clock-segment")).ToContainTextAsync("2/6");
            await Expect(View.Question(alice, Question).Locator(".q-status")).ToHaveTextAsync("Sent to the room");
            Assert.Empty(live.Dialogs);
            Assert.Empty(live.PageErrors);
        });
    }
}
