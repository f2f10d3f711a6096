using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>The throughput search: the most broadcasts a second with fan-out p99 under a second.</summary>
internal static partial class Scenarios
{
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
}
