using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// Every few seconds a node looks for what other nodes changed in the active sessions, so that it
/// raises their cues on time. It asks Redis for every log's length at once and reads only the logs
/// that grew: on an IGF day that is a few hundred sessions, most of them quiet at any moment.
/// </summary>
public sealed class DiscoveryTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
    private RedisServer _redis = null!;
    private TestServer _node = null!;

    public async ValueTask InitializeAsync()
    {
        // A Redis of its own, so its command counts are this node's alone.
        _redis = await RedisServer.StartAsync();
        _node = await TestServer.StartAsync(_time, settings: SharedRedis.ClusterSettings(_redis.Configuration, "discovery"));
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task OnlyTheLogOfASessionAnotherNodeChangedIsRead()
    {
        var sessions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add((await Seed.CreateAsync(_node, _time.GetUtcNow())).Id);
        }
        var service = _node.Services.GetRequiredService<SessionService>();
        var store = _node.Services.GetRequiredService<IEventLog>();
        var moved = sessions[1];
        var version = (await store.LastSequencesAsync([moved], Ct))[moved];
        // Another node appends to one session's log (straight to the store, as its own service would).
        Assert.True(await store.AppendAsync(moved, version, [TestEvents.Note(version + 1, "Written on the other node")], Ct));
        var configuration = ConfigurationOptions.Parse(_redis.Configuration);
        configuration.AllowAdmin = true;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(configuration);
        var db = admin.GetDatabase();
        await db.ExecuteAsync("CONFIG", "RESETSTAT");

        _time.Advance(CueService.DiscoveryPeriod);
        await Eventually.UntilAsync(
            () => Task.FromResult(service.Loaded.Single(s => s.SessionId == moved).Version == version + 1),
            TimeSpan.FromSeconds(10),
            "the node catching up with the other node's event");

        var calls = await RedisCommandStats.CallsAsync(db);
        Assert.Equal(3, calls.GetValueOrDefault("llen"));
        Assert.Equal(1, calls.GetValueOrDefault("lrange"));
        Assert.All(sessions.Where(s => s != moved), s => Assert.Equal(1, service.Loaded.Single(l => l.SessionId == s).Version));

        // Nothing moved since: the next look reads no log at all.
        _time.Advance(CueService.DiscoveryPeriod);
        await Eventually.UntilAsync(
            async () => (await RedisCommandStats.CallsAsync(db)).GetValueOrDefault("llen") >= 6,
            TimeSpan.FromSeconds(10),
            "the second look for changes");
        Assert.Equal(1, (await RedisCommandStats.CallsAsync(db)).GetValueOrDefault("lrange"));
    }
}
