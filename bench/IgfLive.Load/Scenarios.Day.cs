using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>An IGF day of many small sessions.</summary>
internal static partial class Scenarios
{
    /// <summary>
    /// An IGF day: S sessions of C clients each (onsite and online moderator plus participants),
    /// every session's clock running and its questions moving: participants ask and vote, the
    /// online moderator approves, the onsite moderator works the clock and the queue.
    /// </summary>
    public static async Task DayAsync(Harness h)
    {
        var o = h.Options;
        var sessions = new List<SessionRun>();
        for (var i = 0; i < o.Sessions; i++)
        {
            sessions.Add(await h.CreateSessionAsync());
        }
        await JoinDayAsync(h, sessions);

        var acks = new LatencyLog();
        var participantAcks = new LatencyLog();
        var moderatorAcks = new LatencyLog();
        var firsts = sessions.ToDictionary(s => s, s => s.Board.LastAcked + 1);
        await using var rss = new RssSampler(h);
        var cpu = new CpuWindow(h.Servers);
        var duration = TimeSpan.FromSeconds(o.Seconds);
        var drivers = sessions.Select((s, i) => new DaySession(s, h, acks, participantAcks, moderatorAcks, new Random(i))).ToList();
        // The server's GC pauses and lock contentions over the phase, and which slow acks met a pause.
        await using var pauses = h.Servers.Count == 1 ? PauseWatch.Start(h.Servers[0].Pid) : null;
        var began = Stopwatch.GetTimestamp();
        await Task.WhenAll(drivers.Select(d => d.RunAsync(o.SessionRate, duration)));
        var seconds = Clock.Since(began);
        var (serverCpu, ownCpu) = cpu.Stop();
        if (pauses is not null)
        {
            await pauses.IntoAsync(h.Metrics, "server_");
            pauses.Attribute(acks.Intervals(), 20, h.Metrics, "ack");
        }
        h.Metrics["all_delivered"] = await Harness.WaitForDeliveryAsync(sessions, DeliveryTimeout) ? 1 : 0;

        var fanout = sessions.SelectMany(s => s.Board.FanOut(firsts[s], s.Board.LastAcked, out _)).ToList();
        new Percentiles(fanout).Into(h.Metrics, "fanout");
        acks.Snapshot().Into(h.Metrics, "ack");
        participantAcks.Snapshot().Into(h.Metrics, "participant_ack");
        moderatorAcks.Snapshot().Into(h.Metrics, "moderator_ack");
        var commands = drivers.Sum(d => d.Commands);
        h.Metrics["commands"] = commands;
        h.Metrics["commands_per_second"] = Math.Round(commands / seconds, 1);
        h.Metrics["command_errors"] = drivers.Sum(d => d.Errors);
        h.Metrics["server_cpu_percent"] = Math.Round(serverCpu, 1);
        h.Metrics["machine_steal_percent"] = cpu.StealPercent;
        h.Metrics["generator_cpu_percent"] = Math.Round(ownCpu, 1);
        h.Delivery(sessions);
        rss.Into("");
    }

    /// <summary>
    /// Joins each session's two moderators (starting its clock) and its participants
    /// (<c>SessionClients</c> − 2 each) at the join rate, and waits for things to settle.
    /// </summary>
    private static async Task JoinDayAsync(Harness h, List<SessionRun> sessions)
    {
        var o = h.Options;
        await Harness.RampAsync(sessions.Count, o.JoinRate / 2, i => h.StaffAsync(sessions[i], i));
        var perSession = Math.Max(o.SessionClients - 2, 0);
        var joins = new LatencyLog();
        await Harness.RampAsync(sessions.Count * perSession, o.JoinRate, async i =>
        {
            var session = sessions[i % sessions.Count];
            var person = new Person(new ClientTracker(session.Board, "Participant"));
            lock (session.People)
            {
                session.People.Add(person);
            }
            person.Connection = await h.JoinAsync(session, person.Tracker, session.Keys.ParticipantCode, i, slow: false, joins);
        });
        joins.Snapshot().Into(h.Metrics, "join");
        h.Metrics["failed_joins"] = sessions.Sum(s => s.FailedJoins);
        h.Metrics["connections"] = sessions.Sum(s => s.Trackers().Count());
        await Task.Delay(Settle);
    }

    private static void Joined(Harness h, SessionRun session, LatencyLog joins)
    {
        joins.Snapshot().Into(h.Metrics, "join");
        h.Metrics["failed_joins"] = session.FailedJoins;
        h.Metrics["clients"] = session.People.Count(p => p.Connection is not null);
    }

    private static async Task<long> MedianRssAsync(Harness h)
    {
        var samples = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            samples.Add(h.ServerRssKib());
            await Task.Delay(500);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }
}
