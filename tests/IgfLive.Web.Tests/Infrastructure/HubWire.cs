using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IgfLive.Web.Tests.Infrastructure;

/// <summary>
/// Sits on the wire between a device's pages and the hub: sees every hub message the page sends,
/// and decides for every message from the server whether the page gets it now. A message kept
/// back can be handed over later with <see cref="SendToPage"/>.
/// </summary>
public sealed partial class HubWire
{
    private const char RecordSeparator = '\u001e';

    private IWebSocketRoute? _page;

    private HubWire()
    {
    }

    /// <param name="device">The browser context whose pages' hub connections go through the wire.</param>
    /// <param name="fromPage">Sees each hub message a page sends (it is passed on as it is).</param>
    /// <param name="toPage">Whether a hub message from the server goes to the page now; false keeps it back.</param>
    public static async Task<HubWire> RouteAsync(IBrowserContext device, Action<string> fromPage, Func<string, bool> toPage)
    {
        ArgumentNullException.ThrowIfNull(device);
        var wire = new HubWire();
        await device.RouteWebSocketAsync(HubSocket(), ws =>
        {
            wire._page = ws;
            var server = ws.ConnectToServer();
            ws.OnMessage(frame =>
            {
                if (frame.Text is not { } text)
                {
                    server.Send(frame.Binary!);
                    return;
                }
                foreach (var message in text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    fromPage(message);
                }
                server.Send(text);
            });
            server.OnMessage(frame =>
            {
                if (frame.Text is not { } text)
                {
                    ws.Send(frame.Binary!);
                    return;
                }
                var passed = text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries).Where(toPage).ToArray();
                if (passed.Length > 0)
                {
                    ws.Send(string.Concat(passed.Select(m => m + RecordSeparator)));
                }
            });
        });
        return wire;
    }

    /// <summary>Hands the page a hub message (one kept back earlier).</summary>
    public void SendToPage(string message) =>
        (_page ?? throw new InvalidOperationException("No page has connected through the wire yet.")).Send(message + RecordSeparator);

    [GeneratedRegex("/hubs/session")]
    private static partial Regex HubSocket();
}
