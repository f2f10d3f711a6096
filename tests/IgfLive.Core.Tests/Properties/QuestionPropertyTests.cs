using System.Collections.Concurrent;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Tests.Properties;

/// <summary>The question lifecycle, the live slot and votes over random scripts (see <see cref="ScriptGen"/>).</summary>
public sealed class QuestionPropertyTests
{
    [Fact]
    public void AtMostOneQuestionIsLiveAndItIsTheLiveQuestion()
    {
        ScriptPlayer.Check(script => ScriptPlayer.Play(script, (o, _) =>
        {
            var live = o.After.Questions.Values.Where(q => q.Status == QuestionStatus.Live).Select(q => q.Id).ToList();
            Expect.That(live.Count <= 1, () => $"step {o.Index}: questions {string.Join(", ", live)} are all live");
            Assert.Equal(live.SingleOrDefault(), o.After.LiveQuestionId);
            if (o.After.LiveQuestionId is { } id)
            {
                Assert.Equal(QuestionStatus.Live, o.After.Questions[id].Status);
                Assert.DoesNotContain(id, o.After.OnsiteQueue);
                Assert.DoesNotContain(id, o.After.OnlineQueue);
            }
        }));
    }

    [Fact]
    public void TheQueuesHoldExactlyTheApprovedAndTheForwardedQuestions()
    {
        ScriptPlayer.Check(script => ScriptPlayer.Play(script, (o, _) =>
        {
            if (ReferenceEquals(o.Before, o.After))
            {
                return;
            }
            var questions = o.After.Questions.Values;
            Expect.That(o.After.OnlineQueue.Distinct().Count() == o.After.OnlineQueue.Count
                && o.After.OnlineQueue.ToHashSet().SetEquals(questions.Where(q => q.Status == QuestionStatus.Approved).Select(q => q.Id)),
                () => $"online queue [{string.Join(',', o.After.OnlineQueue)}]");
            Expect.That(o.After.OnsiteQueue.Distinct().Count() == o.After.OnsiteQueue.Count
                && o.After.OnsiteQueue.ToHashSet().SetEquals(questions.Where(q => q.Status == QuestionStatus.Forwarded).Select(q => q.Id)),
                () => $"onsite queue [{string.Join(',', o.After.OnsiteQueue)}]");
            // A move puts its question where asked, in its own queue only.
            if (o.Decision.Events is [QuestionMoved moved])
            {
                var queue = o.Before.OnsiteQueue.Contains(moved.QuestionId) ? o.After.OnsiteQueue : o.After.OnlineQueue;
                Expect.That(queue.IndexOf(moved.QuestionId) == moved.Position, () => $"{moved.QuestionId} is not at {moved.Position} of [{string.Join(',', queue)}]");
                Expect.That(o.Before.OnsiteQueue.Contains(moved.QuestionId) ? o.Before.OnlineQueue.SequenceEqual(o.After.OnlineQueue) : o.Before.OnsiteQueue.SequenceEqual(o.After.OnsiteQueue),
                    () => $"moving {moved.QuestionId} reordered the other queue");
                return;
            }
            // Otherwise forwarding appends to the onsite queue, and nothing reorders it.
            var kept = o.Before.OnsiteQueue.Where(o.After.OnsiteQueue.Contains).ToList();
            Expect.That(kept.SequenceEqual(o.After.OnsiteQueue.Take(kept.Count)),
                () => $"onsite queue went from [{string.Join(',', o.Before.OnsiteQueue)}] to [{string.Join(',', o.After.OnsiteQueue)}]");
        }));
    }

    [Fact]
    public void VotesCountDistinctVotersAndNobodyVotesForTheirOwnQuestion()
    {
        ScriptPlayer.Check(script =>
        {
            // Who should be voting for each question, worked out from the accepted commands alone.
            var expected = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            ScriptPlayer.Play(script, (o, _) =>
            {
                foreach (var submitted in o.Decision.Events.OfType<QuestionSubmitted>())
                {
                    expected.Add(submitted.QuestionId, []);
                }
                var votesBefore = o.Before.FindQuestion(QuestionIdOf(o.Command))?.Votes;
                var touched = new HashSet<string>(StringComparer.Ordinal);
                switch (o.Command)
                {
                    case VoteQuestion v when o.Decision.Events.Count > 0:
                        Assert.True(expected[v.QuestionId].Add(v.ParticipantId));
                        Assert.Equal(votesBefore + 1, o.After.Questions[v.QuestionId].Votes);
                        touched.Add(v.QuestionId);
                        break;
                    case UnvoteQuestion v when o.Decision.Events.Count > 0:
                        Assert.True(expected[v.QuestionId].Remove(v.ParticipantId));
                        Assert.Equal(votesBefore - 1, o.After.Questions[v.QuestionId].Votes);
                        touched.Add(v.QuestionId);
                        break;
                    case VoteQuestion v when !o.Before.Deleted && o.Before.FindQuestion(v.QuestionId) is { ParticipantId: { } author } q
                        && author == v.ParticipantId && QuestionTransitions.IsAllowed(QuestionAction.Vote, q.Status):
                        Assert.Equal(RejectionCode.Forbidden, o.Decision.Rejection?.Code);
                        break;
                    case MergeQuestion m when o.Decision.Events.Count > 0:
                        var targetAuthor = o.Before.Questions[m.IntoQuestionId].ParticipantId;
                        expected[m.IntoQuestionId].UnionWith(expected[m.QuestionId].Where(voter => voter != targetAuthor));
                        touched.Add(m.IntoQuestionId);
                        break;
                }

                Assert.Equal(expected.Count, o.After.Questions.Count);
                foreach (var question in o.After.Questions.Values)
                {
                    // A question whose record did not change and whose expected voters did not change was checked before.
                    if (ReferenceEquals(question, o.Before.FindQuestion(question.Id)) && !touched.Contains(question.Id))
                    {
                        continue;
                    }
                    Assert.InRange(question.Votes, 0, int.MaxValue);
                    Assert.Equal(question.Voters.Distinct(StringComparer.Ordinal).Count(), question.Votes);
                    Expect.That(expected[question.Id].SetEquals(question.Voters),
                        () => $"{question.Id} has voters [{string.Join(',', question.Voters)}], expected [{string.Join(',', expected[question.Id])}]");
                    Assert.All(question.Voters, voter => Assert.False(string.IsNullOrWhiteSpace(voter)));
                    if (question.ParticipantId is { } asker)
                    {
                        Assert.DoesNotContain(asker, question.Voters);
                    }
                }
            });
        });
    }

