using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// Two nodes on one Redis, as behind a load balancer: people on either node are in the same
/// session, see the same events in the same order, and keep their identity from node to node.
/// </summary>
public sealed class ClusterTests(SharedRedis redis) : IAsyncLifetime
{
    private TestServer _first = null!;
    private TestServer _second = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = redis.NodeSettings(redis.NewPrefix(), new Dictionary<string, string?>
        {
            ["Limits:CallsPerSecond"] = "1000",
            ["Limits:QuestionsPerMinute"] = "100",
        });
        _first = await TestServer.StartAsync(settings: settings);
        _second = await TestServer.StartAsync(settings: settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task ClientsOnEitherNodeSeeTheSameEventsInTheSameOrderAsTheLog()
    {
        var session = await Seed.CreateAsync(_first);
        await using var cast = await Roles.JoinAcrossAsync(_first, _second, session);
        await cast.Onsite.SendAsync("StartClock");

        // Everyone acts at once, from both nodes: the nodes race for every sequence number.
        var work = new List<Task<CommandResult>>();
        for (var i = 0; i < 10; i++)
        {
            work.Add(cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", $"Point {i} from node one", null, null, null)));
            work.Add(cast.Online.SendAsync("RecordQuestion", new RecordQuestionRequest($"Floor question {i} via node two", null, null, null, "Floor", null)));
            work.Add(cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest($"Alice's question {i}", "Alice", null, null, null)));
            work.Add(cast.Bob.SendAsync("SubmitQuestion", new SubmitQuestionRequest($"Bob's question {i}", null, null, null, null)));
        }
        work.Add(cast.Onsite.SendAsync("NextSegment"));
        work.Add(cast.Online.SendAsync("SendStageMessage", "Five minutes to the break"));
        var results = await Task.WhenAll(work);
        var last = results.Max(r => r.Version);

        await cast.AllReachAsync(last);

        var log = await _first.Services.GetRequiredService<ISessionStore>().ReadAsync(session.Id, 0, TestContext.Current.CancellationToken);
        Assert.Equal(last, log.Count);
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), log.Select(e => e.Sequence));
        Assert.Equal(results.Length, results.Select(r => r.Version).Distinct().Count());
        var expected = log.Skip(1).Select(e => (e.Sequence, e.At, e.Event.GetType().Name)).ToArray();
        foreach (var staff in cast.Staff)
        {
            Assert.Equal(expected, staff.Events.Select(e => (e.Seq, e.At, e.Type)));
        }
        // Participants and the stage see every sequence number too, with what they may not see hidden.
        foreach (var other in new[] { cast.Alice, cast.Bob, cast.Stage })
        {
            Assert.Equal(expected.Select(e => (e.Sequence, e.At)), other.Events.Select(e => (e.Seq, e.At)));
            Assert.All(other.Events.Zip(expected), pair => Assert.Contains(pair.First.Type, new[] { pair.Second.Item3, EventProjection.Hidden }));
        }
    }

    [Fact]
    public async Task AParticipantTokenIssuedByOneNodeIsAcceptedByTheOther()
    {
        var session = await Seed.CreateAsync(_first);
        await using var onFirst = await SessionClient.ConnectAsync(_first.Address, "alice on node one");
        var joined = await onFirst.JoinAsync(session.Id, session.ParticipantCode);
        var asked = await onFirst.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Do both nodes know me?", "Alice", null, null, null));
        await onFirst.DisposeAsync();

        await using var onSecond = await SessionClient.ConnectAsync(_second.Address, "alice on node two");
        var rejoined = await onSecond.JoinAsync(session.Id, session.ParticipantCode, joined.ParticipantToken);

        Assert.Equal(joined.ParticipantId, rejoined.ParticipantId);
        Assert.True(rejoined.Snapshot.Questions.Single(q => q.Id == asked.Id).Mine);
        // Only the author may withdraw: node two must treat her as the author.
        var withdrawn = await onSecond.SendAsync("WithdrawQuestion", asked.Id);
        Assert.Equal(asked.Version + 1, withdrawn.Version);

        // A token the cluster never issued gets a new identity, not someone else's.
        await using var stranger = await SessionClient.ConnectAsync(_second.Address, "stranger");
        var forged = await stranger.JoinAsync(session.Id, session.ParticipantCode, joined.ParticipantToken![..^4] + "AAAA");
        Assert.NotEqual(joined.ParticipantId, forged.ParticipantId);
    }

    [Fact]
    public async Task ASessionCreatedOnOneNodeIsFoundByCodeAndListedOnTheOther()
    {
        var session = await Seed.CreateAsync(_first);
        using var http = _second.CreateHttpClient();

        var byCode = await http.GetAsync($"/api/sessions/by-code/{session.ParticipantCode.ToLowerInvariant()}", TestContext.Current.CancellationToken);
        var list = await http.GetStringAsync("/api/sessions", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, byCode.StatusCode);
        Assert.Contains(session.Id, list, StringComparison.Ordinal);
        await using var stage = await SessionClient.ConnectAsync(_second.Address, "stage on node two");
        var joined = await stage.JoinAsync(session.Id, session.Keys["stage"]);
        Assert.Equal(nameof(SessionRole.Stage), joined.Role);
        Assert.Equal(1, joined.Snapshot.Version);
    }

    [Fact]
    public async Task StaffSeeTheParticipantsOfBothNodesAndTheReportKeepsTheClusterPeak()
    {
        var session = await Seed.CreateAsync(_first);
        await using var onsite = await SessionClient.ConnectAsync(_first.Address, "onsite on node one");
        await onsite.JoinAsync(session.Id, session.Keys["onsiteModerator"]);
        await using var people = new SessionClientCollection();
        foreach (var node in new[] { _first, _first, _first, _second, _second })
        {
            var person = await SessionClient.ConnectAsync(node.Address, $"participant {people.Count}");
            people.Add(person);
            await person.JoinAsync(session.Id, session.ParticipantCode);
        }
        await onsite.WaitUntilAsync(() => onsite.Presence is [.., var last] && last == new PresenceDto(5, 5), "staff on node one to count five online");

        await people[^1].DisposeAsync();
        people.RemoveAt(people.Count - 1);

        await onsite.WaitUntilAsync(() => onsite.Presence is [.., var last] && last == new PresenceDto(4, 5), "staff on node one to see one leave node two");
        using var http = _second.CreateHttpClient();
        var report = await http.GetStringAsync($"/api/sessions/{session.Id}/report.md", TestContext.Current.CancellationToken);
        Assert.Contains("peak of 5 participants online at once", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyParticipantsWhoHaveAskedCostTheBackplaneASubscriptionOfTheirOwn()
    {
        var session = await Seed.CreateAsync(_first);
        await using var people = new SessionClientCollection();
        for (var i = 0; i < 4; i++)
        {
            var person = await SessionClient.ConnectAsync(_first.Address, $"participant {i}");
            people.Add(person);
            await person.JoinAsync(session.Id, session.ParticipantCode);
        }
        Assert.Empty(await OwnChannelsAsync(session.Id));

        var asked = await people[0].SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who pays for rural backbone links?", null, null, null, null));
        await people[0].WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Submitted");

        Assert.Single(await OwnChannelsAsync(session.Id));
        // The subscription comes before the question is decided: a refused one subscribes its would-be asker too.
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            people[1].SendAsync("SubmitQuestion", new SubmitQuestionRequest("   ", null, null, null, null)));
        Assert.Equal("invalid_input", SessionClient.ErrorCode(refused));
        Assert.Equal(2, (await OwnChannelsAsync(session.Id)).Length);
    }

    [Fact]
    public async Task AnAuthorsTabOnTheOtherNodeHearsHowTheirQuestionFares()
    {
        var session = await Seed.CreateAsync(_first);
        await using var online = await SessionClient.ConnectAsync(_first.Address, "online moderator on node one");
        await online.JoinAsync(session.Id, session.Keys["onlineModerator"]);
        await using var alice = await SessionClient.ConnectAsync(_first.Address, "alice on node one");
        var joined = await alice.JoinAsync(session.Id, session.ParticipantCode);
        var asked = await alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Is the data kept in the region?", "Alice", null, null, null));

        // Her second tab lands on the other node, which has never seen her ask.
        await using var aliceTab = await SessionClient.ConnectAsync(_second.Address, "alice's tab on node two");
        var tabJoin = await aliceTab.JoinAsync(session.Id, session.ParticipantCode, joined.ParticipantToken);
        Assert.True(tabJoin.Snapshot.Questions.Single(q => q.Id == asked.Id).Mine);
        await online.SendAsync("RejectQuestion", asked.Id, "Asked and answered in the previous session.");

        var seen = await aliceTab.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Rejected");
        Assert.Equal("Asked and answered in the previous session.", seen.RejectionReason);
        await alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Rejected");
    }

    [Fact]
    public async Task AModeratorOnOneNodeCanActAtOnceOnAQuestionAskedOnTheOther()
    {
        var session = await Seed.CreateAsync(_first);
        await using var cast = await Roles.JoinAcrossAsync(_first, _second, session);

        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who audits the audit?", "Alice", null, null, null));
        // The online moderator's node (the second) decides on the session as it last saw it, from
        // before Alice asked on the first: it must find the question in the log rather than refuse
        // it as unknown.
        var approved = await cast.Online.SendAsync("ApproveQuestion", asked.Id);

        Assert.Equal(asked.Version + 1, approved.Version);
        await cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Approved");
    }

    /// <summary>The backplane's channels for participants' own groups in the session (one per participant who has asked).</summary>
    private async Task<string[]> OwnChannelsAsync(string sessionId)
    {
        await using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var channels = (StackExchange.Redis.RedisResult[])(await admin.GetDatabase().ExecuteAsync("PUBSUB", "CHANNELS", $"*{sessionId}:participant:*"))!;
        return [.. channels.Select(c => c.ToString())];
    }
}
