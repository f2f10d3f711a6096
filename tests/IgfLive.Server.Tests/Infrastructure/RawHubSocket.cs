using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>A hub connection on a bare WebSocket: the JSON handshake, then every message as its text.</summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();
    private Task _reading = Task.CompletedTask;

    public static async Task<RawHubSocket> ConnectAsync(Uri server)
    {
        var hub = new RawHubSocket();
        hub._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await hub._socket.ConnectAsync(new Uri($"ws://{server.Host}:{server.Port}/hubs/session"), CancellationToken.None);
        hub._reading = hub.ReadAsync();
        await hub.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        Assert.Equal("{}", await hub.NextAsync(SessionClient.Timeout));
        return hub;
    }

    public Task SendAsync(string message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + "\u001e"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public async Task<string> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _messages.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>Every message from now until the server closes the socket (pings included).</summary>
    public async Task<IReadOnlyList<string>> UntilClosedAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var messages = new List<string>();
        await foreach (var message in _messages.Reader.ReadAllAsync(cancel.Token))
        {
            messages.Add(message);
        }
        return messages;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                text.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
                var all = text.ToString();
                var end = all.LastIndexOf('\u001e');
                if (end < 0)
                {
                    continue;
                }
                foreach (var message in all[..end].Split('\u001e'))
                {
                    _messages.Writer.TryWrite(message);
                }
                text.Clear().Append(all[(end + 1)..]);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The socket was aborted; the test has what it read.
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _reading;
        _socket.Dispose();
    }
}
