using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>Questions close when the session ends, and a moderator can close and reopen them at any time; the participant page says so.</summary>
public sealed class QuestionsClosedTests(BrowserFixture browser)
{
    [Fact]
    public async Task AModeratorClosesAndReopensQuestionsAndTheEndClosesThem()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("questions-closed", async () =>
        {
            var online = await live.OpenAsync("onlineModerator");
            var onsite = await live.OpenAsync("onsiteModerator");
            var phone = await live.OpenAsync("participant", BrowserSession.Phone);
            var closed = phone.Locator(".questions-closed");
            await Expect(closed).ToBeHiddenAsync();
            await Expect(phone.GetByLabel("Your question", new() { Exact = true })).ToBeVisibleAsync();

            await View.Button(online, "Close questions").ClickAsync();
            await Expect(closed).ToHaveTextAsync("Questions are closed for this session. You can still vote and follow it here.");
            await Expect(phone.GetByLabel("Your question", new() { Exact = true })).ToBeHiddenAsync();
            await Expect(onsite.Locator(".questions-state")).ToHaveTextAsync("Questions are closed: participants cannot ask.");
            await View.Button(onsite, "Reopen questions").ClickAsync();
            await Expect(closed).ToBeHiddenAsync();

            // The end closes them by itself, and stops the clock's digits.
            await View.Button(onsite, "Start").ClickAsync();
            await View.Button(onsite, "End session").ClickAsync();
            await View.Button(onsite, "Yes, end the session").ClickAsync();
            await Expect(closed).ToBeVisibleAsync();
            await Expect(phone.Locator("[data-clock='segment']")).ToHaveTextAsync("Session ended");
            await Expect(online.Locator(".questions-state")).ToHaveTextAsync("Questions are closed: participants cannot ask.");
            await Artifacts.ScreenshotAsync(phone, "participant-questions-closed");
            // Moderators may reopen after the end (follow-up questions).
            await View.Button(online, "Reopen questions").ClickAsync();
            await Expect(closed).ToBeHiddenAsync();
        });
    }
}
