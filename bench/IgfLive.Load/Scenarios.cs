using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>The load scenarios. Each fills <see cref="Harness.Metrics"/>; the report compares them with targets.</summary>
internal static partial class Scenarios
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
}
