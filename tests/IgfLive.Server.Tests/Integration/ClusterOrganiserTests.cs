using System.Net;
using System.Net.Http.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;
using StackExchange.Redis;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// What the organiser does through one node holds on the other, though that node had not heard of it:
/// a replaced key opens nothing there, a deleted session is gone, and the list is current.
/// </summary>
public sealed class ClusterOrganiserTests(SharedRedis redis) : TwoNodeTests(redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOldKeyIsRefusedOnTheOtherNodeAndTheNewOneWorksThere()
    {
        var session = await Seed.CreateAsync(First);
        var oldKey = session.Keys["onsiteModerator"];
        // Node two holds the session, as it stood before the rotation, through this connection.
        await using var before = await SessionClient.ConnectAsync(Second.Address, "onsite on node two, old link");
        await before.JoinAsync(session.Id, oldKey);

        using var http = First.CreateHttpClient();
        var response = await http.PostAsync($"/api/sessions/{session.Id}/keys/onsiteModerator/rotate", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = (await response.Content.ReadFromJsonAsync<RoleKeyResponse>(HttpJson.Options, Ct))!;

        await using var late = await SessionClient.ConnectAsync(Second.Address, "onsite on node two, old link again");
        Assert.Equal("unauthorized", await late.RefusedAsync("Join", new JoinRequest(session.Id, oldKey, null)));
        Assert.Equal("unauthorized", await before.RefusedAsync("StartClock"));
        Assert.Equal("unauthorized", await before.RefusedAsync("Resync", 0L));

        await using var fresh = await SessionClient.ConnectAsync(Second.Address, "onsite on node two, new link");
        var joined = await fresh.JoinAsync(session.Id, rotated.Key);
        Assert.Equal(("OnsiteModerator", 2L), (joined.Role, joined.Snapshot.Version));
        var started = await fresh.SendAsync("StartClock");
        // After the rotation (event 2), the start is events 3 and 4.
        Assert.Equal(4, started.Version);
        // The old link heard that it was replaced (event 2), then nothing more; the refused join left
        // nothing behind: that connection heard none of it and may join afresh.
        await Task.WhenAll(fresh.WaitForVersionAsync(started.Version), before.WaitForVersionAsync(2));
        Assert.Equal([2L], before.Events.Select(e => e.Seq));
        Assert.Empty(late.Received);
        Assert.Equal("OnsiteModerator", (await late.JoinAsync(session.Id, rotated.Key)).Role);
        // Downloads on node two take the new key and refuse the old one.
        using var oldDownload = Second.CreateHttpClient(oldKey);
        using var newDownload = Second.CreateHttpClient(rotated.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldDownload.GetAsync($"/api/sessions/{session.Id}/report.md", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newDownload.GetAsync($"/api/sessions/{session.Id}/report.md", Ct)).StatusCode);
    }

    [Fact]
    public async Task ASessionDeletedThroughOneNodeIsGoneOnTheOther()
    {
        var session = await Seed.CreateAsync(First);
        await using var before = await SessionClient.ConnectAsync(Second.Address, "online on node two");
        await before.JoinAsync(session.Id, session.Keys["onlineModerator"]);

        using var http = First.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/sessions/{session.Id}", Ct)).StatusCode);

        await using var late = await SessionClient.ConnectAsync(Second.Address, "participant on node two");
        Assert.Equal("not_found", await late.RefusedAsync("Join", new JoinRequest(session.Id, session.ParticipantCode, null)));
        Assert.Equal("not_found", await before.RefusedAsync("RecordQuestion", new RecordQuestionRequest("Still on?", null, null, null, "Floor", null)));
        using var anonymous = Second.CreateHttpClient(bearer: null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/sessions/{session.Id}", Ct)).StatusCode);
        using var organiser = Second.CreateHttpClient();
        Assert.DoesNotContain(session.Id, await organiser.GetStringAsync("/api/sessions", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListReadsOnlyTheLogsThatMovedAndShowsWhatTheOtherNodeDid()
    {
        // A Redis of its own, so that INFO commandstats counts this test's log reads alone.
        await using var own = await RedisServer.StartAsync();
        var settings = SharedRedis.ClusterSettings(own.Configuration, Redis.NewPrefix());
        await using var first = await TestServer.StartAsync(settings: settings);
        await using var second = await TestServer.StartAsync(settings: settings);
        var sessions = new List<SessionCreatedResponse>();
        for (var i = 0; i < 6; i++)
        {
            sessions.Add(await Seed.CreateAsync(first));
        }
        await using var watcher = await ConnectionMultiplexer.ConnectAsync(own.Configuration + ",allowAdmin=true");
        using var http = first.CreateHttpClient();
        Assert.All(await ListAsync(http), s => Assert.Equal("NotStarted", s.Status));

        await using var onsite = await SessionClient.ConnectAsync(second.Address, "onsite on node two");
        await onsite.JoinAsync(sessions[2].Id, sessions[2].Keys["onsiteModerator"]);
        await onsite.SendAsync("StartClock");
        var reads = await LogReadsAsync(watcher);
        var list = await ListAsync(http);

        Assert.Equal(1, await LogReadsAsync(watcher) - reads);
        Assert.Equal(sessions.Select(s => (s.Id, s == sessions[2] ? "Running" : "NotStarted")).Order(), list.Select(s => (s.Id, s.Status)).Order());
        reads = await LogReadsAsync(watcher);
        await ListAsync(http);
        Assert.Equal(0, await LogReadsAsync(watcher) - reads);
    }

    private static async Task<SessionListItem[]> ListAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<SessionListItem[]>("/api/sessions", HttpJson.Options, Ct))!;

    private static async Task<long> LogReadsAsync(ConnectionMultiplexer redis) =>
        (await RedisCommandStats.CallsAsync(redis.GetDatabase())).GetValueOrDefault("lrange");
}
