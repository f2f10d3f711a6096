using System.Net;
using System.Net.Http.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>A key replaced through one node no longer opens anything on the other, though that node had not heard of the change.</summary>
public sealed class ClusterKeyRotationTests(SharedRedis redis) : IAsyncLifetime
{
    private TestServer _first = null!;
    private TestServer _second = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var settings = redis.NodeSettings(redis.NewPrefix());
        _first = await TestServer.StartAsync(settings: settings);
        _second = await TestServer.StartAsync(settings: settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task TheOldKeyIsRefusedOnTheOtherNodeAndTheNewOneWorksThere()
    {
        var session = await Seed.CreateAsync(_first);
        var oldKey = session.Keys["onsiteModerator"];
        // Node two holds the session, as it stood before the rotation, through this connection.
        await using var before = await SessionClient.ConnectAsync(_second.Address, "onsite on node two, old link");
        await before.JoinAsync(session.Id, oldKey);

        using var http = _first.CreateHttpClient();
        var response = await http.PostAsync($"/api/sessions/{session.Id}/keys/onsiteModerator/rotate", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = (await response.Content.ReadFromJsonAsync<RoleKeyResponse>(HttpJson.Options, Ct))!;

        await using var late = await SessionClient.ConnectAsync(_second.Address, "onsite on node two, old link again");
        Assert.Equal("unauthorized", await late.RefusedAsync("Join", new JoinRequest(session.Id, oldKey, null)));
        Assert.Equal("unauthorized", await before.RefusedAsync("StartClock"));
        Assert.Equal("unauthorized", await before.RefusedAsync("Resync", 0L));

        await using var fresh = await SessionClient.ConnectAsync(_second.Address, "onsite on node two, new link");
        var joined = await fresh.JoinAsync(session.Id, rotated.Key);
        Assert.Equal(("OnsiteModerator", 2L), (joined.Role, joined.Snapshot.Version));
        var started = await fresh.SendAsync("StartClock");
        Assert.Equal(3, started.Version);
        // The refused join left nothing behind: that connection heard none of it and may join afresh.
        await before.WaitForVersionAsync(started.Version);
        Assert.Empty(late.Received);
        Assert.Equal("OnsiteModerator", (await late.JoinAsync(session.Id, rotated.Key)).Role);
        // Downloads on node two take the new key and refuse the old one.
        using var oldDownload = _second.CreateHttpClient(oldKey);
        using var newDownload = _second.CreateHttpClient(rotated.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldDownload.GetAsync($"/api/sessions/{session.Id}/report.md", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newDownload.GetAsync($"/api/sessions/{session.Id}/report.md", Ct)).StatusCode);
    }
}
