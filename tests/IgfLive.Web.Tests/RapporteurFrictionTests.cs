using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The rapporteur's keys behave the same everywhere, a one-off kind does not stick, a question
/// already in the notes says so, and notes written while the server is away wait on the device and
/// are sent, in order and once each, when it is back.
/// </summary>
public sealed class RapporteurFrictionTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheKindGoesBackToPointEnterSavesAnEditAndAPromotedQuestionSaysSo()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("rapporteur-keys", async () =>
        {
            await Backstage.AskAsync(live, forward: false, "Who audits the algorithms that set prices?");
            var rapporteur = await live.OpenAsync("rapporteur");
            var note = rapporteur.GetByLabel("Note", new() { Exact = true });

            await rapporteur.Keyboard.PressAsync("Alt+2");
            await note.FillAsync("Publish a code of conduct.");
            await note.PressAsync("Enter");
            await Expect(rapporteur.Locator(".notes li").First.Locator(".kind")).ToHaveTextAsync("Call to action");
            await Expect(rapporteur.GetByLabel("Point (Alt+3)", new() { Exact = true })).ToBeCheckedAsync();
            await note.FillAsync("Platforms share data on request.");
            await note.PressAsync("Enter");
            await Expect(rapporteur.Locator(".notes li").First.Locator(".kind")).ToHaveTextAsync("Point");

            // Editing: Enter saves there too, Shift+Enter still starts a line.
            var item = rapporteur.Locator(".notes li").First;
            await View.Button(item, "Edit").ClickAsync();
            var editor = item.GetByLabel("Note", new() { Exact = true });
            await editor.FillAsync("Platforms share data");
            await editor.PressAsync("Shift+Enter");
            await editor.PressSequentiallyAsync("on request only.");
            await editor.PressAsync("Enter");
            await Expect(item.Locator(".note-text")).ToHaveTextAsync("Platforms share data\non request only.");
            await Expect(item.Locator(".q-editor form")).ToHaveCountAsync(0);

            // A question turned into a note says so, and offers another note rather than the same one again.
            var question = rapporteur.Locator(".rq li.q", new() { HasText = "Who audits the algorithms" });
            await Expect(question.Locator(".q-noted")).ToBeHiddenAsync();
            await View.Button(question, "Make a note").ClickAsync();
            await View.Button(question.Locator("form"), "Make a note").ClickAsync();
            await Expect(question.Locator(".q-noted")).ToHaveTextAsync("Already in the notes (n3).");
            await Expect(View.Button(question, "Add another note")).ToBeVisibleAsync();
            Assert.Empty(live.PageErrors);
        });
    }

    [Fact]
    public async Task NotesWrittenWhileTheServerIsAwayAreSentInOrderOnceEachWhenItIsBack()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("rapporteur-outbox", async () =>
        {
            var rapporteur = await live.OpenAsync("rapporteur");
            var note = rapporteur.GetByLabel("Note", new() { Exact = true });
            await note.FillAsync("Before the outage.");
            await note.PressAsync("Enter");
            await Expect(rapporteur.Locator(".notes li")).ToHaveCountAsync(1);

            string[] offline = ["First while offline.", "Second while offline.", "Third while offline."];
            await live.RestartServerAsync(whileDown: async () =>
            {
                await Expect(rapporteur.Locator(".conn")).ToHaveAttributeAsync("data-state", "reconnecting");
                foreach (var text in offline)
                {
                    await note.FillAsync(text);
                    await note.PressAsync("Enter");
                    await Expect(note).ToHaveValueAsync(string.Empty);
                }
                await Expect(rapporteur.Locator(".outbox")).ToContainTextAsync("3 notes not sent yet");
                await Expect(rapporteur.Locator(".outbox li")).ToHaveTextAsync(offline.Select(t => $"Point: {t}").ToArray());
                await Artifacts.ScreenshotAsync(rapporteur, "rapporteur-outbox-offline");
                // The laptop is shut before the server is back: the notes live on the device, not in the page.
                await rapporteur.CloseAsync();
            });

            var reopened = await live.OpenAsync("rapporteur", device: rapporteur.Context);
            await Expect(reopened.Locator(".outbox")).ToBeHiddenAsync();
            // Newest first in the list: the three in the order written, after the one from before, each once.
            await Expect(reopened.Locator(".notes li .note-text")).ToHaveTextAsync(offline.Reverse().Append("Before the outage.").ToArray());
            Assert.Empty(live.PageErrors);
        });
    }

    [Fact]
    public async Task TheReportReadsCleanlyWhenPastedAndCopiesAsPlainText()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("report-paste", async () =>
        {
            await Backstage.AskAsync(live, forward: false, "How will the Q&A be recorded (and published)?");
            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            await device.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = live.Server.Address.GetLeftPart(UriPartial.Authority) });
            var rapporteur = await live.OpenAsync("rapporteur", device: device);
            var note = rapporteur.GetByLabel("Note", new() { Exact = true });
            await rapporteur.Keyboard.PressAsync("Alt+1");
            await note.FillAsync("Data sharing must be privacy-preserving.");
            await note.PressAsync("Shift+Enter");
            await note.PressSequentiallyAsync("Platforms (not users) carry the cost.");
            await note.PressAsync("Enter");
            var preview = rapporteur.GetByTestId("report-preview");
            await Expect(preview).ToContainTextAsync("Platforms (not users) carry the cost.");

            var download = await rapporteur.RunAndWaitForDownloadAsync(() => View.Button(rapporteur, "Download report (Markdown)").ClickAsync());
            var path = Path.Combine(Artifacts.Downloads, "report-paste.md");
            await download.SaveAsAsync(path);
            var markdown = await File.ReadAllTextAsync(path);
            Assert.Contains("Data sharing must be privacy-preserving.", markdown, StringComparison.Ordinal);
            Assert.Contains("How will the Q&A be recorded (and published)?", markdown, StringComparison.Ordinal);
            foreach (var noise in new[] { "\\-", "\\.", "\\(", "&amp;", "<br>" })
            {
                Assert.DoesNotContain(noise, markdown, StringComparison.Ordinal);
            }

            // The preview draws the two lines of the note as two lines, and copies as plain text.
            await Expect(preview.Locator("li", new() { HasText = "privacy-preserving." }).Locator("br")).ToHaveCountAsync(1);
            await View.Button(rapporteur, "Copy as plain text").ClickAsync();
            await Expect(rapporteur.Locator(".messages .message.ok")).ToHaveTextAsync("The report is on the clipboard as plain text.");
            var text = await rapporteur.EvaluateAsync<string>("() => navigator.clipboard.readText()");
            Assert.Contains("Data sharing must be privacy-preserving.\nPlatforms (not users) carry the cost.", text, StringComparison.Ordinal);
            Assert.Contains("How will the Q&A be recorded (and published)?", text, StringComparison.Ordinal);
            Assert.DoesNotContain("##", text, StringComparison.Ordinal);
            Assert.DoesNotContain("|", text, StringComparison.Ordinal);
        });
    }
}
