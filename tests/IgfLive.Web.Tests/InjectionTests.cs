using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// Markup typed by anyone — a participant's question, a name, a note, a stage message — appears
/// as the literal characters typed, on every view and in the report preview, and never runs.
/// The check looks for the elements an HTML parse would create, so it holds even though the
/// Content-Security-Policy would also stop an injected script.
/// </summary>
public sealed class InjectionTests(BrowserFixture browser)
{
    private const string ImagePayload = "<img src=x onerror=alert(1)>";
    private const string ScriptPayload = "<script>alert(1)</script>";

    [Fact]
    public async Task MarkupInQuestionsNotesAndMessagesIsShownAsTextAndNeverRuns()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("injection", async () =>
        {
            var onsite = await live.OpenAsync("onsiteModerator");
            var online = await live.OpenAsync("onlineModerator");
            var rapporteur = await live.OpenAsync("rapporteur");
            var stage = await live.OpenAsync("stage", BrowserSession.Projector);
            var mallory = await live.OpenAsync("participant", BrowserSession.Phone);
            var other = await live.OpenAsync("participant");
            IPage[] pages = [onsite, online, rapporteur, stage, mallory, other];

            var question = $"{ImagePayload} and {ScriptPayload} — is this safe?";
            await mallory.GetByLabel("Your question", new() { Exact = true }).FillAsync(question);
            await mallory.GetByLabel("Name", new() { Exact = true }).FillAsync(ScriptPayload);
            await mallory.GetByLabel("Organisation", new() { Exact = true }).FillAsync(ImagePayload);
            await View.Button(mallory, "Send question").ClickAsync();

            var card = View.Question(online, "is this safe?");
            await Expect(card.Locator(".q-text")).ToHaveTextAsync(question);
            await Expect(card.Locator(".q-meta")).ToContainTextAsync($"{ScriptPayload} · {ImagePayload}");
            await View.Button(card, "Approve").ClickAsync();
            await View.Button(card, "Send to room").ClickAsync();
            await View.Button(View.Question(onsite, "is this safe?"), "Ask now").ClickAsync();
            await Expect(other.Locator(".live .live-text")).ToHaveTextAsync(question);
            await Expect(mallory.Locator(".mine .q-text")).ToHaveTextAsync(question);

            var note = rapporteur.GetByLabel("Note", new() { Exact = true });
            await note.FillAsync($"Note with {ScriptPayload} and {ImagePayload}");
            await note.PressAsync("Enter");
            await Expect(rapporteur.Locator(".notes .note-text")).ToHaveTextAsync($"Note with {ScriptPayload} and {ImagePayload}");
            var preview = rapporteur.GetByTestId("report-preview");
            await Expect(preview).ToContainTextAsync($"Note with {ScriptPayload} and {ImagePayload}");
            await Expect(preview).ToContainTextAsync(question);

            await onsite.GetByLabel("Message shown on the stage display", new() { Exact = true }).FillAsync(ImagePayload);
            await View.Button(onsite, "Send to stage").ClickAsync();
            await Expect(stage.Locator(".stage-banner")).ToHaveTextAsync(ImagePayload);

            foreach (var page in pages)
            {
                Assert.Equal(0, await View.InjectedElementsAsync(page));
            }
            Assert.Empty(live.Dialogs);
            Assert.Empty(live.PageErrors);
        });
    }
}
