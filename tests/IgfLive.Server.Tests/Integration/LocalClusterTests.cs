using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// The cluster users start with <c>deploy/local-cluster.sh</c>: nginx in front of two nodes on
/// one Redis. A node is killed mid-session; its clients come back through nginx on the other node.
/// </summary>
public sealed class LocalClusterTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    public async ValueTask InitializeAsync() => _cluster = await LocalCluster.UpAsync();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task WhenTheirNodeIsKilledClientsReconnectThroughNginxToTheOtherNodeAndMissNothing()
    {
        using (var http = _cluster.CreateHttpClient(bearer: null))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
            // The nodes run from the repository root, not beside their build: the views must still be served.
            var page = await http.GetAsync("/");
            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }
        var session = await Seed.CreateAsync(_cluster);
        var onsite = await SessionClient.ConnectAsync(_cluster.Address, "onsite");
        await onsite.JoinAsync(session.Id, session.Keys["onsiteModerator"]);
        var online = await SessionClient.ConnectAsync(_cluster.Address, "online");
        await online.JoinAsync(session.Id, session.Keys["onlineModerator"]);
        var alice = await SessionClient.ConnectAsync(_cluster.Address, "alice");
        var aliceJoin = await alice.JoinAsync(session.Id, session.ParticipantCode);

        await onsite.SendAsync("StartClock");
        var asked = await alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who keeps the data?", "Alice", null, null, null));
        var approved = await online.SendAsync("ApproveQuestion", asked.Id);
        await alice.WaitForVersionAsync(approved.Version);
        var aliceSaw = alice.Version;

        var node = _cluster.NodeServing(session.Id);
        await _cluster.KillAsync(node);
        await onsite.DisposeAsync();
        await online.DisposeAsync();
        await alice.DisposeAsync();

        // The moderators come back first (through nginx, now to the surviving node) and carry on.
        await using var onsiteAgain = await SessionClient.ConnectAsync(_cluster.Address, "onsite again");
        var rejoined = await onsiteAgain.JoinAsync(session.Id, session.Keys["onsiteModerator"]);
        Assert.Equal(approved.Version, rejoined.Snapshot.Version);
        await using var onlineAgain = await SessionClient.ConnectAsync(_cluster.Address, "online again");
        await onlineAgain.JoinAsync(session.Id, session.Keys["onlineModerator"]);
        await onlineAgain.SendAsync("ForwardQuestion", asked.Id);
        await onsiteAgain.SendAsync("NextSegment");
        var live = await onsiteAgain.SendAsync("MakeQuestionLive", asked.Id);
        Assert.True(_cluster.Joined(OtherThan(node), session.Id), $"The clients of the killed {node} did not come back on the other node.");

        // Alice returns as herself and asks for what she missed: exactly that, nothing twice.
        await using var aliceAgain = await SessionClient.ConnectAsync(_cluster.Address, "alice again");
        var back = await aliceAgain.JoinAsync(session.Id, session.ParticipantCode, aliceJoin.ParticipantToken);
        Assert.Equal(aliceJoin.ParticipantId, back.ParticipantId);
        var missed = await aliceAgain.ResyncAsync(aliceSaw);
        Assert.Null(missed.Snapshot);
        Assert.Equal(Enumerable.Range((int)aliceSaw + 1, (int)(live.Version - aliceSaw)).Select(i => (long)i), missed.Events.Select(e => e.Seq));
        var mine = Assert.Single(back.Snapshot.Questions, q => q.Mine);
        Assert.Equal(("Live", "Who keeps the data?"), (mine.Status, mine.Text));
    }

    private static string OtherThan(string node) => node == "node1" ? "node2" : "node1";
}
