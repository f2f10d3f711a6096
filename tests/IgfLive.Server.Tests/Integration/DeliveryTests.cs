using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// Broadcasts that queue up for a session reach each client as one message per audience, with
/// every event once and in order; what else a client hears keeps its place between them.
/// </summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    // A fake clock: no presence renewal or clock tick can slip a message in while the test lines broadcasts up.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
    private readonly HeldScheduler _delivery = new();
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync(_time, deliveryScheduler: _delivery);

    public async ValueTask DisposeAsync()
    {
        _delivery.Release();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task BroadcastsThatQueuedUpArriveAsOneMessagePerAudienceInOrder()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        foreach (var staff in cast.Staff)
        {
            await staff.WaitUntilAsync(() => staff.Presence.Any(p => p.Online == 2), $"{staff.Name} to hear both participants counted");
        }
        var before = cast.All.ToDictionary(c => c, c => c.Calls.Count);
        var version = cast.Onsite.Version;

        _delivery.Hold();
        var started = await cast.Onsite.SendAsync("StartClock");
        var adjusted = await cast.Onsite.SendAsync("AdjustSegment", 60);
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who funds the shared tools?", "Alice", null, null, null));
        var paused = await cast.Onsite.SendAsync("PauseClock");

        // Every command was acknowledged while nothing had been written yet (starting records two events).
        Assert.Equal([version + 2, version + 3, version + 4, version + 5], [started.Version, adjusted.Version, asked.Version, paused.Version]);
        Assert.All(cast.All, c => Assert.Equal(before[c], c.Calls.Count));
        Assert.Equal(1, _delivery.Waiting);

        _delivery.Release();
        await cast.AllReachAsync(paused.Version);

        var firstThreeCommands = $"EventsRecorded {version + 1},{version + 2},{version + 3},{version + 4}";
        var last = $"EventsRecorded {paused.Version}";
        // Alice's news of her own question sits between the room's events exactly where it happened.
        Assert.Equal([firstThreeCommands, "MyQuestionChanged q1", last], cast.Alice.Calls.Skip(before[cast.Alice]));
        foreach (var client in cast.All.Where(c => c != cast.Alice))
        {
            Assert.Equal([firstThreeCommands, last], client.Calls.Skip(before[client]));
        }
        Assert.All(cast.All, c => Assert.Equal(c.Events.Count, c.Received.Count));
        Assert.Equal(["ClockStarted", "SegmentEntered", "SegmentAdjusted", "QuestionSubmitted", "ClockPaused"], cast.Onsite.Events.TakeLast(5).Select(e => e.Type));
        // Each audience still gets its own projection: Bob sees Alice's unapproved question hidden.
        Assert.Equal("Hidden", cast.Bob.Events.Single(e => e.Seq == asked.Version).Type);
    }

    [Fact]
    public async Task WithNothingQueuedEachBroadcastIsItsOwnMessage()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        var started = await cast.Onsite.SendAsync("StartClock");
        await cast.AllReachAsync(started.Version);
        var before = cast.Stage.Calls.Count;

        var adjusted = await cast.Onsite.SendAsync("AdjustSegment", 60);
        await cast.AllReachAsync(adjusted.Version);
        var paused = await cast.Onsite.SendAsync("PauseClock");
        await cast.AllReachAsync(paused.Version);

        Assert.Equal([$"EventsRecorded {adjusted.Version}", $"EventsRecorded {paused.Version}"], cast.Stage.Calls.Skip(before));
    }
}
