using System.Diagnostics;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Storage.Redis;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using StackExchange.Redis;

namespace IgfLive.Server.Tests.Storage;

/// <summary>
/// The contract on a real redis-server, plus what only the Redis store has to get right: key layout
/// for Redis Cluster, several processes' worth of stores on one server, and appends whose reply is lost.
/// </summary>
public sealed class RedisSessionStoreTests(SharedRedis redis) : SessionStoreContractTests, IAsyncDisposable
{
    private readonly List<IConnectionMultiplexer> _connections = [];

    protected override async Task<StoreUnderTest> CreateStoreAsync() => await OpenAsync(redis.NewPrefix());

    [Fact]
    public async Task EveryKeyOfASessionSharesOneHashSlotAndTheIndexesAreKeysOfTheirOwn()
    {
        var prefix = redis.NewPrefix();
        var store = await OpenAsync(prefix);
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.True(await store.Log.AppendAsync("ws133", 1, TestEvents.SampleRun(1), Ct));
        Assert.True(await store.Log.SaveSnapshotAsync("ws133", 3, "state", Ct));
        Assert.Equal(new PresenceCount(12, 12), await store.Presence.ReportPresenceAsync("ws133", "node", 12, TimeSpan.FromMinutes(1), Ct));
        var connection = _connections[^1];

        var keys = connection.GetServer(connection.GetEndPoints()[0]).Keys(pattern: $"*{prefix}*").Select(k => k.ToString()).Order(StringComparer.Ordinal).ToArray();

        string[] sessionKeys = [$"{{{prefix}:s:ws133}}:events", $"{{{prefix}:s:ws133}}:meta", $"{{{prefix}:s:ws133}}:online", $"{{{prefix}:s:ws133}}:snapshot"];
        Assert.Equal(((string[])[.. sessionKeys, $"{prefix}:codes", $"{prefix}:sessions"]).Order(StringComparer.Ordinal), keys);
        Assert.Single(sessionKeys.Select(k => connection.HashSlot(k)).Distinct());
    }

    [Fact]
    public async Task ASessionsRecordIsReadFromRedisOncePerNodeAndAnUnknownIdIsAlwaysAskedFor()
    {
        // A server of its own, so its command counts are this test's alone.
        await using var own = await RedisServer.StartAsync();
        var store = await OpenAsync("records", own.Configuration);
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws134", "WS134"), TestEvents.Created(), Ct));
        Assert.Equal(2, (await store.Catalog.ListAsync(Ct)).Count);
        var configuration = ConfigurationOptions.Parse(own.Configuration);
        configuration.AllowAdmin = true;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(configuration);
        var db = admin.GetDatabase();
        await db.ExecuteAsync("CONFIG", "RESETSTAT");

        // Listed again (as every node does every few seconds) and looked up: no record read again.
        Assert.Equal(["ws133", "ws134"], (await store.Catalog.ListAsync(Ct)).Select(r => r.Id));
        Assert.Equal("WS133", (await store.Catalog.FindAsync("ws133", Ct))!.ParticipantCode);
        var stats = (string)(await db.ExecuteAsync("INFO", "commandstats"))!;
        Assert.Contains("cmdstat_zrange:", stats, StringComparison.Ordinal);
        Assert.DoesNotContain("cmdstat_hget:", stats, StringComparison.Ordinal);

        // A session another node may have created since is still looked for, every time.
        Assert.Null(await store.Catalog.FindAsync("ws135", Ct));
        Assert.True(await (await OpenAsync("records", own.Configuration)).Catalog.CreateAsync(TestEvents.Record("ws135", "WS135"), TestEvents.Created(), Ct));
        Assert.Equal("WS135", (await store.Catalog.FindAsync("ws135", Ct))!.ParticipantCode);
    }

