using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Server.Tests.Integration;

/// <summary>Threshold cues fire once per segment, on time, on a server whose clock the test moves.</summary>
public sealed class CueTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync(_time);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EachThresholdCueReachesEveryClientExactlyOncePerSegment()
    {
        var session = await Seed.CreateAsync(_server, _time.GetUtcNow());
        await using var cast = await Roles.JoinAsync(_server, session);
        await cast.Onsite.SendAsync("StartClock");

        _time.Advance(TimeSpan.FromMinutes(3));
        await AllReceiveCueAsync(cast, "Warning", 0);
        _time.Advance(TimeSpan.FromSeconds(90));
        await AllReceiveCueAsync(cast, "Critical", 0);
        _time.Advance(TimeSpan.FromSeconds(31));
        await AllReceiveCueAsync(cast, "Overtime", 0);
        _time.Advance(TimeSpan.FromSeconds(30));

        var next = await cast.Onsite.SendAsync("NextSegment");
        await cast.AllReachAsync(next.Version);
        _time.Advance(TimeSpan.FromMinutes(38));
        await AllReceiveCueAsync(cast, "Warning", 1);

        var last = await cast.Onsite.SendAsync("GoToSegment", 5);
        await cast.AllReachAsync(last.Version);
        _time.Advance(TimeSpan.FromSeconds(1));
        await AllReceiveCueAsync(cast, "Takeaways", 5);
        _time.Advance(TimeSpan.FromSeconds(1));
        var end = await cast.Onsite.SendAsync("EndSession");
        await cast.AllReachAsync(end.Version);

        foreach (var client in cast.All)
        {
            var cues = client.Events.Where(e => e.Type == "CueRaised").Select(e => SessionClient.Data<ClockEventData>(e)).Select(d => (d.Cue, d.Segment)).ToArray();
            Assert.Equal([("Warning", 0), ("Critical", 0), ("Overtime", 0), ("Warning", 1), ("Takeaways", 5)], cues);
        }
    }

    [Fact]
    public async Task APausedClockRaisesNoCue()
    {
        var session = await Seed.CreateAsync(_server, _time.GetUtcNow());
        await using var cast = await Roles.JoinAsync(_server, session);
        await cast.Onsite.SendAsync("StartClock");
        var paused = await cast.Onsite.SendAsync("PauseClock");
        _time.Advance(TimeSpan.FromMinutes(10));
        var resumed = await cast.Onsite.SendAsync("ResumeClock");

        Assert.Equal(paused.Version + 1, resumed.Version);
        var clock = SessionClient.Data<ClockEventData>(await cast.Onsite.WaitForEventAsync("ClockResumed")).Clock;
        Assert.Equal(TimeSpan.FromMinutes(5).TotalMilliseconds, clock.SegmentRemainingMs);
        Assert.Equal(TimeSpan.FromMinutes(10).TotalMilliseconds, clock.DriftMs);
    }

    private static Task AllReceiveCueAsync(Roles cast, string cue, int segment) =>
        Task.WhenAll(cast.All.Select(c => c.WaitForEventAsync("CueRaised", e =>
        {
            var data = SessionClient.Data<ClockEventData>(e);
            return data.Cue == cue && data.Segment == segment;
        })));
}
