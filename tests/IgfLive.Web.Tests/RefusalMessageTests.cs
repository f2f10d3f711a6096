using System.Text.Json;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// What the pages say when a command is refused with a code they do not know (a newer server's):
/// the code itself, never another code's words; and when SignalR could not run the call at all.
/// The server's answer is swapped on the wire for the one under test.
/// </summary>
public sealed class RefusalMessageTests(BrowserFixture browser)
{
    private const string NewCode = "some_new_code";
    private const string NewCodeMessage = "Refused for a reason this page has never heard of.";

    [Fact]
    public async Task AParticipantRefusedWithAnUnknownCodeIsShownThatCode()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("refusal-unknown-code-participant", async () =>
        {
            var device = await live.NewDeviceAsync(BrowserSession.Phone);
            var answer = await AnswerOfAsync(device, "SubmitQuestion");
            var phone = await live.OpenAsync("participant", device: device);

            await phone.GetByLabel("Your question", new() { Exact = true }).FillAsync("Who audits the algorithms?");
            await View.Button(phone, "Send question").ClickAsync();
            await answer.ReplaceAsync(Refusal(NewCode, NewCodeMessage));

            var alert = phone.Locator(".messages [role='alert']");
            await Expect(alert).ToContainTextAsync($"The server refused this ({NewCode}).");
            await Expect(alert).Not.ToContainTextAsync("This is not yours to do.");
            Assert.Empty(live.PageErrors);
        });
    }

    [Fact]
    public async Task AModeratorRefusedWithAnUnknownCodeIsShownTheServersWordsAndTheCode()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("refusal-unknown-code-staff", async () =>
        {
            var device = await live.NewDeviceAsync(BrowserSession.Desktop);
            var answer = await AnswerOfAsync(device, "StartClock");
            var onsite = await live.OpenAsync("onsiteModerator", device: device);

            await View.Button(onsite, "Start").ClickAsync();
            await answer.ReplaceAsync(Refusal(NewCode, NewCodeMessage));

            await Expect(onsite.Locator(".messages [role='alert']")).ToContainTextAsync($"{NewCodeMessage} ({NewCode})");
            Assert.Empty(live.PageErrors);
        });
    }

    [Fact]
    public async Task ACallSignalRCouldNotRunIsSaidSoAndNotTakenForALostConnection()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("refusal-call-failed", async () =>
        {
            var device = await live.NewDeviceAsync(BrowserSession.Phone);
            var answer = await AnswerOfAsync(device, "SubmitQuestion");
            var phone = await live.OpenAsync("participant", device: device);

            await phone.GetByLabel("Your question", new() { Exact = true }).FillAsync("Who audits the algorithms?");
            await View.Button(phone, "Send question").ClickAsync();
            await answer.ReplaceAsync(id => $$"""{"type":3,"invocationId":"{{id}}","error":"Failed to invoke 'SubmitQuestion' due to an error on the server."}""");

            var alert = phone.Locator(".messages [role='alert']");
            await Expect(alert).ToContainTextAsync("The server could not run this request. Reload the page, then try again.");
            await Expect(alert).Not.ToHaveAttributeAsync("data-kind", "connection_lost");
            await Expect(phone.Locator(".conn")).ToHaveAttributeAsync("data-state", "connected");
            Assert.Empty(live.PageErrors);
        });
    }

    private static Func<string, string> Refusal(string code, string message) =>
        id => JsonSerializer.Serialize(new { type = 3, invocationId = id, result = new { value = (object?)null, error = new { code, message } } });

    /// <summary>Keeps back the server's answer to the first call of <paramref name="method"/> from the device's page.</summary>
    private static async Task<HeldAnswer> AnswerOfAsync(IBrowserContext device, string method)
    {
        var invocation = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var wire = await HubWire.RouteAsync(
            device,
            fromPage: message =>
            {
                using var json = JsonDocument.Parse(message);
                var root = json.RootElement;
                if (root.TryGetProperty("target", out var target) && target.GetString() == method && root.TryGetProperty("invocationId", out var id))
                {
                    invocation.TrySetResult(id.GetString()!);
                }
            },
            toPage: message => !(invocation.Task.IsCompletedSuccessfully && IsCompletionOf(message, invocation.Task.Result)));
        return new HeldAnswer(wire, invocation.Task);
    }

    private static bool IsCompletionOf(string message, string invocationId)
    {
        using var json = JsonDocument.Parse(message);
        var root = json.RootElement;
        return root.GetProperty("type").GetInt32() == 3 && root.TryGetProperty("invocationId", out var id) && id.GetString() == invocationId;
    }

    private sealed class HeldAnswer(HubWire wire, Task<string> invocationId)
    {
        /// <summary>Once the page has made the call, hands it <paramref name="answer"/> (given the invocation id) instead of the server's.</summary>
        public async Task ReplaceAsync(Func<string, string> answer) =>
            wire.SendToPage(answer(await invocationId.WaitAsync(TimeSpan.FromSeconds(15))));
    }
}
