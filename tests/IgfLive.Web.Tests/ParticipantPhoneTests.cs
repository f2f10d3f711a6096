using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// A participant on a 360-pixel phone: the audience's questions come first and can be voted on
/// without scrolling, asking takes one line until used, the confirmation appears where the thumb
/// is, an over-long question is shown whole and refused rather than cut, and withdrawing asks first.
/// </summary>
public sealed class ParticipantPhoneTests(BrowserFixture browser)
{
    [Fact]
    public async Task QuestionsComeFirstTheConfirmationIsInReachAndALongPasteIsRefusedWhole()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("participant-phone", async () =>
        {
            await Backstage.AskAsync(live, forward: false, "Who audits the algorithms that set prices?", "How do rural users take part?", "What should platforms disclose to regulators?");
            var phone = await live.OpenAsync("participant", BrowserSession.Phone);
            var viewport = BrowserSession.Phone;
            await Expect(phone.Locator(".audience li.q")).ToHaveCountAsync(3);
            var vote = View.Button(phone.Locator(".audience li.q").First, "Upvote · 0");
            await AssertInViewAsync(vote, viewport, "the first question's vote button as the page opens");
            await Artifacts.ScreenshotAsync(phone, "participant-phone-questions-first");

            // Asking starts as one line and opens up when used.
            var box = phone.GetByLabel("Your question", new() { Exact = true });
            await Expect(View.Button(phone, "Send question")).ToBeHiddenAsync();
            await box.FillAsync("Can small businesses compete with the platforms?");
            await Expect(View.Button(phone, "Send question")).ToBeVisibleAsync();
            await phone.GetByLabel("Name", new() { Exact = true }).FillAsync("Amina Diallo");
            await View.Button(phone, "Send question").ClickAsync();
            var confirmation = phone.Locator(".messages .message.ok");
            await Expect(confirmation).ToHaveTextAsync("Your question was sent. A moderator will review it.");
            await AssertInViewAsync(confirmation, viewport, "the confirmation");
            await Expect(phone.Locator(".mine li.q")).ToHaveCountAsync(1);

            // A 600-character paste is kept whole, marked as over the limit, and not sent.
            var pasted = string.Join(' ', Enumerable.Repeat("Multistakeholder governance of data needs transparency.", 11))[..600];
            await box.FillAsync(pasted);
            await Expect(box).ToHaveValueAsync(pasted);
            await Expect(phone.Locator("#ask-counter")).ToHaveTextAsync("100 characters over the limit");
            await Expect(box).ToHaveAttributeAsync("aria-invalid", "true");
            await View.Button(phone, "Send question").ClickAsync();
            await Expect(phone.Locator("#ask-problem")).ToHaveTextAsync("Your question is 100 characters too long: shorten it to 500 characters or fewer.");
            await Expect(box).ToBeFocusedAsync();
            await Expect(box).ToHaveValueAsync(pasted);
            await Artifacts.ScreenshotAsync(phone, "participant-phone-too-long");

            // Withdrawing asks once more; "Keep it" keeps it.
            var mine = phone.Locator(".mine li.q");
            await Expect(mine).ToHaveCountAsync(1);
            await View.Button(mine, "Withdraw").ClickAsync();
            await Expect(mine.Locator(".inline-form")).ToContainTextAsync("Withdraw this question?");
            await View.Button(mine, "Keep it").ClickAsync();
            await Expect(View.Button(mine, "Withdraw")).ToBeFocusedAsync();
            await Expect(mine.Locator(".q-status")).ToHaveTextAsync("Waiting for a moderator");
            await View.Button(mine, "Withdraw").ClickAsync();
            await View.Button(mine, "Yes, withdraw it").ClickAsync();
            await Expect(mine.Locator(".q-status")).ToHaveTextAsync("Withdrawn");
            Assert.Empty(live.PageErrors);
        });
    }

    private static async Task AssertInViewAsync(ILocator part, ViewportSize viewport, string what)
    {
        var box = await part.BoundingBoxAsync() ?? throw new InvalidOperationException($"{what} is not shown.");
        Assert.True(box.Y >= 0 && box.Y + box.Height <= viewport.Height, $"{what} is at y={box.Y:0} (height {box.Height:0}) on a {viewport.Height} px phone.");
    }
}
