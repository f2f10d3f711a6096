using IgfLive.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// A page that misses an event (here: one dropped on the wire on purpose) notices the gap in
/// sequence numbers at the next event, asks the server with Resync(lastSeq), and shows both.
/// </summary>
public sealed class EventGapTests(BrowserFixture browser)
{
    [Fact]
    public async Task APageThatMissesAnEventAsksAgainAndShowsEverythingInOrder()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("event-gap", async () =>
        {
            var dropNext = 0;
            var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var resyncs = 0;
            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            // Between the page and the server: count the page's Resync calls, and drop one EventsRecorded when told to.
            await HubWire.RouteAsync(
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
                    var drop = message.Contains("\"target\":\"EventsRecorded\"", StringComparison.Ordinal) && Interlocked.Exchange(ref dropNext, 0) == 1;
                    if (drop)
                    {
                        dropped.TrySetResult();
                    }
                    return !drop;
                });
            var online = await live.OpenAsync("onlineModerator", device: device);
            var participant = await live.OpenAsync("participant", BrowserSession.Phone);

            Interlocked.Exchange(ref dropNext, 1);
            await participant.GetByLabel("Your question", new() { Exact = true }).FillAsync("The first question, whose event is lost");
            await View.Button(participant, "Send question").ClickAsync();
            await dropped.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await Expect(online.Locator(".incoming li.q")).ToHaveCountAsync(0);
            Assert.Equal(0, Volatile.Read(ref resyncs));

            await participant.GetByLabel("Your question", new() { Exact = true }).FillAsync("The second question");
            await View.Button(participant, "Send question").ClickAsync();
            await Expect(online.Locator(".incoming li.q .q-text")).ToHaveTextAsync(["The first question, whose event is lost", "The second question"]);
            Assert.Equal(1, Volatile.Read(ref resyncs));
            Assert.Empty(live.PageErrors);
        });
    }
}
