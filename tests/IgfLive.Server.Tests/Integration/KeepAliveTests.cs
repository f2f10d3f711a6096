using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using IgfLive.Server.Hubs;
using IgfLive.Server.Hubs.KeepAlive;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// The server's keep-alive: a connection that hears nothing else still hears a ping once every
/// interval, from IgfLive's pinger (SignalR's own, which pings in bursts, is off). The server's
/// clock is a fake one the test moves a step at a time, as the real one would.
/// </summary>
public sealed class KeepAliveTests : IAsyncLifetime
{
    private const string Ping = "{\"type\":6}";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync(_time);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AQuietConnectionIsPingedExactlyOnceAnIntervalAndAClosedOneIsForgotten()
    {
        var pinger = _server.Services.GetRequiredService<KeepAlivePinger>();
        var sockets = new List<RawHubSocket>();
        for (var i = 0; i < 3; i++)
        {
            sockets.Add(await RawHubSocket.ConnectAsync(_server.Address));
        }
        await Eventually.UntilAsync(() => Task.FromResult(pinger.Count == 3), Wait, "the pinger to know the three connections");

        for (var round = 1; round <= 2; round++)
        {
            AdvanceStepByStep(KeepAlivePinger.Interval);
            foreach (var socket in sockets)
            {
                Assert.Equal(Ping, await socket.NextAsync(Wait));
            }
        }

        // Two intervals, two pings each and nothing more: the next thing each connection hears is
        // the answer to a call it makes now.
        foreach (var socket in sockets)
        {
            await socket.SendAsync("{\"type\":1,\"invocationId\":\"1\",\"target\":\"NoSuchMethod\",\"arguments\":[]}");
            Assert.StartsWith("{\"type\":3,\"invocationId\":\"1\"", await socket.NextAsync(Wait));
        }
        // SignalR takes the hub's own value, else the global one.
        var signalRKeepAlive = _server.Services.GetRequiredService<IOptions<HubOptions<SessionHub>>>().Value.KeepAliveInterval
            ?? _server.Services.GetRequiredService<IOptions<HubOptions>>().Value.KeepAliveInterval;
        Assert.True(signalRKeepAlive > TimeSpan.FromHours(1), $"SignalR's own keep-alive is on ({signalRKeepAlive}): every connection would be pinged twice.");

        await sockets[0].DisposeAsync();
        await Eventually.UntilAsync(() => Task.FromResult(pinger.Count == 2), Wait, "the pinger to forget the closed connection");
        foreach (var socket in sockets.Skip(1))
        {
            await socket.DisposeAsync();
        }
    }

    private void AdvanceStepByStep(TimeSpan span)
    {
        for (var moved = TimeSpan.Zero; moved < span; moved += KeepAlivePinger.Step)
        {
            _time.Advance(KeepAlivePinger.Step);
        }
    }

    /// <summary>A hub connection on a bare WebSocket: the JSON handshake, then every message as its text.</summary>
    private sealed class RawHubSocket : IAsyncDisposable
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
            Assert.Equal("{}", await hub.NextAsync(Wait));
            return hub;
        }

        public Task SendAsync(string message) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(message + "\u001e"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        public async Task<string> NextAsync(TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            return await _messages.Reader.ReadAsync(cancel.Token);
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
}
