using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>Idle connections and the join storm.</summary>
internal static partial class Scenarios
{
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
}
