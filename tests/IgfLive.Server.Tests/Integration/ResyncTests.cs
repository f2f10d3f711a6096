using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgfLive.Server.Tests.Integration;

/// <summary>A client that drops off and comes back gets exactly what it missed: no gaps, no duplicates.</summary>
public sealed class ResyncTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AParticipantWhoReconnectsGetsExactlyTheEventsItMissed()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        await cast.Onsite.SendAsync("StartClock");
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Will the report be public?", "Alice", null, null, null));
        await cast.Alice.WaitForVersionAsync(asked.Version);
        var seenBeforeDrop = cast.Alice.Version;
        var token = cast.Alice.Joined!.ParticipantToken;
        await cast.Alice.Connection.StopAsync();

        // Life goes on without Alice.
        await cast.Online.SendAsync("ApproveQuestion", "q1");
        await cast.Onsite.SendAsync("NextSegment");
        await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", "Alice is away", null, null, null));
        await cast.Bob.SendAsync("VoteQuestion", "q1");
        var last = await cast.Onsite.SendAsync("PauseClock");
        await cast.Onsite.WaitForVersionAsync(last.Version);

        await using var back = await SessionClient.ConnectAsync(_server.Address, "alice again");
        var rejoined = await back.JoinAsync(session.Id, session.ParticipantCode, token);
        Assert.Equal(cast.Alice.Joined.ParticipantId, rejoined.ParticipantId);
        var resync = await back.CallAsync<ResyncResult>("Resync", seenBeforeDrop);

        Assert.Null(resync.Snapshot);
        var expected = cast.Onsite.Events.Where(e => e.Seq > seenBeforeDrop).Select(e => e.Seq).ToArray();
        Assert.Equal(expected, resync.Events.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range((int)seenBeforeDrop + 1, (int)(last.Version - seenBeforeDrop)).Select(i => (long)i), resync.Events.Select(e => e.Seq));
        Assert.Equal("Hidden", resync.Events.Single(e => e.Seq == last.Version - 2).Type);
        var vote = SessionClient.Data<QuestionEventData>(resync.Events.Single(e => e.Type == "QuestionVoted"));
        Assert.Equal(1, vote.Votes);
        // The replayed log is the room's; what is Alice's own comes with the rejoin's snapshot.
        Assert.False(vote.Question!.Mine);
        var mine = Assert.Single(rejoined.Snapshot.Questions, q => q.Mine);
        Assert.Equal(("q1", "Approved", 1), (mine.Id, mine.Status, mine.Votes));

        // Asking again from the version it now has yields nothing: no duplicates.
        var again = await back.CallAsync<ResyncResult>("Resync", last.Version);
        Assert.Empty(again.Events);
        Assert.Equal(last.Version, rejoined.Snapshot.Version);
    }

    [Fact]
    public async Task AClientThatSeesAGapAsksForTheMissingEventsAndEndsUpWithEveryEventOnce()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        await cast.Onsite.SendAsync("StartClock");
        for (var i = 0; i < 5; i++)
        {
            await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", $"note {i}", null, null, null));
        }
        var last = await cast.Onsite.SendAsync("NextSegment");
        await cast.AllReachAsync(last.Version);

        var resync = await cast.Online.ResyncAsync(2);
        Assert.Equal(Enumerable.Range(3, (int)last.Version - 2).Select(i => (long)i), resync.Events.Select(e => e.Seq));
        Assert.Equal(cast.Online.Events.Select(e => e.Seq).Distinct().Count(), cast.Online.Events.Count);
    }
}
