using System.Collections.Concurrent;
using IgfLive.Server.Contracts;
using Microsoft.AspNetCore.SignalR;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// The server process is killed with SIGKILL (no shutdown code runs) and started again on the
/// same data directory: every acknowledged event is still there and the session carries on.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("igflive-restart-").FullName;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        TestServer.TryDelete(_data);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task AKilledServerRestartsOnTheSameDataAndTheSessionContinuesWithNothingLost()
    {
        var first = await ServerProcess.StartAsync(_data);
        SessionCreatedInfo created;
        long acknowledged;
        IReadOnlyList<(long, string)> before;
        string? aliceToken, aliceId;
        await using (first)
        {
            var session = await Seed.CreateAsync(first);
            created = new SessionCreatedInfo(session.Id, session.ParticipantCode, session.Keys["onsiteModerator"], session.Keys["onlineModerator"], session.Keys["rapporteur"]);
            await using var cast = await Roles.JoinAsync(first, session);
            await cast.Onsite.SendAsync("StartClock");
            await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Is this kept after a crash?", "Alice", null, null, null));
            await cast.Online.SendAsync("ApproveQuestion", "q1");
            await cast.Onsite.SendAsync("NextSegment");
            acknowledged = (await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("KeyTakeaway", "Durability matters", null, null, null))).Version;
            await cast.Onsite.WaitForVersionAsync(acknowledged);
            before = cast.Onsite.Events.Select(e => (e.Seq, e.Type)).ToArray();
            aliceToken = cast.Alice.Joined!.ParticipantToken;
            aliceId = cast.Alice.Joined.ParticipantId;
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(_data);
        await using var onsite = await SessionClient.ConnectAsync(second.Address, "onsite after restart");
        var joined = await onsite.JoinAsync(created.Id, created.OnsiteKey);
        Assert.Equal(acknowledged, joined.Snapshot.Version);
        Assert.Equal("Running", joined.Snapshot.Clock.Status);
        Assert.Equal(1, joined.Snapshot.Clock.Segment);
        Assert.Contains(joined.Snapshot.Notes, n => n.Text == "Durability matters");

        var replay = await onsite.CallAsync<ResyncResult>("Resync", 1L);
        Assert.Equal(before, replay.Events.Select(e => (e.Seq, e.Type)));

        // The participant's identity survives too: Alice can still withdraw her own question.
        await using var alice = await SessionClient.ConnectAsync(second.Address, "alice after restart");
        var rejoined = await alice.JoinAsync(created.Id, created.Code, aliceToken);
        Assert.Equal(aliceId, rejoined.ParticipantId);
        Assert.True(rejoined.Snapshot.Questions.Single(q => q.Id == "q1").Mine);
        var withdrawn = await alice.SendAsync("WithdrawQuestion", "q1");
        var next = await onsite.SendAsync("NextSegment");
        Assert.Equal(acknowledged + 2, next.Version);
        Assert.Equal(acknowledged + 1, withdrawn.Version);
    }

    [Fact]
    public async Task EveryNoteAcknowledgedBeforeAKillMidStreamIsStillThereAfterRestart()
    {
        // The flood guard would slow the writers down; this test is about durability, not limits.
        var server = await ServerProcess.StartAsync(_data, new Dictionary<string, string> { ["Limits__CallsPerSecond"] = "10000" });
        var session = await Seed.CreateAsync(server);
        var key = session.Keys["rapporteur"];
        var acknowledged = new ConcurrentDictionary<string, string>();
        var writers = new List<SessionClient>();
        for (var w = 0; w < 3; w++)
        {
            var client = await SessionClient.ConnectAsync(server.Address, $"writer {w}");
            await client.JoinAsync(session.Id, key);
            writers.Add(client);
        }
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = writers.Select((client, w) => Task.Run(async () =>
        {
            for (var i = 0; !enough.Task.IsCompleted && i < 10_000; i++)
            {
                var text = $"writer {w} note {i}";
                try
                {
                    var result = await client.SendAsync("AddNote", new AddNoteRequest("Point", text, null, null, null));
                    acknowledged[result.Id!] = text;
                }
                catch (Exception ex) when (ex is RefusedCallException or HubException or InvalidOperationException or IOException or TaskCanceledException or System.Net.WebSockets.WebSocketException)
                {
                    return; // The server died under us: this command was never acknowledged.
                }
                if (acknowledged.Count >= 60)
                {
                    enough.TrySetResult();
                }
            }
        })).ToArray();
        await Task.WhenAny(Task.WhenAll(tasks), enough.Task).WaitAsync(TimeSpan.FromSeconds(60));
        await server.KillAsync();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }
        await server.DisposeAsync();

        Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} notes were acknowledged");
        await using var restarted = await ServerProcess.StartAsync(_data);
        await using var reader = await SessionClient.ConnectAsync(restarted.Address, "reader");
        var joined = await reader.JoinAsync(session.Id, key);
        var stored = joined.Snapshot.Notes.ToDictionary(n => n.Id, n => n.Text);
        foreach (var (id, text) in acknowledged)
        {
            Assert.True(stored.TryGetValue(id, out var found), $"acknowledged note {id} was lost");
            Assert.Equal(text, found);
        }
    }

    private sealed record SessionCreatedInfo(string Id, string Code, string OnsiteKey, string OnlineKey, string RapporteurKey);
}
