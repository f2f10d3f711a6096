using System.Collections.Concurrent;
using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// A newer server may send events of a type an open page was built without: the page passes over
/// them (their sequence numbers still count, so it asks for nothing again), says so once on the
/// console, and goes on showing the events it knows.
/// </summary>
public sealed class UnknownEventTests(BrowserFixture browser)
{
    private const string Checkpoint = "checkpoint: every earlier message has arrived";

    [Fact]
    public async Task EventsOfATypeThePageDoesNotKnowAreIgnoredAndSaidOnceOnTheConsole()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("unknown-event", async () =>
        {
            var renamed = 0;
            var resyncs = 0;
            HubWire? wire = null;
            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            // The first two questions' events reach the page under a type it does not know, as from a newer server.
            wire = await HubWire.RouteAsync(
                device,
                fromPage: message =>
                {
                    if (message.Contains("\"target\":\"Resync\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref resyncs);
                    }
                },
                toPage: message =>
                {
                    if (!message.Contains("\"target\":\"EventsRecorded\"", StringComparison.Ordinal)
                        || !message.Contains("\"type\":\"QuestionSubmitted\"", StringComparison.Ordinal)
                        || Interlocked.Increment(ref renamed) > 2)
                    {
                        return true;
                    }
                    wire!.SendToPage(message.Replace("\"type\":\"QuestionSubmitted\"", "\"type\":\"QuestionPinned\"", StringComparison.Ordinal));
                    return false;
                });
            var online = await live.OpenAsync("onlineModerator", device: device);
            var warnings = new ConcurrentQueue<string>();
            var checkpoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            online.Console += (_, message) =>
            {
                if (message.Type != "warning")
                {
                    return;
                }
                warnings.Enqueue(message.Text);
                if (message.Text == Checkpoint)
                {
                    checkpoint.TrySetResult();
                }
            };
            var participant = await live.OpenAsync("participant", BrowserSession.Phone);

            foreach (var text in new[] { "The first question, from a newer server", "The second question, from a newer server", "The third question" })
            {
                await participant.GetByLabel("Your question", new() { Exact = true }).FillAsync(text);
                await View.Button(participant, "Send question").ClickAsync();
                await Expect(participant.Locator(".mine li.q", new() { HasText = text })).ToBeVisibleAsync();
            }

            await Expect(online.Locator(".incoming li.q .q-text")).ToHaveTextAsync(["The third question"]);
            // Console messages arrive in order: once this one is in, so is every warning before it.
            await online.EvaluateAsync($"() => console.warn('{Checkpoint}')");
            await checkpoint.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Single(warnings, w => w.Contains("QuestionPinned", StringComparison.Ordinal));
            Assert.Equal(0, Volatile.Read(ref resyncs));
            Assert.Empty(live.PageErrors);
            Assert.Empty(live.ConsoleErrors);
        });
    }
}
