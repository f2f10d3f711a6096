using System.Collections.Concurrent;
using System.Text.Json;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;
using IgfLive.Server.Sessions.Relay;
using IgfLive.Server.Storage.Redis;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// Two nodes on one Redis, as behind a load balancer: people on either node are in the same
/// session, see the same events in the same order, and keep their identity from node to node.
/// </summary>
public sealed class ClusterTests(SharedRedis redis) : TwoNodeTests(redis, new Dictionary<string, string?>
{
    ["Limits:CallsPerSecond"] = "1000",
    ["Limits:QuestionsPerMinute"] = "100",
})
{
    [Fact]
    public async Task ClientsOnEitherNodeSeeTheSameEventsInTheSameOrderAsTheLog()
    {
        var session = await Seed.CreateAsync(First);
        await using var cast = await Roles.JoinAcrossAsync(First, Second, session);
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
        work.Add(cast.Online.SendAsync("SendStageMessage", "Five minutes to the break", false));
        var results = await Task.WhenAll(work);
        var last = results.Max(r => r.Version);

        await cast.AllReachAsync(last);

        var log = await First.Services.GetRequiredService<IEventLog>().ReadAsync(session.Id, 0, TestContext.Current.CancellationToken);
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
        var session = await Seed.CreateAsync(First);
        await using var onFirst = await SessionClient.ConnectAsync(First.Address, "alice on node one");
        var joined = await onFirst.JoinAsync(session.Id, session.ParticipantCode);
        var asked = await onFirst.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Do both nodes know me?", "Alice", null, null, null));
        await onFirst.DisposeAsync();

        await using var onSecond = await SessionClient.ConnectAsync(Second.Address, "alice on node two");
        var rejoined = await onSecond.JoinAsync(session.Id, session.ParticipantCode, joined.ParticipantToken);

        Assert.Equal(joined.ParticipantId, rejoined.ParticipantId);
        Assert.True(rejoined.Snapshot.Questions.Single(q => q.Id == asked.Id).Mine);
        // Only the author may withdraw: node two must treat her as the author.
        var withdrawn = await onSecond.SendAsync("WithdrawQuestion", asked.Id);
        Assert.Equal(asked.Version + 1, withdrawn.Version);

        // A token the cluster never issued gets a new identity, not someone else's.
        await using var stranger = await SessionClient.ConnectAsync(Second.Address, "stranger");
        var forged = await stranger.JoinAsync(session.Id, session.ParticipantCode, joined.ParticipantToken![..^4] + "AAAA");
        Assert.NotEqual(joined.ParticipantId, forged.ParticipantId);
    }

    [Fact]
    public async Task ASessionCreatedOnOneNodeIsFoundByCodeAndListedOnTheOther()
    {
        var session = await Seed.CreateAsync(First);
        using var http = Second.CreateHttpClient();

        var byCode = await http.GetAsync($"/api/sessions/by-code/{session.ParticipantCode.ToLowerInvariant()}", TestContext.Current.CancellationToken);
        var list = await http.GetStringAsync("/api/sessions", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, byCode.StatusCode);
        Assert.Contains(session.Id, list, StringComparison.Ordinal);
        await using var stage = await SessionClient.ConnectAsync(Second.Address, "stage on node two");
        var joined = await stage.JoinAsync(session.Id, session.Keys["stage"]);
        Assert.Equal(nameof(SessionRole.Stage), joined.Role);
        Assert.Equal(1, joined.Snapshot.Version);
    }

    [Fact]
    public async Task StaffSeeTheParticipantsOfBothNodesAndTheReportKeepsTheClusterPeak()
    {
        var session = await Seed.CreateAsync(First);
        await using var onsite = await SessionClient.ConnectAsync(First.Address, "onsite on node one");
        await onsite.JoinAsync(session.Id, session.Keys["onsiteModerator"]);
        await using var people = new SessionClientCollection();
        foreach (var node in new[] { First, First, First, Second, Second })
        {
            var person = await SessionClient.ConnectAsync(node.Address, $"participant {people.Count}");
            people.Add(person);
            await person.JoinAsync(session.Id, session.ParticipantCode);
        }
        await onsite.WaitUntilAsync(() => onsite.Presence is [.., var last] && last == new PresenceDto(5, 5), "staff on node one to count five online");

        await people[^1].DisposeAsync();
        people.RemoveAt(people.Count - 1);

        await onsite.WaitUntilAsync(() => onsite.Presence is [.., var last] && last == new PresenceDto(4, 5), "staff on node one to see one leave node two");
        using var http = Second.CreateHttpClient();
        var report = await http.GetStringAsync($"/api/sessions/{session.Id}/report.md", TestContext.Current.CancellationToken);
        Assert.Contains("peak of 5 participants online at once", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANodeHearsASessionOnOneChannelForAsLongAsItHoldsAConnectionOfIt()
    {
        var session = await Seed.CreateAsync(First);
        var channel = $"{Prefix}:session:{session.Id}";
        await using var people = new SessionClientCollection();
        for (var i = 0; i < 4; i++)
        {
            var person = await SessionClient.ConnectAsync(First.Address, $"participant {i}");
            people.Add(person);
            await person.JoinAsync(session.Id, session.ParticipantCode);
        }
        var asked = await people[0].SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who pays for rural backbone links?", null, null, null, null));
        await people[0].WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Submitted");

        // Four people, one of whom has asked: one channel, heard by the one node that holds them.
        Assert.Equal([(channel, 1L)], await ChannelsAsync(session.Id));

        await using (var stage = await SessionClient.ConnectAsync(Second.Address, "stage on node two"))
        {
            await stage.JoinAsync(session.Id, session.Keys["stage"]);
            Assert.Equal([(channel, 2L)], await ChannelsAsync(session.Id));
        }
        await Eventually.UntilAsync(async () => (await ChannelsAsync(session.Id)).SequenceEqual([(channel, 1L)]), SessionClient.Timeout, "node two to stop hearing the session");

        foreach (var person in people)
        {
            await person.DisposeAsync();
        }
        people.Clear();
        await Eventually.UntilAsync(async () => (await ChannelsAsync(session.Id)).Length == 0, SessionClient.Timeout, "node one to stop hearing the session");
        Assert.Equal(0, First.Services.GetRequiredService<RedisSessionRelay>().SubscribedSessions);

        // Someone arriving afterwards hears it again, from either node's commands.
        await using var back = await SessionClient.ConnectAsync(First.Address, "participant back on node one");
        await back.JoinAsync(session.Id, session.ParticipantCode);
        await using var onsite = await SessionClient.ConnectAsync(Second.Address, "onsite on node two");
        await onsite.JoinAsync(session.Id, session.Keys["onsiteModerator"]);
        var started = await onsite.SendAsync("StartClock");
        await back.WaitForVersionAsync(started.Version);
        Assert.Equal([(channel, 2L)], await ChannelsAsync(session.Id));
    }

    [Fact]
    public async Task ConnectionsComingAndGoingAtOnceLeaveTheNodeHearingTheSessionWhileOneRemains()
    {
        var session = await Seed.CreateAsync(First);
        var channel = $"{Prefix}:session:{session.Id}";
        var relay = First.Services.GetRequiredService<RedisSessionRelay>();
        await using var people = new SessionClientCollection();
        var connected = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => SessionClient.ConnectAsync(First.Address, $"participant {i}")));
        people.AddRange(connected);

        // All join at once, then half leave while the other half join again on new connections.
        await Task.WhenAll(people.Select(p => p.JoinAsync(session.Id, session.ParticipantCode)));
        var leaving = people.Take(12).ToArray();
        var arriving = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => SessionClient.ConnectAsync(First.Address, $"late {i}")));
        await Task.WhenAll(
            Task.WhenAll(leaving.Select(p => p.DisposeAsync().AsTask())),
            Task.WhenAll(arriving.Select(p => p.JoinAsync(session.Id, session.ParticipantCode))));
        people.RemoveAll(leaving.Contains);
        people.AddRange(arriving);

        Assert.Equal([(channel, 1L)], await ChannelsAsync(session.Id));
        await using var onsite = await SessionClient.ConnectAsync(Second.Address, "onsite on node two");
        await onsite.JoinAsync(session.Id, session.Keys["onsiteModerator"]);
        var started = await onsite.SendAsync("StartClock");
        await Task.WhenAll(people.Select(p => p.WaitForVersionAsync(started.Version)));

        await Task.WhenAll(people.Select(p => p.DisposeAsync().AsTask()));
        people.Clear();
        await Eventually.UntilAsync(async () => (await ChannelsAsync(session.Id)).SequenceEqual([(channel, 1L)]), SessionClient.Timeout, "node one to stop hearing the session");
        Assert.Equal(0, relay.SubscribedSessions);
    }

    [Fact]
    public async Task EachBroadcastIsOnePublishOnTheSessionsChannelWhateverAudiencesAndAuthorsItReaches()
    {
        // A Redis of its own, so that INFO commandstats counts this test's publishes alone.
        await using var own = await RedisServer.StartAsync();
        var prefix = Redis.NewPrefix();
        var settings = SharedRedis.ClusterSettings(own.Configuration, prefix, new Dictionary<string, string?> { ["Limits:CallsPerSecond"] = "1000" });
        await using var first = await TestServer.StartAsync(settings: settings);
        await using var second = await TestServer.StartAsync(settings: settings);
        var session = await Seed.CreateAsync(first);
        await using var cast = await Roles.JoinAcrossAsync(first, second, session);
        await cast.Onsite.WaitUntilAsync(() => cast.Onsite.Presence is [.., var last] && last.Online == 2, "staff to count both participants");
        await using var watcher = await ConnectionMultiplexer.ConnectAsync(own.Configuration + ",allowAdmin=true");
        var seen = new ConcurrentQueue<(string Channel, string Message)>();
        await watcher.GetSubscriber().SubscribeAsync(
            RedisChannel.Pattern($"{prefix}:*"),
            (channel, message) => seen.Enqueue((channel.ToString(), message.ToString())));
        var before = (await RedisCommandStats.CallsAsync(watcher.GetDatabase())).GetValueOrDefault("publish");

        // A command for each kind of broadcast: the clock, a participant's question (with news for
        // its author), a moderator's decision on it, a rapporteur's note, a message to the stage.
        var results = new List<CommandResult> { await cast.Onsite.SendAsync("StartClock") };
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who sets the rules for cross-border data?", "Alice", null, null, null));
        results.Add(asked);
        results.Add(await cast.Online.SendAsync("ApproveQuestion", asked.Id));
        results.Add(await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", "Data rules differ by region.", null, null, null)));
        results.Add(await cast.Online.SendAsync("SendStageMessage", "Two minutes left", false));
        results.Add(await cast.Onsite.SendAsync("AdjustSegment", 30));
        await cast.AllReachAsync(results[^1].Version);
        await cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Approved");
        await Eventually.UntilAsync(() => Task.FromResult(seen.Count >= results.Count), SessionClient.Timeout, "the watcher to see every broadcast");
        var publishes = (await RedisCommandStats.CallsAsync(watcher.GetDatabase())).GetValueOrDefault("publish") - before;

        Assert.Equal(results.Count, publishes);
        Assert.Equal(results.Count, seen.Count);
        Assert.All(seen, m => Assert.Equal($"{prefix}:session:{session.Id}", m.Channel));
        // Each message carries every audience's projection, and the author's news travels with
        // its event. A node sends the events it caught up on from the other node again in front of
        // its own (clients drop the repeats), so the approval and the note, each decided on the
        // node that had not seen the event before it, carry news of Alice's question too.
        var messages = seen.Select(m => JsonDocument.Parse(m.Message).RootElement.GetProperty("sends").EnumerateArray()
                .Select(s => (Method: s.GetProperty("method").GetString(), Argument: s.GetProperty("argument").Clone())).ToArray())
            .OrderBy(sends => sends[0].Argument.EnumerateArray().Last().GetProperty("seq").GetInt64())
            .ToArray();
        // The participants' projection, and one for the holders of each role's key (three staff roles, the stage).
        Assert.All(messages, sends => Assert.Equal(5, sends.Count(s => s.Method == "EventsRecorded")));
        Assert.Equal([0, 1, 1, 1, 0, 0], messages.Select(sends => sends.Count(s => s.Method == "MyQuestionChanged")));
        // One event a command, but the start's two (ClockStarted is 2, SegmentEntered 3).
        Assert.Equal([2L, .. results.Select(r => r.Version)], cast.Alice.Events.Select(e => e.Seq));
    }

    [Fact]
    public async Task AnythingElseOnASessionsChannelIsDroppedAndTheSessionGoesOn()
    {
        var session = await Seed.CreateAsync(First);
        await using var cast = await Roles.JoinAcrossAsync(First, Second, session);
        var started = await cast.Onsite.SendAsync("StartClock");
        await cast.AllReachAsync(started.Version);
        await using var intruder = await ConnectionMultiplexer.ConnectAsync(Redis.Configuration);
        var channel = RedisChannel.Literal($"{Prefix}:session:{session.Id}");
        string[] garbage =
        [
            "not json",
            """{"sends":[{"group":"session:elsewhere:staff","method":"EventsRecorded","argument":[]}]}""",
            $$"""{"sends":[{"group":"session:{{session.Id}}:participants","method":"Shutdown","argument":[]}]}""",
        ];
        foreach (var message in garbage)
        {
            Assert.Equal(2, await intruder.GetSubscriber().PublishAsync(channel, message));
        }
        var relays = new[] { First, Second }.Select(n => n.Services.GetRequiredService<RedisSessionRelay>()).ToArray();
        await Eventually.UntilAsync(() => Task.FromResult(relays.All(r => r.DroppedMessages >= garbage.Length)), SessionClient.Timeout, "both nodes to drop the three messages");

        var next = await cast.Online.SendAsync("SendStageMessage", "Still here", false);
        await cast.AllReachAsync(next.Version);
        Assert.All(relays, r => Assert.Equal(garbage.Length, r.DroppedMessages));
        // Each client received the start's two events and the message's (the second node sends the
        // first ones again in front of its own: clients drop the repeats) and nothing else.
        Assert.All(cast.All, c => Assert.Equal([2L, 3L, 4L], c.Received.Select(e => e.Seq).Distinct()));
        Assert.All(cast.All, c => Assert.Equal([2L, 3L, 4L], c.Events.Select(e => e.Seq)));
    }

    /// <summary>Every channel under this test's prefix that names the session, with how many nodes listen to it.</summary>
    private async Task<(string Channel, long Subscribers)[]> ChannelsAsync(string sessionId)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(Redis.Configuration);
        var db = admin.GetDatabase();
        var channels = ((RedisResult[])(await db.ExecuteAsync("PUBSUB", "CHANNELS", $"{Prefix}:*{sessionId}*"))!)
            .Select(c => c.ToString()).Order(StringComparer.Ordinal).ToArray();
        var result = new List<(string, long)>();
        foreach (var channel in channels)
        {
            var counts = (RedisResult[])(await db.ExecuteAsync("PUBSUB", "NUMSUB", channel))!;
            result.Add((channel, (long)counts[1]));
        }
        return [.. result];
    }

    [Fact]
    public async Task AnAuthorsTabOnTheOtherNodeHearsHowTheirQuestionFares()
    {
        var session = await Seed.CreateAsync(First);
        await using var online = await SessionClient.ConnectAsync(First.Address, "online moderator on node one");
        await online.JoinAsync(session.Id, session.Keys["onlineModerator"]);
        await using var alice = await SessionClient.ConnectAsync(First.Address, "alice on node one");
        var joined = await alice.JoinAsync(session.Id, session.ParticipantCode);
        var asked = await alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Is the data kept in the region?", "Alice", null, null, null));

        // Her second tab lands on the other node, which has never seen her ask.
        await using var aliceTab = await SessionClient.ConnectAsync(Second.Address, "alice's tab on node two");
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
        var session = await Seed.CreateAsync(First);
        await using var cast = await Roles.JoinAcrossAsync(First, Second, session);

        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who audits the audit?", "Alice", null, null, null));
        // The online moderator's node (the second) decides on the session as it last saw it, from
        // before Alice asked on the first: it must find the question in the log rather than refuse
        // it as unknown.
        var approved = await cast.Online.SendAsync("ApproveQuestion", asked.Id);

        Assert.Equal(asked.Version + 1, approved.Version);
        await cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Approved");
    }
}