    private static readonly ConcurrentDictionary<(QuestionAction, QuestionStatus, bool), int> Reached = new();

    [Fact]
    public void QuestionsMoveOnlyAsTheTransitionsTableAllows()
    {
        ScriptPlayer.Check(script => ScriptPlayer.Play(script, (o, _) =>
        {
            var targets = ScriptPlayer.QuestionTargets(o.Command);
            var found = targets.Select(t => (t.Action, Question: o.Before.FindQuestion(t.Id))).ToList();
            if (o.Decision.IsAccepted)
            {
                foreach (var (action, question) in found)
                {
                    Assert.NotNull(question);
                    Expect.That(QuestionTransitions.IsAllowed(action, question.Status), () => $"{o.Command} was accepted on a {question.Status} question");
                    Reached.AddOrUpdate((action, question.Status, true), 1, (_, n) => n + 1);
                }
            }
            var selfMerge = o.Command is MergeQuestion m && m.QuestionId == m.IntoQuestionId;
            // A deleted session refuses everything as not found, before the lifecycle is asked.
            if (found.Count > 0 && !selfMerge && !o.Before.Deleted && found.All(t => t.Question is not null)
                && found.FirstOrDefault(t => !QuestionTransitions.IsAllowed(t.Action, t.Question!.Status)) is { Question: { } forbidden } first)
            {
                Assert.Equal(RejectionCode.IllegalTransition, o.Decision.Rejection?.Code);
                Reached.AddOrUpdate((first.Action, forbidden.Status, false), 1, (_, n) => n + 1);
            }

            // Every change of status is the one the command's action leads to, from a status the table allows.
            foreach (var question in o.After.Questions.Values)
            {
                var was = o.Before.FindQuestion(question.Id);
                if (was is null)
                {
                    Assert.Equal(StatusWhenNew(o.Command), question.Status);
                    continue;
                }
                var target = targets.Where(t => t.Id == question.Id).Select(t => (QuestionAction?)t.Action).FirstOrDefault();
                var expected = o.Decision.IsAccepted && target is { } action ? StatusAfter(action) ?? was.Status : was.Status;
                Expect.That(expected == question.Status, () => $"{o.Command}: {question.Id} went from {was.Status} to {question.Status}");
            }
        }));

        // The scripts reach every action from a status that allows it and from one that does not.
        foreach (var action in Enum.GetValues<QuestionAction>())
        {
            Assert.Contains(Reached.Keys, k => k.Item1 == action && k.Item3);
            Assert.Contains(Reached.Keys, k => k.Item1 == action && !k.Item3);
        }
    }

    /// <summary>A participant's question waits for triage; a moderator's lands where it was recorded into.</summary>
    private static QuestionStatus StatusWhenNew(SessionCommand command) => command switch
    {
        RecordQuestion { AskNow: true } => QuestionStatus.Live,
        RecordQuestion { Destination: QueueKind.OnsiteQueue } => QuestionStatus.Forwarded,
        RecordQuestion => QuestionStatus.Approved,
        _ => QuestionStatus.Submitted,
    };

    private static QuestionStatus? StatusAfter(QuestionAction action) => action switch
    {
        QuestionAction.Approve => QuestionStatus.Approved,
        QuestionAction.Reject => QuestionStatus.Rejected,
        QuestionAction.Merge => QuestionStatus.Merged,
        QuestionAction.Forward => QuestionStatus.Forwarded,
        QuestionAction.MakeLive => QuestionStatus.Live,
        QuestionAction.Answer => QuestionStatus.Answered,
        QuestionAction.Withdraw => QuestionStatus.Withdrawn,
        _ => null,
    };

    private static string? QuestionIdOf(SessionCommand command) => ScriptPlayer.QuestionTargets(command).Select(t => t.Id).LastOrDefault();
}
