using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>The load scenarios. Each fills <see cref="Harness.Metrics"/>; the report compares them with targets.</summary>
internal static class Scenarios
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);
    /// <summary>Steps the throughput search adds between its last held and first failed rate.</summary>
    private const int MaxRefinements = 4;

    /// <summary>A broadcast slower than this to reach its last client is set against the server's GC pauses.</summary>
    private const int SlowBroadcastMs = 200;

    /// <summary>
    /// One session, N clients, the moderator at B actions per second for T seconds. With
    /// <paramref name="slowReaders"/>, a share of the clients stop reading their sockets before the
    /// broadcasts start and the others' latency is measured.
    /// </summary>
    public static async Task FanoutAsync(Harness h, bool slowReaders = false)
    {
        var o = h.Options;
        var session = await h.CreateSessionAsync();
        await h.StaffAsync(session);
        SessionRun? isolated = null;
        if (o.IsolatedSession && o.Urls.Count > 1)
        {
            // A second session whose every member is on the first node: the other node must hear nothing of it.
            isolated = await h.CreateSessionAsync();
            await h.StaffAsync(isolated);
            await h.RampParticipantsAsync(isolated, 10, o.JoinRate, new LatencyLog(), firstNode: 0, nodeStride: o.Urls.Count);
            h.Result.Facts["isolated_session"] = isolated.Keys.Id;
            h.Result.Facts["session"] = session.Keys.Id;
        }
        using var redis = o.Redis is null ? null : await RedisProbe.ConnectAsync(o.Redis);

        // Stalled clients join after the control phase and stop reading at once, as a phone on a bad
        // network would: their connections never carried traffic, so the server's kernel has not grown
        // their send buffers, and a stall reaches the server's own buffers within the run.
        var slowCount = slowReaders ? (int)Math.Round(o.Clients * o.SlowPercent / 100) : 0;
        var joins = new LatencyLog();
        var ramp = Stopwatch.GetTimestamp();
        await h.RampParticipantsAsync(session, o.Clients - slowCount, o.JoinRate, joins);
        h.Metrics["ramp_seconds"] = Math.Round(Clock.Since(ramp), 1);
        Joined(h, session, joins);
        await Task.Delay(Settle);

        var driver = new ModeratorDriver(session, new LatencyLog(), h);
        await driver.DriveAsync(Math.Max(o.Rate, 5), o.Warmup);
        await DrainedAsync(h, session);
        var acks = new LatencyLog();
        driver.Acks = acks;
        List<Person> slow = [];
        if (slowCount > 0)
        {
            // Control phase: the same load without the stalled clients, so the stalled phase has a baseline from the same run.
            // It is watched for GC pauses as the stalled phase is, so that the two can be set side by side.
            var control = session.Board.LastAcked + 1;
            await using (var controlPauses = h.Servers.Count == 1 ? PauseWatch.Start(h.Servers[0].Pid) : null)
            {
                await driver.DriveAsync(o.Rate, TimeSpan.FromSeconds(o.Seconds));
                await Harness.WaitForDeliveryAsync([session], DeliveryTimeout);
                var controlFanOut = session.Board.FanOutIntervals(control, session.Board.LastAcked);
                new Percentiles(controlFanOut.Select(i => i.Milliseconds)).Into(h.Metrics, "control_fanout");
                if (controlPauses is not null)
                {
                    await controlPauses.IntoAsync(h.Metrics, "control_server_");
                    controlPauses.Attribute(controlFanOut, SlowBroadcastMs, h.Metrics, "control_fanout");
                    NoteGen2(h, controlPauses, "control phase");
                }
            }
            var before = session.People.Count;
            await h.RampParticipantsAsync(session, slowCount, o.JoinRate, new LatencyLog(), _ => true);
            slow = session.People.Skip(before).Where(p => p.Connection is not null).ToList();
            foreach (var person in slow)
            {
                person.Connection!.StopReading();
            }
        }
        h.Metrics["slow_clients"] = slow.Count;
        var commandsBefore = driver.Commands;

        var first = session.Board.LastAcked + 1;
        await using var rss = new RssSampler(h);
        // The server's GC pauses over the phase, and which of the slow broadcasts met one.
        await using var pauses = h.Servers.Count == 1 ? PauseWatch.Start(h.Servers[0].Pid) : null;
        var cpu = new CpuWindow(h.Servers);
        var publishes = redis is null ? 0 : await redis.PublishCallsAsync();
        var began = Stopwatch.GetTimestamp();
        await driver.DriveAsync(o.Rate, TimeSpan.FromSeconds(o.Seconds));
        var seconds = Clock.Since(began);
        var (serverCpu, ownCpu) = cpu.Stop();
        if (redis is not null)
        {
            h.Metrics["redis_publishes"] = await redis.PublishCallsAsync() - publishes;
            h.Metrics["publishes_per_broadcast"] = Math.Round(h.Metrics["redis_publishes"] / Math.Max(driver.Commands - commandsBefore, 1), 2);
            if (isolated is not null)
            {
                var subscribers = await redis.SubscribersAsync(isolated.Keys.Id);
                h.Metrics["isolated_session_channels"] = subscribers.Count;
                // Every node subscribes on one connection: more than one subscriber means another node listens too.
                h.Metrics["isolated_session_max_subscribers"] = subscribers.Count == 0 ? 0 : subscribers.Values.Max();
                h.Metrics["uninvolved_node_subscriptions"] = subscribers.Values.Sum(n => Math.Max(0, n - 1));
            }
        }
        var delivered = await Harness.WaitForDeliveryAsync([session], DeliveryTimeout);
        var last = session.Board.LastAcked;
        var fanOut = session.Board.FanOutIntervals(first, last);
        if (pauses is not null)
        {
            await pauses.IntoAsync(h.Metrics, "server_");
            pauses.Attribute(fanOut, SlowBroadcastMs, h.Metrics, "fanout");
            NoteGen2(h, pauses, "measured phase");
        }
        NoteSlowest(h, session, first, last, began, 5);

        h.Metrics["seconds"] = Math.Round(seconds, 1);
        h.Metrics["commands"] = driver.Commands - commandsBefore;
        h.Metrics["command_errors"] = driver.Errors;
        h.Metrics["commands_per_second"] = Math.Round((driver.Commands - commandsBefore) / seconds, 2);
        h.Metrics["events_per_second"] = Math.Round((last - first + 1) / seconds, 2);
        h.Metrics["all_delivered"] = delivered ? 1 : 0;
        h.Metrics["server_cpu_percent"] = Math.Round(serverCpu, 1);
        h.Metrics["machine_steal_percent"] = cpu.StealPercent;
        h.Metrics["generator_cpu_percent"] = Math.Round(ownCpu, 1);
        CpuPerBroadcast(h, cpu, serverCpu, ownCpu, seconds, driver.Commands - commandsBefore);
        new Percentiles(fanOut.Select(i => i.Milliseconds)).Into(h.Metrics, "fanout");
        new Percentiles(session.Board.FirstReceipts(first, last)).Into(h.Metrics, "first_receipt");
        acks.Snapshot().Into(h.Metrics, "ack");
        h.Delivery([session]);
        rss.Into("");

        if (slow.Count > 0)
        {
            // Let the stalled clients read again: did the server keep them, or close them?
            foreach (var person in slow)
            {
                person.Connection!.ResumeReading();
            }
            await Task.Delay(TimeSpan.FromSeconds(5));
            h.Metrics["slow_clients_closed_by_server"] = slow.Count(p => !p.Connection!.IsOpen);
            foreach (var reason in slow.Where(p => !p.Connection!.IsOpen).GroupBy(p => p.Connection!.CloseReason))
            {
                h.Note($"{reason.Count()} stalled client(s) closed: {reason.Key}");
            }
            h.Metrics["slow_clients_missing_events"] = slow.Count(p => !p.Tracker.HasAll(session.Board.LastAcked));
        }
    }

    /// <summary>Notes each gen2 collection of the phase with its kind and the runtime's reason for it.</summary>
    private static void NoteGen2(Harness h, PauseWatch pauses, string phase)
    {
        foreach (var collection in pauses.Gen2Collections)
        {
            h.Note($"{phase}: gen2 collection, {collection}");
        }
    }

    /// <summary>Steps the broadcast rate up and finds the most deliveries per second with fan-out p99 under a second.</summary>
    public static async Task ThroughputAsync(Harness h)
    {
        var o = h.Options;
        var session = await h.CreateSessionAsync();
        await h.StaffAsync(session);
        var joins = new LatencyLog();
        await h.RampParticipantsAsync(session, o.Clients, o.JoinRate, joins);
        Joined(h, session, joins);
        await Task.Delay(Settle);

        var receivers = session.Trackers().Count();
        var acks = new LatencyLog();
        var driver = new ModeratorDriver(session, new LatencyLog(), h);
        await driver.BlastAsync(10, o.Warmup, o.MaxInFlight);
        await DrainedAsync(h, session);
        driver.Acks = acks;
        double best = 0, bestRate = 0, held = 0, failed = 0;
        void Count(double rate, (bool Passed, double PerSecond, double Achieved) step)
        {
            if (step.Passed && step.PerSecond > best)
            {
                best = step.PerSecond;
                bestRate = step.Achieved;
            }
            if (step.Passed && step.Achieved >= 0.7 * rate)
            {
                held = Math.Max(held, rate);
            }
            else
            {
                failed = failed == 0 ? rate : Math.Min(failed, rate);
            }
        }
        foreach (var rate in o.Steps)
        {
            Count(rate, await StepWithRetryAsync(h, session, driver, receivers, rate));
            if (failed > 0)
            {
                break;
            }
        }
        // The steps double at the top (50, 100, 200/s), so the ceiling is somewhere between the
        // last held step and the first failed one: halve that gap until it is under a tenth of
        // the held rate, so a ceiling is not read off a grid twice as coarse as the difference
        // between two servers. Rates are whole: between 4 and 5/s there is nothing left to try.
        for (var round = 0; round < MaxRefinements && held > 0 && failed > held && (failed - held) / held > 0.1; round++)
        {
            var rate = Math.Round((held + failed) / 2);
            if (rate <= held || rate >= failed)
            {
                break;
            }
            await DrainedAsync(h, session, "the failed step's backlog");
            h.Note($"refining between {held}/s (held) and {failed}/s (failed): {rate}/s");
            Count(rate, await StepWithRetryAsync(h, session, driver, receivers, rate));
        }
        h.Metrics["held_broadcasts_per_second"] = held;
        if (failed > 0)
        {
            // None failed: the top step held, and the table shows no failed rate.
            h.Metrics["failed_broadcasts_per_second"] = failed;
        }
        h.Delivery([session]);
        h.Metrics["max_deliveries_per_second"] = Math.Round(best);
        h.Metrics["max_broadcasts_per_second"] = Math.Round(bestRate, 1);
        h.Metrics["receivers"] = receivers;
        h.Metrics["command_errors"] = driver.Errors;
    }

    /// <summary>
    /// One step of the search, run once more if it failed while the driver kept near the rate: a
    /// step of 15 s at a low rate is a few dozen broadcasts, so its p99 is nearly its slowest, and
    /// one stall of the machine would end the search.
    /// </summary>
    private static async Task<(bool Passed, double PerSecond, double Achieved)> StepWithRetryAsync(Harness h, SessionRun session, ModeratorDriver driver, int receivers, double rate)
    {
        var step = await ThroughputStepAsync(h, session, driver, receivers, rate);
        if (!step.Passed && step.Achieved >= 0.7 * rate)
        {
            h.Note($"step {rate}/s failed; once more");
            step = await ThroughputStepAsync(h, session, driver, receivers, rate);
        }
        return step;
    }

    /// <summary>
    /// Waits until every client has every event so far (the warm-up's, or a failed step's backlog):
    /// measuring starts with nothing queued, or the first measured broadcasts would wait behind the
    /// earlier ones (after a crowd of joins that takes IgfLive seconds; the raw server less).
    /// </summary>
    private static async Task DrainedAsync(Harness h, SessionRun session, string what = "warm-up")
    {
        var since = Stopwatch.GetTimestamp();
        var drained = await Harness.WaitForDeliveryAsync([session], DeliveryTimeout);
        h.Note(drained ? $"{what} delivered {Clock.Since(since):F1} s after its last acknowledgement" : $"{what} not fully delivered; measuring anyway");
    }

    /// <summary>
    /// Where a broadcast's CPU goes: the server's time per broadcast, the part of it spent in the
    /// kernel (its system time: the sends, and the softirq they run — on loopback a segment is
    /// received in the softirq of the core that sent it, so the clients' TCP receive path is in
    /// there too; the machine's softirq is noted on its own), and the generator's time receiving it.
    /// Whatever else the phase did (pings) is counted in too.
    /// </summary>
    private static void CpuPerBroadcast(Harness h, CpuWindow cpu, double serverPercent, double ownPercent, double seconds, long broadcasts)
    {
        double PerBroadcast(double percent) => Math.Round(percent / 100 * seconds * 1000 / Math.Max(broadcasts, 1), 1);
        h.Metrics["server_cpu_ms_per_broadcast"] = PerBroadcast(serverPercent);
        h.Metrics["server_kernel_cpu_ms_per_broadcast"] = PerBroadcast(cpu.ServerKernelPercent);
        h.Metrics["machine_softirq_ms_per_broadcast"] = PerBroadcast(cpu.SoftIrqPercent);
        h.Metrics["generator_cpu_ms_per_broadcast"] = PerBroadcast(ownPercent);
        h.Metrics["generator_kernel_cpu_ms_per_broadcast"] = PerBroadcast(cpu.OwnKernelPercent);
    }

    /// <summary>Notes the <paramref name="count"/> slowest events of a phase: when each was sent, its first and its last receipt.</summary>
    private static void NoteSlowest(Harness h, SessionRun session, long first, long last, long began, int count)
    {
        foreach (var slowest in session.Board.Slowest(first, last, began, count))
        {
            h.Note($"  slowest: event {slowest.Seq} sent at +{slowest.SentAfterMs / 1000:F1} s, first receipt {slowest.FirstMs:F0} ms, last {slowest.LastMs:F0} ms");
        }
    }

    /// <summary>One step of the throughput search: broadcasts at <paramref name="rate"/> for a step's time; whether p99 stayed under a second with nothing lost.</summary>
    private static async Task<(bool Passed, double PerSecond, double Achieved)> ThroughputStepAsync(Harness h, SessionRun session, ModeratorDriver driver, int receivers, double rate)
    {
        var o = h.Options;
        var first = session.Board.LastAcked + 1;
        var cpu = new CpuWindow(h.Servers);
        var (eventsBefore, messagesBefore, framesBefore) = Framing(session);
        var began = Stopwatch.GetTimestamp();
        var sent = await driver.BlastAsync(rate, TimeSpan.FromSeconds(o.StepSeconds), o.MaxInFlight);
        var sending = Clock.Since(began);
        await Harness.WaitForDeliveryAsync([session], TimeSpan.FromSeconds(10));
        var (serverCpu, ownCpu) = cpu.Stop();
        var (eventsAfter, messagesAfter, framesAfter) = Framing(session);
        var perFrame = (double)(messagesAfter - messagesBefore) / Math.Max(framesAfter - framesBefore, 1);
        var perMessage = (double)(eventsAfter - eventsBefore) / Math.Max(messagesAfter - messagesBefore, 1);
        var last = session.Board.LastAcked;
        var latencies = new Percentiles(session.Board.FanOut(first, last, out _));
        long deliveries = 0, lost = 0;
        for (var seq = first; seq <= last; seq++)
        {
            var count = session.Board.CountOf(seq);
            deliveries += count;
            lost += Math.Max(0, receivers - count);
        }
        // Deliveries per second over the time it took to send them all (the server queues what it cannot keep up with).
        var perSecond = deliveries / Math.Max(sending, o.StepSeconds);
        var achieved = (last - first + 1) / Math.Max(sending, o.StepSeconds);
        var step = new Dictionary<string, double>
        {
            ["rate"] = rate,
            ["achieved_rate"] = Math.Round(achieved, 1),
            ["sent"] = sent,
            ["deliveries_per_second"] = Math.Round(perSecond),
            ["fanout_p50_ms"] = Math.Round(latencies[50], 1),
            ["fanout_p99_ms"] = Math.Round(latencies[99], 1),
            ["lost"] = lost,
            ["server_cpu_percent"] = Math.Round(serverCpu, 1),
            ["generator_cpu_percent"] = Math.Round(ownCpu, 1),
            ["messages_per_frame"] = Math.Round(perFrame, 2),
            ["events_per_message"] = Math.Round(perMessage, 2),
        };
        h.Result.Steps.Add(step);
        h.Note($"step {rate}/s: achieved {achieved:F1}/s, {perSecond:F0} deliveries/s, p99 {latencies[99]:F1} ms, lost {lost}, server cpu {serverCpu:F0}%, generator cpu {ownCpu:F0}%, {perMessage:F2} events per message, {perFrame:F2} messages per WebSocket message");
        NoteSlowest(h, session, first, last, began, 1);
        return (latencies[99] < 1000 && lost == 0, perSecond, achieved);
    }

    /// <summary>
    /// Events, the event messages that carried them, and the WebSocket messages that carried those,
    /// over the participants so far: IgfLive puts the events of broadcasts that queued up for a
    /// session into one message, and a SignalR server writes what has queued for a connection as
    /// one WebSocket message.
    /// </summary>
    private static (long Events, long Messages, long Frames) Framing(SessionRun session)
    {
        long events = 0, messages = 0, frames = 0;
        foreach (var tracker in session.Trackers().Where(t => t.IsParticipant))
        {
            events += tracker.Events;
            messages += tracker.EventMessages;
            frames += tracker.EventFrames;
        }
        return (events, messages, frames);
    }

    /// <summary>N idle joined connections: the server's resident memory per connection.</summary>
    public static async Task IdleAsync(Harness h)
    {
        var o = h.Options;
        var session = await h.CreateSessionAsync();
        await h.StaffAsync(session);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await MedianRssAsync(h);
        var joins = new LatencyLog();
        await h.RampParticipantsAsync(session, o.Clients, o.JoinRate, joins);
        Joined(h, session, joins);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = await MedianRssAsync(h);
        var connected = session.People.Count(p => p.Connection is { IsOpen: true });
        h.Metrics["rss_at_0_mib"] = Math.Round(before / 1024.0, 1);
        h.Metrics["rss_at_n_mib"] = Math.Round(after / 1024.0, 1);
        h.Metrics["connected"] = connected;
        h.Metrics["kib_per_connection"] = Math.Round((after - before) / (double)Math.Max(connected, 1), 2);
    }

    /// <summary>
    /// N clients join at R per second while the moderator broadcasts; then every connection drops
    /// at once and every client reconnects, joins with its token and resyncs from its last event.
    /// </summary>
    public static async Task JoinStormAsync(Harness h)
    {
        var o = h.Options;
        var session = await h.CreateSessionAsync();
        await h.StaffAsync(session);
        var driver = new ModeratorDriver(session, new LatencyLog(), h);
        await driver.DriveAsync(5, o.Warmup);
        var acks = new LatencyLog();
        driver.Acks = acks;
        var commandsBefore = driver.Commands;
        using var stop = new CancellationTokenSource();
        var driving = driver.DriveAsync(o.Rate, TimeSpan.FromDays(1), stop.Token);

        await using var rss = new RssSampler(h);
        var first = session.Board.LastAcked + 1;
        var joins = new LatencyLog();
        var ramp = Stopwatch.GetTimestamp();
        await h.RampParticipantsAsync(session, o.Clients, o.JoinRate, joins);
        h.Metrics["ramp_seconds"] = Math.Round(Clock.Since(ramp), 1);
        var rampLast = session.Board.LastAcked;
        Joined(h, session, joins);
        await Task.Delay(Settle);
        new Percentiles(session.Board.FanOut(first, rampLast, out _)).Into(h.Metrics, "ramp_fanout");

        // Everyone's network drops at once, and every client comes straight back.
        var people = session.People.Where(p => p.Connection is not null).ToList();
        var failedBefore = session.FailedJoins;
        foreach (var person in people)
        {
            person.Connection!.Abort();
        }
        var rejoins = new LatencyLog();
        var resyncs = new LatencyLog();
        var storm = Stopwatch.GetTimestamp();
        var notResynced = 0;
        await Task.WhenAll(people.Select(async person =>
        {
            var started = Stopwatch.GetTimestamp();
            var client = await h.JoinAsync(session, person.Tracker, session.Keys.ParticipantCode, 0, slow: false, rejoins);
            person.Connection = client;
            if (client is null)
            {
                Interlocked.Increment(ref notResynced);
                return;
            }
            try
            {
                var last = person.Tracker.LastApplied;
                var (resync, _) = await client.InvokeAsync("Resync", w => w.WriteNumberValue(last), replay: true);
                if (resync.Error is not null)
                {
                    h.Error("Resync", resync.Error);
                    Interlocked.Increment(ref notResynced);
                    return;
                }
                resyncs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or TimeoutException)
            {
                h.Error("Resync", ex.Message);
                Interlocked.Increment(ref notResynced);
            }
        }));
        h.Metrics["reconnect_all_seconds"] = Math.Round(Clock.Since(storm), 2);
        h.Metrics["reconnect_failed_joins"] = session.FailedJoins - failedBefore;
        h.Metrics["reconnect_not_resynced"] = notResynced;
        rejoins.Snapshot().Into(h.Metrics, "rejoin");
        resyncs.Snapshot().Into(h.Metrics, "resync");

        await Task.Delay(Settle);
        await stop.CancelAsync();
        await driving;
        h.Metrics["all_delivered"] = await Harness.WaitForDeliveryAsync([session], DeliveryTimeout) ? 1 : 0;
        h.Metrics["commands"] = driver.Commands - commandsBefore;
        h.Metrics["command_errors"] = driver.Errors;
        acks.Snapshot().Into(h.Metrics, "ack");
        h.Delivery([session]);
        rss.Into("");
    }

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
