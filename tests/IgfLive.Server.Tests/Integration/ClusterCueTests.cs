using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// Both nodes watch the same running clock and both see every cue fall due; the log still records
/// each cue once, because the second append at the same version is refused and the loser, deciding
/// again on the fresh log, finds the cue raised.
/// </summary>
public sealed class ClusterCueTests(SharedRedis redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // One clock for both nodes, as if their system clocks agreed exactly.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
    private TestServer _first = null!;
    private TestServer _second = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = redis.NodeSettings(redis.NewPrefix());
        _first = await TestServer.StartAsync(_time, settings: settings);
        _second = await TestServer.StartAsync(_time, settings: settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task EachThresholdCueReachesEachClientOnEitherNodeExactlyOnce()
    {
        var session = await Seed.CreateAsync(_first, _time.GetUtcNow());
        await using var cast = await Roles.JoinAcrossAsync(_first, _second, session);
        await cast.Onsite.SendAsync("StartClock");

        _time.Advance(TimeSpan.FromMinutes(3));
        await AllReceiveCueAsync(cast, "Warning", 0);
        _time.Advance(TimeSpan.FromSeconds(90));
        await AllReceiveCueAsync(cast, "Critical", 0);
        _time.Advance(TimeSpan.FromSeconds(31));
        await AllReceiveCueAsync(cast, "Overtime", 0);
        // The online moderator, on the other node, writes to the log between cues.
        var next = await cast.Online.SendAsync("SendStageMessage", "Overtime: please close", false);
        await cast.AllReachAsync(next.Version);
        next = await cast.Onsite.SendAsync("NextSegment");
        await cast.AllReachAsync(next.Version);
        _time.Advance(TimeSpan.FromMinutes(38));
        await AllReceiveCueAsync(cast, "Warning", 1);
        var last = await cast.Onsite.SendAsync("GoToSegment", 5);
        await cast.AllReachAsync(last.Version);
        _time.Advance(TimeSpan.FromSeconds(1));
        await AllReceiveCueAsync(cast, "Takeaways", 5);
        // Time passes on both nodes long enough for any second raise to have happened.
        for (var i = 0; i < 10; i++)
        {
            _time.Advance(CueService.Period);
        }
        var end = await cast.Onsite.SendAsync("EndSession");
        await cast.AllReachAsync(end.Version);

        (string, int)[] expected = [("Warning", 0), ("Critical", 0), ("Overtime", 0), ("Warning", 1), ("Takeaways", 5)];
        foreach (var client in cast.All)
        {
            var cues = client.Events.Where(e => e.Type == "CueRaised").Select(SessionClient.Data<ClockEventData>).Select(d => (d.Cue!, d.Segment!.Value)).ToArray();
            Assert.Equal(expected, cues);
            // On the wire a node may pass on an event another node also sent (see SessionEntry), but
            // always under the same sequence number: there is no second cue to tell apart.
            Assert.Equal(expected.Length, client.Received.Where(e => e.Type == "CueRaised").Select(e => e.Seq).Distinct().Count());
        }
        var log = await _second.Services.GetRequiredService<IEventLog>().ReadAsync(session.Id, 0, Ct);
        Assert.Equal(expected, log.Select(e => e.Event).OfType<CueRaised>().Select(c => (c.Cue.ToString(), c.Segment)));
    }

    [Fact]
    public async Task ManyRaisersOnBothNodesRecordEachDueCueOnce()
    {
        var session = await Seed.CreateAsync(_first, _time.GetUtcNow());
        var nodes = new[] { _first, _second }.Select(n => n.Services.GetRequiredService<SessionService>()).ToArray();
        await nodes[0].ExecuteAsync(session.Id, new StartClock(), Ct);

        foreach (var step in new[] { TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(31) })
        {
            _time.Advance(step);
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Eight raisers per node, on top of each node's own cue service.
            var raisers = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            {
                await go.Task;
                return await nodes[i % 2].ExecuteAsync(session.Id, new RaiseDueCue(), Ct);
            }, Ct)).ToArray();
            go.SetResult();
            var outcomes = await Task.WhenAll(raisers);
            Assert.All(outcomes, o => Assert.True(o.IsAccepted));
        }

        var log = await _first.Services.GetRequiredService<IEventLog>().ReadAsync(session.Id, 0, Ct);
        var cues = log.Select(e => e.Event).OfType<CueRaised>().Select(c => (c.Cue, c.Segment)).ToArray();
        Assert.Equal([(CueKind.Warning, 0), (CueKind.Critical, 0), (CueKind.Overtime, 0)], cues);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ANodeWatchesTheCuesOfASessionItNeitherCreatedNorServes()
    {
        // Node one creates and starts the session and then goes away; node two, which nobody has
        // asked about the session, must raise its cues. Nothing touches node two, so the cue is
        // looked for in the log.
        var session = await Seed.CreateAsync(_first, _time.GetUtcNow());
        await _first.Services.GetRequiredService<SessionService>().ExecuteAsync(session.Id, new StartClock(), Ct);
        await _first.DisposeAsync();
        // A stand-in on a prefix of its own, so that disposing the test's nodes still works.
        _first = await TestServer.StartAsync(_time, settings: redis.NodeSettings(redis.NewPrefix()));
        var store = _second.Services.GetRequiredService<IEventLog>();

        _time.Advance(TimeSpan.FromMinutes(3));

        var cue = await Eventually.GetAsync(
            async () => (await store.ReadAsync(session.Id, 0, Ct)).Select(e => e.Event).OfType<CueRaised>().FirstOrDefault(),
            SessionClient.Timeout,
            "node two to raise the warning cue");
        Assert.Equal((CueKind.Warning, 0), (cue.Cue, cue.Segment));
    }

    private static Task AllReceiveCueAsync(Roles cast, string cue, int segment) =>
        Task.WhenAll(cast.All.Select(c => c.WaitForEventAsync("CueRaised", e =>
        {
            var data = SessionClient.Data<ClockEventData>(e);
            return data.Cue == cue && data.Segment == segment;
        })));
}
