using System.Collections.Concurrent;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// A busy plenary on two nodes: two online moderators, one per node, and two hundred participants
/// split between the nodes, all acting at once. Every command the server acknowledged is in the
/// log exactly once, and the votes counted are the votes acknowledged.
/// </summary>
public sealed class ClusterLoadTests(SharedRedis redis) : TwoNodeTests(redis, new Dictionary<string, string?>
{
    // The per-person limits would (rightly) stop this crowd; the test is about concurrency.
    ["Limits:CallsPerSecond"] = "10000",
    ["Limits:QuestionsPerMinute"] = "1000",
    ["Limits:VotesPerMinute"] = "10000",
})
{
    private const int Participants = 200;
    private const int VotesEach = 2;
    private const int QuestionsPerModerator = 5;

    [Fact]
    public async Task EveryAcknowledgedCommandFromTwoNodesIsInTheLogOnceAndTheVotesAddUp()
    {
        var ct = TestContext.Current.CancellationToken;
        var session = await Seed.CreateAsync(First);
        TestServer Node(int i) => i % 2 == 0 ? First : Second;
        await using var moderatorOne = await JoinAsync(First, "online moderator on node one", session.Id, session.Keys["onlineModerator"]);
        await using var moderatorTwo = await JoinAsync(Second, "online moderator on node two", session.Id, session.Keys["onlineModerator"]);
        var people = new SessionClient[Participants];
        foreach (var batch in Enumerable.Range(0, Participants).Chunk(25))
        {
            await Task.WhenAll(batch.Select(async i => people[i] = await JoinAsync(Node(i), $"participant {i}", session.Id, session.ParticipantCode)));
        }
        try
        {
            // Questions to vote on, recorded by both moderators at once.
            var recorded = await Task.WhenAll(Enumerable.Range(0, QuestionsPerModerator * 2).Select(i =>
                (i % 2 == 0 ? moderatorOne : moderatorTwo).SendAsync("RecordQuestion", new RecordQuestionRequest($"Floor question {i}", null, null, null, "Floor", null))));
            var open = recorded.Select(r => r.Id!).ToArray();

            var submitted = new ConcurrentBag<(string Participant, CommandResult Result)>();
            var votes = new ConcurrentBag<(string Participant, string Question, CommandResult Result)>();
            var approved = new ConcurrentBag<CommandResult>();
            var failures = new ConcurrentBag<string>();
            async Task Act(Func<Task> command, string what)
            {
                try
                {
                    await command();
                }
                catch (Exception ex) when (ex is RefusedCallException or HubException)
                {
                    failures.Add($"{what}: {ex.Message}");
                }
            }

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var crowd = people.Select((person, i) => Task.Run(async () =>
            {
                await go.Task;
                var me = person.Joined!.ParticipantId!;
                await Act(async () => submitted.Add((me, await person.SendAsync("SubmitQuestion", new SubmitQuestionRequest($"Question from participant {i}", null, null, null, null)))), $"participant {i} asking");
                foreach (var question in Enumerable.Range(0, VotesEach).Select(k => open[(i + (k * 3)) % open.Length]))
                {
                    await Act(async () => votes.Add((me, question, await person.SendAsync("VoteQuestion", question))), $"participant {i} voting");
                }
            }, ct));
            // Meanwhile each moderator approves the questions coming in, racing the other node.
            var moderating = new[] { moderatorOne, moderatorTwo }.Select((moderator, m) => Task.Run(async () =>
            {
                await go.Task;
                for (var n = 0; n < 20; n++)
                {
                    var id = $"q{open.Length + 1 + (n * 2) + m}";
                    await Act(async () => approved.Add(await moderator.SendAsync("ApproveQuestion", id)), $"moderator {m} approving {id}");
                }
            }, ct));
            go.SetResult();
            await Task.WhenAll([.. crowd, .. moderating]);

            // A moderator may reach a question before its author has asked it; that refusal is correct.
            Assert.All(failures, f => Assert.Contains("not_found", f, StringComparison.Ordinal));
            Assert.Equal(Participants, submitted.Count);
            Assert.Equal(Participants * VotesEach, votes.Count);

            var log = await First.Services.GetRequiredService<IEventLog>().ReadAsync(session.Id, 0, ct);
            Assert.Equal(Enumerable.Range(1, log.Count).Select(i => (long)i), log.Select(e => e.Sequence));
            var bySequence = log.ToDictionary(e => e.Sequence, e => e.Event);

            // Each acknowledged vote is the event at the sequence its acknowledgement named, and
            // nowhere else; no vote is in the log that was not acknowledged.
            foreach (var (participant, question, result) in votes)
            {
                Assert.Equal(new QuestionVoted(question, participant), bySequence[result.Version]);
            }
            Assert.Equal(votes.Count, log.Count(e => e.Event is QuestionVoted));
            foreach (var (participant, result) in submitted)
            {
                var asked = Assert.IsType<QuestionSubmitted>(bySequence[result.Version]);
                Assert.Equal((result.Id, participant), (asked.QuestionId, asked.ParticipantId));
            }
            Assert.Equal(Participants, log.Count(e => e.Event is QuestionSubmitted { ParticipantId: not null }));
            Assert.Equal(approved.Count + open.Length, log.Count(e => e.Event is QuestionApproved));

            var state = SessionState.Fold(session.Id, log);
            foreach (var question in open)
            {
                Assert.Equal(votes.Count(v => v.Question == question), state.Questions[question].Votes);
            }
            // Both moderators, one per node, end up with the whole log, in order.
            var last = log[^1].Sequence;
            await Task.WhenAll(moderatorOne.WaitForVersionAsync(last), moderatorTwo.WaitForVersionAsync(last));
            Assert.Equal(log.Skip(1).Select(e => e.Sequence), moderatorOne.Events.Select(e => e.Seq));
            Assert.Equal(moderatorOne.Events.Select(e => (e.Seq, e.Type)), moderatorTwo.Events.Select(e => (e.Seq, e.Type)));
        }
        finally
        {
            await Task.WhenAll(people.Where(p => p is not null).Select(p => p.DisposeAsync().AsTask()));
        }
    }

    private static async Task<SessionClient> JoinAsync(TestServer node, string name, string sessionId, string key)
    {
        var client = await SessionClient.ConnectAsync(node.Address, name);
        await client.JoinAsync(sessionId, key);
        return client;
    }
}
