using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// Asking from the participant view: a participant who starts typing their next question while the
/// last one is still on its way keeps what they typed (only the question that was sent is cleared
/// from the box), and an empty question is not sent at all.
/// </summary>
public sealed class ParticipantAskTests(BrowserFixture browser)
{
    [Fact]
    public async Task TextTypedWhileTheLastQuestionIsOnItsWayIsKept()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("ask-while-sending", async () =>
        {
            // Between the phone and the server: hold the answer to the phone's SubmitQuestion until told.
            var submitted = 0;
            var held = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var device = await live.NewDeviceAsync(BrowserSession.Phone);
            var wire = await HubWire.RouteAsync(
                device,
                fromPage: message =>
                {
                    if (message.Contains("\"target\":\"SubmitQuestion\"", StringComparison.Ordinal))
                    {
                        Interlocked.Exchange(ref submitted, 1);
                    }
                },
                toPage: message =>
                    !(Volatile.Read(ref submitted) == 1 && message.StartsWith("{\"type\":3", StringComparison.Ordinal) && held.TrySetResult(message)));
            var phone = await live.OpenAsync("participant", device: device);
            var box = phone.GetByLabel("Your question", new() { Exact = true });

            await box.FillAsync("What will the first speaker say about data portability?");
            await View.Button(phone, "Send question").ClickAsync();
            var answer = await held.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await box.FillAsync("And who pays for it?");
            wire.SendToPage(answer);

            // The confirmation comes in the same turn as the clearing of the box.
            await Expect(phone.Locator(".message.ok", new() { HasText = "Your question was sent." })).ToBeVisibleAsync();
            await Expect(phone.Locator(".mine li.q", new() { HasText = "What will the first speaker say about data portability?" })).ToBeVisibleAsync();
            Assert.Equal("And who pays for it?", await box.InputValueAsync());
            Assert.Empty(live.PageErrors);
        });
    }

    [Fact]
    public async Task AnEmptyQuestionIsNotSentAndThePageSaysWhatIsMissing()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("ask-empty", async () =>
        {
            var submitted = 0;
            var device = await live.NewDeviceAsync(BrowserSession.Phone);
            await HubWire.RouteAsync(
                device,
                fromPage: message =>
                {
                    if (message.Contains("\"target\":\"SubmitQuestion\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref submitted);
                    }
                },
                toPage: _ => true);
            var phone = await live.OpenAsync("participant", device: device);
            var box = phone.GetByLabel("Your question", new() { Exact = true });

            await box.FillAsync("   ");
            await View.Button(phone, "Send question").ClickAsync();

            // Said next to the box it is about, and read out.
            await Expect(phone.Locator("#ask-problem")).ToHaveTextAsync("Write your question first.");
            await Expect(phone.Locator("#ask-problem")).ToHaveAttributeAsync("role", "alert");
            await Expect(box).ToBeFocusedAsync();
            // A question typed now goes out as usual: the empty one was never sent.
            await box.FillAsync("Is the recording published afterwards?");
            await View.Button(phone, "Send question").ClickAsync();
            await Expect(phone.Locator(".mine li.q", new() { HasText = "Is the recording published afterwards?" })).ToBeVisibleAsync();
            Assert.Equal(1, Volatile.Read(ref submitted));
            Assert.Empty(live.PageErrors);
        });
    }
}
