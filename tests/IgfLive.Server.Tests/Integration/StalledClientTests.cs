using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>A participant whose connection stops draining (a phone that froze) holds up nobody else.</summary>
public sealed class StalledClientTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await TestServer.StartAsync(settings: new Dictionary<string, string?> { ["Limits:CallsPerSecond"] = "1000" });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CommandsAndEveryoneElsesEventsKeepFlowingWhileOneClientReadsNothing()
    {
        await using var room = await Room.JoinAsync(_server);
        var (onsite, alice) = (room.Onsite, room.Alice);

        // Each floor question is three events of about 700 bytes for every participant: 300 of them
        // are more than every buffer between the server and the frozen client holds.
        var text = "How will the regulators and the platforms share the data they hold? " + new string('.', 400);
        var slowest = TimeSpan.Zero;
        CommandResult last = null!;
        for (var i = 0; i < 300; i++)
        {
            var started = Stopwatch.GetTimestamp();
            last = await onsite.SendAsync("RecordQuestion", new RecordQuestionRequest(text, "Floor", null, null, "Floor", null));
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
        }
        await alice.WaitForVersionAsync(last.Version);

        var pushed = alice.Events.Sum(e => JsonSerializer.SerializeToUtf8Bytes(e, HttpJson.Options).Length);
        Assert.True(pushed > 300 * 1024, $"Only {pushed} bytes were sent to each participant; not enough to fill a stalled client's buffers.");
        // Waiting on the frozen client would hold a command for SignalR's 10-second transport send timeout.
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"A command took {slowest.TotalSeconds:F1} s while one client read nothing.");
        Assert.Equal(Enumerable.Range(2, (int)last.Version - 1).Select(n => (long)n), alice.Events.Select(e => e.Seq));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public async Task AFrozenClientHoldsNoMoreOfTheServersPinnedMemoryThanItsSendBuffer(int sendBufferKiB)
    {
        await using var server = await TestServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Limits:CallsPerSecond"] = "1000",
            ["Limits:SendBufferKiB"] = sendBufferKiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var pool = new PinnedPoolWatch(server.Services.GetRequiredService<IMeterFactory>());
        await using var room = await Room.JoinAsync(server);
        var (onsite, alice) = (room.Onsite, room.Alice);
        var before = pool.LentSinceStart;

        var text = "Who audits the audit? " + new string('.', 450);
        CommandResult last = null!;
        for (var i = 0; i < 300; i++)
        {
            last = await onsite.SendAsync("RecordQuestion", new RecordQuestionRequest(text, "Floor", null, null, "Floor", null));
        }
        await alice.WaitForVersionAsync(last.Version);
        await onsite.WaitForVersionAsync(last.Version);

        // What is still lent out is the frozen client's queue: everyone else has had everything.
        // It fills the send buffer (one more event's frame may go over) and stops there.
        var held = pool.LentSinceStart - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"send buffer {sendBufferKiB} KiB: {held / 1024.0:F1} KiB of pinned memory held for the frozen client");
        Assert.InRange(held, (sendBufferKiB - 8) * 1024L, (sendBufferKiB + 16) * 1024L);
    }

    /// <summary>A session with its onsite moderator, a participant who reads, and one who joined and froze.</summary>
    private sealed record Room(SessionClient Onsite, SessionClient Alice, StalledParticipant Frozen) : IAsyncDisposable
    {
        public static async Task<Room> JoinAsync(TestServer server)
        {
            var session = await Seed.CreateAsync(server);
            var onsite = await SessionClient.ConnectAsync(server.Address, "onsite");
            await onsite.JoinAsync(session.Id, session.Keys["onsiteModerator"]);
            var alice = await SessionClient.ConnectAsync(server.Address, "alice");
            await alice.JoinAsync(session.Id, session.ParticipantCode);
            var frozen = await StalledParticipant.JoinAsync(server.Address, session.Id, session.ParticipantCode);
            return new Room(onsite, alice, frozen);
        }

        public async ValueTask DisposeAsync()
        {
            Frozen.Dispose();
            await Alice.DisposeAsync();
            await Onsite.DisposeAsync();
        }
    }

    /// <summary>
    /// A participant on a bare WebSocket that joins and then never reads. Its socket has a small
    /// receive buffer and an Ethernet-sized segment size, so the server's kernel buffers little
    /// for it (on loopback it would otherwise buffer megabytes) and the server's own buffers fill.
    /// </summary>
    private sealed class StalledParticipant : IDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly HttpMessageInvoker _invoker;

        private StalledParticipant(ClientWebSocket socket, HttpMessageInvoker invoker)
        {
            _socket = socket;
            _invoker = invoker;
        }

        public static async Task<StalledParticipant> JoinAsync(Uri server, string sessionId, string code)
        {
            var invoker = new HttpMessageInvoker(new SocketsHttpHandler
            {
                UseProxy = false,
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                    try
                    {
                        // TCP_MAXSEG (IPPROTO_TCP 6, option 2).
                        socket.SetRawSocketOption(6, 2, BitConverter.GetBytes(1448));
                        await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            });
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new Uri($"ws://{server.Host}:{server.Port}/hubs/session"), invoker, CancellationToken.None);
            var join = JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = "Join", arguments = new object[] { new { sessionId, key = code } } });
            foreach (var record in new[] { "{\"protocol\":\"json\",\"version\":1}", join })
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(record + "\u001e"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
            return new StalledParticipant(socket, invoker);
        }

        public void Dispose()
        {
            _socket.Abort();
            _socket.Dispose();
            _invoker.Dispose();
        }
    }
}
