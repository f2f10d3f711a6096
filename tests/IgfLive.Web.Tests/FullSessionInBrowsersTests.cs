using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The seed workshop run in six browser pages at once against the real server: a question travels
/// from a participant's phone to the online moderator, to the room, is asked and answered; the
/// rapporteur's notes reach the report preview and the report downloads.
/// </summary>
public sealed class FullSessionInBrowsersTests(BrowserFixture browser)
{
    private const string Question = "How should platforms share data with city regulators?";

    [Fact]
    public async Task AQuestionTravelsFromAPhoneToTheRoomAndTheNotesReachTheReport()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("full-session", async () =>
        {
            var onsite = await live.OpenAsync("onsiteModerator");
            var online = await live.OpenAsync("onlineModerator");
            var rapporteur = await live.OpenAsync("rapporteur");
            var stage = await live.OpenAsync("stage", BrowserSession.Projector);
            var alice = await live.OpenAsync("participant");
            var bob = await live.OpenAsync("participant", BrowserSession.Phone);
            IPage[] everyone = [onsite, online, rapporteur, stage, alice, bob];

            // The onsite moderator starts the clock from the keyboard; every screen sees it running.
            await onsite.Keyboard.PressAsync("s");
            foreach (var page in everyone)
            {
                await Expect(page.Locator(".clock").First).ToHaveAttributeAsync("data-status", "running");
            }

            // Alice asks from her laptop, with her name; it waits for a moderator.
            await alice.GetByLabel("Your question", new() { Exact = true }).FillAsync(Question);
            await alice.GetByLabel("Name", new() { Exact = true }).FillAsync("Alice Moreau");
            await alice.GetByLabel("Organisation", new() { Exact = true }).FillAsync("Digital Rights Lab");
            await alice.GetByLabel("Stakeholder group", new() { Exact = true }).SelectOptionAsync("Civil Society");
            await alice.GetByLabel("For a speaker", new() { Exact = true }).SelectOptionAsync("han");
            await View.Button(alice, "Send question").ClickAsync();
            var mine = alice.Locator(".mine li.q", new() { HasText = Question });
            await Expect(mine.Locator(".q-status")).ToHaveTextAsync("Waiting for a moderator");
            await Expect(bob.Locator(".audience")).Not.ToContainTextAsync(Question);

            // The online moderator sees it arrive and approves it; Bob (on his phone) upvotes it.
            var incoming = View.Question(online, Question);
            await Expect(incoming).ToContainTextAsync("Alice Moreau · Digital Rights Lab · Civil Society");
            await View.Button(incoming, "Approve").ClickAsync();
            await Expect(mine.Locator(".q-status")).ToHaveTextAsync("Approved");
            var bobsView = bob.Locator(".audience li.q", new() { HasText = Question });
            await View.Button(bobsView, "Upvote · 0").ClickAsync();
            await Expect(bobsView.GetByRole(AriaRole.Button)).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(View.Question(online, Question)).ToContainTextAsync("1 vote");

            // A question from the floor joins the queue; the online moderator sends Alice's to the room.
            await online.GetByLabel("Question", new() { Exact = true }).FillAsync("Who enforces platform responsibility?");
            await online.GetByLabel("The floor (in the room)", new() { Exact = true }).CheckAsync();
            await View.Button(online, "Add question").ClickAsync();
            await View.Button(View.Question(online, Question), "Send to room").ClickAsync();
            await View.Button(View.Question(online, "Who enforces platform responsibility?"), "Send to room").ClickAsync();
            await Expect(online.Locator(".forwarded li.q", new() { HasText = Question })).ToContainTextAsync("Sent to the room");

            // The onsite moderator sees both, with the hint of how many fit, and asks Alice's now.
            var queued = View.Question(onsite, Question);
            await Expect(queued).ToBeVisibleAsync();
            await Expect(onsite.Locator(".queue li.q")).ToHaveCountAsync(2);
            await Expect(onsite.Locator(".fit")).ToContainTextAsync("fit in the time left");
            await View.Button(queued, "Ask now").ClickAsync();
            await Expect(onsite.Locator(".live-panel .live-text")).ToHaveTextAsync(Question);
            await Expect(bob.Locator(".live .live-text")).ToHaveTextAsync(Question);
            await Expect(alice.Locator(".live .live-text")).ToHaveTextAsync(Question);
            await Expect(mine.Locator(".q-status")).ToHaveTextAsync("Being answered now");

            await View.Button(onsite, "Mark answered").ClickAsync();
            await Expect(mine.Locator(".q-status")).ToHaveTextAsync("Answered");
            await Expect(bob.Locator(".live")).ToBeHiddenAsync();
            await Expect(online.Locator(".forwarded li.q", new() { HasText = Question })).ToContainTextAsync("Answered");

            // The rapporteur types notes: Enter saves, Alt+1 makes a key takeaway; both tied to the segment.
            var note = rapporteur.GetByLabel("Note", new() { Exact = true });
            await note.FillAsync("Platforms act as regulators of last resort.");
            await note.PressAsync("Enter");
            await rapporteur.Keyboard.PressAsync("Alt+1");
            await note.FillAsync("Collaborative governance needs all stakeholders.");
            await note.PressAsync("Enter");
            await Expect(rapporteur.Locator(".notes li")).ToHaveCountAsync(2);
            await Expect(rapporteur.Locator(".notes li", new() { HasText = "Collaborative governance" })).ToContainTextAsync("Key takeaway");
            await Expect(rapporteur.Locator(".notes li").First).ToContainTextAsync("1. Opening");

            // Promoting the answered question makes a note of it too.
            var promotable = rapporteur.Locator(".rq li.q", new() { HasText = Question });
            await View.Button(promotable, "Make a note").ClickAsync();
            await promotable.GetByLabel("Answer (optional)", new() { Exact = true }).FillAsync("Through open data agreements.");
            await promotable.Locator("form").GetByRole(AriaRole.Button, new() { Name = "Make a note" }).ClickAsync();
            await Expect(rapporteur.Locator(".notes li")).ToHaveCountAsync(3);

            var preview = rapporteur.GetByTestId("report-preview");
            await Expect(preview).ToContainTextAsync("Collaborative governance needs all stakeholders.");
            await Expect(preview).ToContainTextAsync("Platforms act as regulators of last resort.");
            await Expect(preview).ToContainTextAsync("Through open data agreements.");
            await Expect(preview.Locator("h3", new() { HasText = "Key takeaways" })).ToBeVisibleAsync();

            // A message reaches the stage display; the next segment shows on every screen.
            await onsite.GetByLabel("Message shown on the stage display", new() { Exact = true }).FillAsync("Please wrap up");
            await View.Button(onsite, "Send to stage").ClickAsync();
            await Expect(stage.Locator(".stage-banner")).ToHaveTextAsync("Please wrap up");
            await onsite.Keyboard.PressAsync("n");
            foreach (var page in everyone)
            {
                await Expect(page.Locator(".clock-segment").First).ToContainTextAsync("2/6");
            }

            // The report downloads with the notes in it.
            var download = await rapporteur.RunAndWaitForDownloadAsync(() => View.Button(rapporteur, "Download report (Markdown)").ClickAsync());
            var saved = Path.Combine(Artifacts.Downloads, download.SuggestedFilename);
            await download.SaveAsAsync(saved);
            var report = await File.ReadAllTextAsync(saved);
            Assert.EndsWith("report.md", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Contains("Collaborative governance needs all stakeholders.", report, StringComparison.Ordinal);
            Assert.Contains("## Key takeaways", report, StringComparison.Ordinal);

            await Artifacts.ScreenshotAsync(onsite, "onsite-moderator");
            await Artifacts.ScreenshotAsync(online, "online-moderator");
            await Artifacts.ScreenshotAsync(rapporteur, "rapporteur");
            await Artifacts.ScreenshotAsync(stage, "stage-display");
            await Artifacts.ScreenshotAsync(alice, "participant-desktop");
            await Artifacts.ScreenshotAsync(bob, "participant-phone-360");
            Assert.Empty(live.Dialogs);
            Assert.Empty(live.PageErrors);
            Assert.Empty(live.ConsoleErrors);
        });
    }
}
