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
}
