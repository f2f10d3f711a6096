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
}
