using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>The rapporteur's pane from the keyboard: kinds by shortcut, multi-line notes, edit, delete and restore, all reflected in the report preview.</summary>
public sealed class RapporteurTests(BrowserFixture browser)
{
    [Fact]
    public async Task NotesAreTypedEditedDeletedAndRestoredFromTheKeyboardAndTheReportFollows()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("rapporteur", async () =>
        {
            var onsite = await live.OpenAsync("onsiteModerator");
            var rapporteur = await live.OpenAsync("rapporteur");
            await View.Button(onsite, "Start").ClickAsync();
            await Expect(rapporteur.Locator(".tied")).ToHaveTextAsync("Tied to: 1. Opening");

            var note = rapporteur.GetByLabel("Note", new() { Exact = true });
            await Expect(note).ToBeFocusedAsync();
            await rapporteur.Keyboard.PressAsync("Alt+2");
            await Expect(rapporteur.GetByLabel("Call to action (Alt+2)", new() { Exact = true })).ToBeCheckedAsync();
            await note.PressSequentiallyAsync("Publish a code of conduct");
            await note.PressAsync("Shift+Enter");
            await note.PressSequentiallyAsync("by IGF 2018.");
            await note.PressAsync("Enter");
            var item = rapporteur.Locator(".notes li").First;
            await Expect(item.Locator(".note-text")).ToHaveTextAsync("Publish a code of conduct\nby IGF 2018.");
            await Expect(item.Locator(".kind")).ToHaveTextAsync("Call to action");
            await Expect(note).ToHaveValueAsync(string.Empty);
            var preview = rapporteur.GetByTestId("report-preview");
            await Expect(preview).ToContainTextAsync("Publish a code of conduct");

            // Edit: a quote now, with new words.
            await View.Button(item, "Edit").ClickAsync();
            await item.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("Quote");
            await item.GetByLabel("Note", new() { Exact = true }).FillAsync("Sharing needs trust.");
            await View.Button(item, "Save").ClickAsync();
            await Expect(item.Locator(".note-text")).ToHaveTextAsync("Sharing needs trust.");
            await Expect(item.Locator(".kind")).ToHaveTextAsync("Quote");
            await Expect(preview).ToContainTextAsync("“Sharing needs trust.”");
            await Expect(preview).Not.ToContainTextAsync("Publish a code of conduct");

            // Delete takes it out of the report; restore brings it back.
            await View.Button(item, "Delete").ClickAsync();
            await Expect(item.Locator(".kind")).ToHaveTextAsync("Quote · deleted");
            await Expect(preview).Not.ToContainTextAsync("Sharing needs trust.");
            await View.Button(item, "Restore").ClickAsync();
            await Expect(item.Locator(".kind")).ToHaveTextAsync("Quote");
            await Expect(preview).ToContainTextAsync("Sharing needs trust.");

            // A note typed in the next segment is tied to it.
            await onsite.Keyboard.PressAsync("n");
            await Expect(rapporteur.Locator(".tied")).ToContainTextAsync("Tied to: 2.");
            await note.FillAsync("Second segment point.");
            await note.PressAsync("Enter");
            await Expect(rapporteur.Locator(".notes li").First).ToContainTextAsync("2. Formal Presentations");
            Assert.Empty(live.PageErrors);
            Assert.Empty(live.ConsoleErrors);
        });
    }
}
