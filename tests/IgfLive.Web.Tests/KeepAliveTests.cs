using IgfLive.Server.Hosting;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The server pings each connection every 30 s, so a page must not give up on a server it has not
/// heard from for longer than that, and must still notice within a minute when it hears nothing at
/// all. The page's clock is Playwright's, moved forward as a laptop lid closed and opened would.
/// </summary>
public sealed class KeepAliveTests(BrowserFixture browser)
{
    private const string Question = "Is anyone still there after a quiet spell?";

    [Fact]
    public async Task APageKeepsItsConnectionThroughAQuietSpellBetweenServerPingsAndNoticesASilentServerWithinAMinute()
    {
        var quiet = IgfLiveServiceExtensions.KeepAliveInterval + TimeSpan.FromSeconds(15);
        var silent = IgfLiveServiceExtensions.ClientServerTimeout + TimeSpan.FromSeconds(1);
        Assert.True(quiet < IgfLiveServiceExtensions.ClientServerTimeout);

        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("keep-alive", async () =>
        {
            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            await device.Clock.InstallAsync();
            // What the page's socket receives, so the test knows when the server has said all it will
            // about the question: the server writes to clients after acknowledging a command.
            await device.AddInitScriptAsync("""
                (() => {
                  const Native = window.WebSocket;
                  window.socketTexts = [];
                  window.WebSocket = class extends Native {
                    constructor(...args) {
                      super(...args);
                      this.addEventListener('message', (e) => window.socketTexts.push(typeof e.data === 'string' ? e.data : ''));
                    }
                  };
                })();
                """);
            var page = await live.OpenAsync("participant", device: device);
            await View.WaitConnectedAsync(page);
            // Every state the connection indicator takes from now on, also one it left before the
            // observer ran (changes made in one task reach the observer together): each change's old value.
            await page.EvaluateAsync("""
                () => {
                  window.connStates = [];
                  const conn = document.querySelector('.conn');
                  new MutationObserver((changes) => {
                    for (const change of changes) window.connStates.push(change.oldValue);
                    window.connStates.push(conn.dataset.state);
                  }).observe(conn, { attributes: true, attributeOldValue: true, attributeFilter: ['data-state'] });
                }
                """);

            // Longer than the server's ping interval without a word from it (no ping has come yet in
            // real time): the page stays connected, and a question goes through.
            await page.Clock.FastForwardAsync((long)quiet.TotalMilliseconds);
            await page.GetByLabel("Your question", new() { Exact = true }).FillAsync(Question);
            await View.Button(page, "Send question").ClickAsync();
            await Expect(View.Question(page, Question)).ToBeVisibleAsync();
            // The last the server sends about it is her own news of it; once that is in, all is quiet.
            await page.WaitForFunctionAsync("() => window.socketTexts.some(t => t.includes('\"MyQuestionChanged\"'))");
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.connStates"));

            // Silent for longer than twice the ping interval: the page takes the connection for lost,
            // says so, and connects again by itself.
            await page.Clock.FastForwardAsync((long)silent.TotalMilliseconds);
            await page.WaitForFunctionAsync("() => window.connStates.includes('reconnecting')");
            await View.WaitConnectedAsync(page);
            await Expect(View.Question(page, Question)).ToBeVisibleAsync();
            Assert.Empty(live.PageErrors);
        });
    }
}
