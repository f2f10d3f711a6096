using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using IgfLive.Server.Hubs;
using IgfLive.Server.Hosting;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// The server's keep-alive is SignalR's own, at IgfLive's interval: a connection that hears nothing
/// else still hears a ping within one interval, and nothing stands between the hub and SignalR's
/// default lifetime manager. (The page's side — riding out a quiet spell, noticing a silent server —
/// is tested in the browser.) Real time: SignalR's keep-alive runs on its own clock.
/// </summary>
public sealed class KeepAliveTests : IAsyncLifetime
{
    private const string Ping = "{\"type\":6}";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private TestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void SignalRPingsAtIgfLivesIntervalAndTimesOutSilentClientsThroughItsOwnLifetimeManager()
    {
        var options = _server.Services.GetRequiredService<IOptions<HubOptions>>().Value;

        Assert.Equal(IgfLiveServiceExtensions.KeepAliveInterval, options.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), options.KeepAliveInterval);
        Assert.Equal(IgfLiveServiceExtensions.ClientTimeoutInterval, options.ClientTimeoutInterval);
        Assert.Equal(2 * options.KeepAliveInterval, IgfLiveServiceExtensions.ClientServerTimeout);
        Assert.IsType<DefaultHubLifetimeManager<SessionHub>>(_server.Services.GetRequiredService<HubLifetimeManager<SessionHub>>());
    }

    [Fact]
    public async Task AQuietConnectionIsPingedWithinAnIntervalAndStillAnswersCalls()
    {
        await using var socket = await RawHubSocket.ConnectAsync(_server.Address);

        Assert.Equal(Ping, await socket.NextAsync(IgfLiveServiceExtensions.KeepAliveInterval + Wait));

        await socket.SendAsync("{\"type\":1,\"invocationId\":\"1\",\"target\":\"NoSuchMethod\",\"arguments\":[]}");
        Assert.StartsWith("{\"type\":3,\"invocationId\":\"1\"", await socket.NextAsync(Wait));
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
