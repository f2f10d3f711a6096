using CsCheck;
using IgfLive.Server.Hubs.KeepAlive;

namespace IgfLive.Server.Tests.Hubs;

/// <summary>The keep-alive's round: each connection once a round, the same few at every step.</summary>
public sealed class KeepAliveScheduleTests
{
    private sealed record Member(int Id);

    [Fact]
    public void SixThousandConnectionsOverThreeHundredStepsAreTwentyAStepEachOnceARound()
    {
        var schedule = new KeepAliveSchedule<Member>(300);
        var members = Enumerable.Range(0, 6000).Select(i => new Member(i)).ToArray();
        foreach (var member in members)
        {
            Assert.True(schedule.Add(member));
        }

        foreach (var round in new[] { 0, 1, 7 })
        {
            var perStep = new List<int>();
            var seen = new List<Member>();
            var due = new List<Member>();
            for (var step = 0; step < 300; step++)
            {
                schedule.CopyDue(round * 300L + step, due);
                perStep.Add(due.Count);
                seen.AddRange(due);
            }
            Assert.All(perStep, count => Assert.Equal(20, count));
            Assert.Equal(members, seen.OrderBy(m => m.Id));
        }
    }

    [Fact]
    public void AFewConnectionsAreNotDueAtTheSameStep()
    {
        var schedule = new KeepAliveSchedule<Member>(300);
        for (var i = 0; i < 5; i++)
        {
            schedule.Add(new Member(i));
        }
        var due = new List<Member>();
        var busiest = Enumerable.Range(0, 300).Max(step =>
        {
            schedule.CopyDue(step, due);
            return due.Count;
        });
        Assert.Equal(1, busiest);
    }

    [Fact]
    public void AMemberIsAddedOnceAndOnlyAScheduledOneCanBeRemoved()
    {
        var schedule = new KeepAliveSchedule<Member>(10);
        var member = new Member(1);
        Assert.True(schedule.Add(member));
        Assert.False(schedule.Add(member));
        Assert.Equal(1, schedule.Count);
        Assert.True(schedule.Remove(member));
        Assert.False(schedule.Remove(member));
        Assert.False(schedule.Remove(new Member(2)));
        Assert.Equal(0, schedule.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeepAliveSchedule<Member>(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.CopyDue(-1, []));
    }

    /// <summary>Any mix of connections arriving and leaving: over any round, exactly those still there are due, each once.</summary>
    [Fact]
    public void AfterAnyArrivalsAndDeparturesEveryoneStillThereIsDueOnceARoundAndNobodyWhoLeft()
    {
        // null: a new connection arrives; a number: the connection at that index (modulo those present) leaves.
        var change = Gen.Frequency((3, Gen.Const(default(int?))), (1, Gen.Int[0, 1000].Select(i => (int?)i)));
        Gen.Select(Gen.Int[1, 40], change.Array[0, 300], Gen.Int[0, 5]).Sample((steps, changes, round) =>
        {
            var schedule = new KeepAliveSchedule<Member>(steps);
            var present = new List<Member>();
            var gone = new HashSet<Member>();
            var next = 0;
            foreach (var leave in changes)
            {
                if (leave is { } index && present.Count > 0)
                {
                    var member = present[index % present.Count];
                    present.Remove(member);
                    gone.Add(member);
                    Assert.True(schedule.Remove(member));
                }
                else
                {
                    var member = new Member(next++);
                    present.Add(member);
                    Assert.True(schedule.Add(member));
                }
            }

            var seen = new List<Member>();
            var due = new List<Member>();
            for (var step = 0; step < steps; step++)
            {
                schedule.CopyDue((long)round * steps + step, due);
                seen.AddRange(due);
            }
            Assert.Equal(present.OrderBy(m => m.Id), seen.OrderBy(m => m.Id));
            Assert.DoesNotContain(seen, gone.Contains);
            Assert.Equal(present.Count, schedule.Count);
        });
    }
}