    [Fact]
    public async Task TwoConnectionsOnOneRedisStillLetExactlyOneAppendWinEachVersion()
    {
        // Two multiplexers are two nodes as far as Redis can tell.
        var prefix = redis.NewPrefix();
        var first = await OpenAsync(prefix);
        var second = await OpenAsync(prefix);
        Assert.True(await first.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        await AssertRacingAppendsHaveOneWinnerAsync(first.Log, second.Log, "ws133", rounds: 50);
    }

    [Fact]
    public async Task AnAppendWhoseReplyIsLateIsFoundInTheLogAndNotWrittenTwice()
    {
        // Writes are held back for longer than one attempt may take, so the store gives up waiting for
        // the script's reply, must find out from the log whether it landed, and must not send it again
        // over the top of itself. A server of its own: pausing the shared one would stall other tests.
        await using var own = await RedisServer.StartAsync();
        var store = await OpenAsync("paused", own.Configuration, operationTimeout: TimeSpan.FromSeconds(3));
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        var note = TestEvents.Note(2, "written while Redis held writes back");
        await PauseWritesAsync(own, TimeSpan.FromMilliseconds(1500));

        var watch = Stopwatch.StartNew();
        Assert.True(await store.Log.AppendAsync("ws133", 1, [note], Ct));

        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(1), $"The append returned after {watch.Elapsed}, before its first attempt could have timed out.");
        var log = await store.Log.ReadAsync("ws133", 0, Ct);
        AssertSameEvents([note], log.Skip(1).ToArray());
    }

    [Fact]
    public async Task AnAppendThatCannotBeConfirmedInTimeIsReportedAsUnknownAndLandsAtMostOnce()
    {
        await using var own = await RedisServer.StartAsync();
        var store = await OpenAsync("paused", own.Configuration, operationTimeout: TimeSpan.FromSeconds(1));
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        var note = TestEvents.Note(2, "written while Redis held writes back for too long");
        var pause = TimeSpan.FromMilliseconds(2500);
        var pausedAt = Stopwatch.StartNew();
        await PauseWritesAsync(own, pause);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Log.AppendAsync("ws133", 1, [note], Ct));

        Assert.Contains("may or may not", error.Message, StringComparison.Ordinal);
        Assert.True(pausedAt.Elapsed < pause, "The append should have given up while writes were still held back.");
        // Once writes flow again the first attempt runs; any later attempt finds the log moved on. The
        // log is read through a store of its own: the timeouts above have opened this one's circuit.
        var log = await WaitForLogAsync((await OpenAsync("paused", own.Configuration)).Log, "ws133", 2);
        AssertSameEvents([note], log.Skip(1).ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<StoreUnderTest> OpenAsync(string prefix, string? server = null, TimeSpan? operationTimeout = null)
    {
        server ??= redis.Configuration;
        var options = new RedisStoreOptions { Configuration = server, KeyPrefix = prefix, ChannelPrefix = prefix };
        if (operationTimeout is { } timeout)
        {
            options.OperationTimeout = timeout;
        }
        var configuration = ConfigurationOptions.Parse(server);
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
        _connections.Add(connection);
        var builder = new ResiliencePipelineBuilder();
        RedisResilience.Configure(builder, options);
        // The parts as the Redis registration puts them together, on one connection.
        var store = new RedisStoreConnection(connection, builder.Build(), Options.Create(options));
        return new StoreUnderTest(
            new RedisEventLog(store, NullLogger<RedisEventLog>.Instance),
            new RedisSessionCatalog(store, NullLogger<RedisSessionCatalog>.Instance),
            new RedisPresenceStore(store),
            store,
            new RedisProgrammeStore(store));
    }

    private static async Task PauseWritesAsync(RedisServer server, TimeSpan duration)
    {
        var configuration = ConfigurationOptions.Parse(server.Configuration);
        configuration.AllowAdmin = true;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(configuration);
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", (long)duration.TotalMilliseconds, "WRITE");
    }

    /// <summary>Reads the log until it holds <paramref name="count"/> events; Redis applies the held-back write when the pause ends.</summary>
    private static async Task<IReadOnlyList<RecordedEvent>> WaitForLogAsync(IEventLog log, string sessionId, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            var read = await log.ReadAsync(sessionId, 0, Ct);
            if (read.Count >= count)
            {
                return read;
            }
            await poll.WaitForNextTickAsync(timeout.Token);
        }
    }
}
