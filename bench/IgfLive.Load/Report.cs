using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IgfLive.Load;

/// <summary>
/// Reads a run's result files and prints one table: scenario, target, measured, baseline (the bare
/// WebSocket server, or the 1-node figure it is compared with), ratio, pass/fail.
/// </summary>
internal static class Report
{
    public static int Print(LoadOptions options)
    {
        var dir = options.Dir ?? throw new ArgumentException("report needs --dir.");
        var results = Directory.EnumerateFiles(dir, "*.json")
            .Select(f => (Name: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f)))
            .Where(f => !f.Name.StartsWith("cluster-redis", StringComparison.Ordinal))
            .ToDictionary(f => f.Name, f => JsonSerializer.Deserialize<ScenarioResult>(f.Text, ScenarioResult.Json)!);
        var redisFile = Path.Combine(dir, "cluster-redis.json");
        var redis = File.Exists(redisFile)
            ? JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(redisFile))!
            : [];
        var skipped = Directory.EnumerateFiles(dir, "*.skipped")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => File.ReadAllText(f).Trim());

        var rows = new List<Row>();
        double? M(string file, string metric) =>
            results.TryGetValue(file, out var r) && r.Metrics.TryGetValue(metric, out var v) && !double.IsNaN(v) ? v : null;

        var p1p99 = M("fanout-igf", "fanout_p99_ms");
        var rawP99 = M("fanout-raw", "fanout_p99_ms");

        rows.Add(AtMost("P1 fan-out p50 (ms)", "≤ 30", M("fanout-igf", "fanout_p50_ms"), M("fanout-raw", "fanout_p50_ms"), 30));
        rows.Add(AtMost("P1 fan-out p99 (ms)", "≤ 100", p1p99, rawP99, 100));
        rows.Add(AtMost("P1 lost events", "0", M("fanout-igf", "lost"), M("fanout-raw", "lost"), 0));
        rows.Add(AtMost("P1 duplicated events", "0", M("fanout-igf", "duplicated"), M("fanout-raw", "duplicated"), 0));
        rows.Add(Info("P1 server CPU (% of a core)", M("fanout-igf", "server_cpu_percent"), M("fanout-raw", "server_cpu_percent")));
        rows.Add(Info("P1 generator CPU (% of a core)", M("fanout-igf", "generator_cpu_percent"), M("fanout-raw", "generator_cpu_percent")));
        rows.Add(Info("P1 server RSS peak (MiB)", M("fanout-igf", "rss_peak_mib"), M("fanout-raw", "rss_peak_mib")));
        rows.Add(Info("P1 first client p50, the command's path (ms)", M("fanout-igf", "first_receipt_p50_ms"), M("fanout-raw", "first_receipt_p50_ms")));
        rows.Add(Info("P1 first client p99 (ms)", M("fanout-igf", "first_receipt_p99_ms"), M("fanout-raw", "first_receipt_p99_ms")));
        rows.Add(Info("P1 server CPU per broadcast (ms)", M("fanout-igf", "server_cpu_ms_per_broadcast"), M("fanout-raw", "server_cpu_ms_per_broadcast")));
        rows.Add(Info("P1 of it in the kernel: sends and loopback TCP (ms)", M("fanout-igf", "server_kernel_cpu_ms_per_broadcast"), M("fanout-raw", "server_kernel_cpu_ms_per_broadcast")));
        rows.Add(Info("P1 generator CPU per broadcast (ms)", M("fanout-igf", "generator_cpu_ms_per_broadcast"), M("fanout-raw", "generator_cpu_ms_per_broadcast")));
        rows.Add(Info("P1 server GC pauses in the phase (count)", M("fanout-igf", "server_gc_pauses"), M("fanout-raw", "server_gc_pauses")));
        rows.Add(Info("P1 server GC pause max (ms)", M("fanout-igf", "server_gc_pause_max_ms"), M("fanout-raw", "server_gc_pause_max_ms")));
        rows.Add(Info("P1 broadcasts over 200 ms (count)", M("fanout-igf", "fanout_over_200ms"), M("fanout-raw", "fanout_over_200ms")));
        rows.Add(Info("P1 … of which under way during a server GC pause", M("fanout-igf", "fanout_over_200ms_met_gc"), M("fanout-raw", "fanout_over_200ms_met_gc")));
        rows.Add(Info("P1 fan-out p99 of the broadcasts that met no GC pause (ms)", M("fanout-igf", "fanout_outside_gc_p99_ms"), M("fanout-raw", "fanout_outside_gc_p99_ms")));
        rows.Add(Info("P1 CPU time the host gave other guests (steal, %)", M("fanout-igf", "machine_steal_percent"), M("fanout-raw", "machine_steal_percent")));
        rows.Add(Info("P1 IgfLive vs a bare SignalR hub, fan-out p99 (ms)", p1p99, M("fanout-bare", "fanout_p99_ms")));
        rows.Add(Info("P1 message with one event to a participant (bytes)", M("fanout-igf", "participant_single_event_message_bytes"), M("fanout-raw", "participant_single_event_message_bytes")));

        var best = M("throughput-igf", "max_deliveries_per_second");
        var rawBest = M("throughput-raw", "max_deliveries_per_second");
        rows.Add(Ratio("P2 max deliveries/s at p99 < 1 s", "≥ 50% of raw", best, rawBest, r => r >= 0.5));
        rows.Add(Ratio("P2 P1 fan-out p99 vs raw (ms)", "≤ 1.5× raw", p1p99, rawP99, r => r <= 1.5));
        rows.Add(Info("P2 IgfLive vs a bare SignalR hub, deliveries/s", best, M("throughput-bare", "max_deliveries_per_second")));
        rows.Add(Info("P2 highest broadcast rate held (/s)", M("throughput-igf", "held_broadcasts_per_second"), M("throughput-raw", "held_broadcasts_per_second")));
        rows.Add(Info("P2 lowest rate failed (/s)", M("throughput-igf", "failed_broadcasts_per_second"), M("throughput-raw", "failed_broadcasts_per_second")));
        rows.Add(Info("P2 highest rate held, IgfLive vs the bare hub (/s)", M("throughput-igf", "held_broadcasts_per_second"), M("throughput-bare", "held_broadcasts_per_second")));
        rows.Add(Info("P2 message with one event to a participant (bytes)", M("throughput-igf", "participant_single_event_message_bytes"), M("throughput-raw", "participant_single_event_message_bytes")));

        var notes = new List<string>();
        if (skipped.TryGetValue("cluster", out var why))
        {
            rows.Add(new Row("P3 2 nodes + Redis", "p99 ≤ 2× 1 node; 1 PUBLISH per broadcast", "–", "", "", "not run"));
            notes.Add($"P3 not run: {why}.");
        }
        else
        {
            rows.Add(Ratio("P3 2-node fan-out p99 vs 1 node (ms)", "≤ 2× 1 node", M("cluster-igf", "fanout_p99_ms"), p1p99, r => r <= 2));
            rows.Add(AtMost("P3 lost events", "0", M("cluster-igf", "lost"), null, 0));
            var publishes = redis.TryGetValue("publishes_per_broadcast", out var p) ? p : (double?)null;
            rows.Add(new Row("P3 Redis PUBLISH per broadcast", "= 1", Format(publishes), "", "", publishes is null ? "not measured" : publishes == 1 ? "pass" : "FAIL"));
            var idle = redis.TryGetValue("uninvolved_node_subscriptions", out var s) ? s : (double?)null;
            rows.Add(new Row("P3 node without members: subscriptions to the session", "0", Format(idle), "", "", idle is null ? "not measured" : idle == 0 ? "pass" : "FAIL"));
        }

        var kib = M("idle-igf", "kib_per_connection");
        var rawKib = M("idle-raw", "kib_per_connection");
        rows.Add(new Row("P4 idle RSS per connection (KiB)", "≤ 24 and ≤ 2× raw", Format(kib), Format(rawKib), FormatRatio(kib, rawKib),
            kib is null ? "not run" : kib <= 24 && (rawKib is null || kib <= 2 * Math.Max(rawKib.Value, 0.001)) ? "pass" : "FAIL"));
        rows.Add(Info("P4 IgfLive vs a bare SignalR hub, KiB per connection", kib, M("idle-bare", "kib_per_connection")));

        var failedJoins = Sum(M("joinstorm-igf", "failed_joins"), M("joinstorm-igf", "reconnect_failed_joins"));
        rows.Add(AtMost("P5 failed joins (ramp + reconnect)", "0", failedJoins, Sum(M("joinstorm-raw", "failed_joins"), M("joinstorm-raw", "reconnect_failed_joins")), 0));
        rows.Add(AtMost("P5 join p99 during the ramp (ms)", "≤ 500", M("joinstorm-igf", "join_p99_ms"), M("joinstorm-raw", "join_p99_ms"), 500));
        rows.Add(Ratio("P5 fan-out p99 during the ramp vs P1 (ms)", "≤ 2× P1", M("joinstorm-igf", "ramp_fanout_p99_ms"), p1p99, r => r <= 2));
        rows.Add(AtMost("P5 all reconnected and resynced (s)", "≤ 60", M("joinstorm-igf", "reconnect_all_seconds"), M("joinstorm-raw", "reconnect_all_seconds"), 60));
        rows.Add(AtMost("P5 lost + duplicated after the storm", "0", Sum(M("joinstorm-igf", "lost"), M("joinstorm-igf", "duplicated")), Sum(M("joinstorm-raw", "lost"), M("joinstorm-raw", "duplicated")), 0));

        // The baseline is the same run's control phase (same clients and rate, nobody stalled); P1 is shown for reference.
        rows.Add(Ratio("P6 others' fan-out p99, 1% stalled vs none (ms)", "≤ 1.1× unstalled", M("slowreaders-igf", "fanout_p99_ms"), M("slowreaders-igf", "control_fanout_p99_ms"), r => r <= 1.1));
        rows.Add(Info("P6 others' fan-out p99 vs P1 (ms)", M("slowreaders-igf", "fanout_p99_ms"), p1p99));
        // Both phases are watched for the server's GC pauses: one blocking collection moves a p99 of 240 broadcasts.
        rows.Add(Info("P6 server GC pauses, stalled phase vs none", M("slowreaders-igf", "server_gc_pauses"), M("slowreaders-igf", "control_server_gc_pauses")));
        rows.Add(Info("P6 longest GC pause, stalled phase vs none (ms)", M("slowreaders-igf", "server_gc_pause_max_ms"), M("slowreaders-igf", "control_server_gc_pause_max_ms")));
        rows.Add(Info("P6 others' p99 of broadcasts that met no GC pause, stalled vs none (ms)", M("slowreaders-igf", "fanout_outside_gc_p99_ms"), M("slowreaders-igf", "control_fanout_outside_gc_p99_ms")));
        rows.Add(Info("P6 Kestrel's pinned pool allocated, stalled phase vs none (KiB)", M("slowreaders-igf", "server_pool_allocated_kib"), M("slowreaders-igf", "control_server_pool_allocated_kib")));
        rows.Add(AtMost("P6 others' lost events", "0", M("slowreaders-igf", "lost"), M("slowreaders-raw", "lost"), 0));
        var growth = Sub(M("slowreaders-igf", "rss_peak_mib"), M("slowreaders-igf", "rss_start_mib"));
        var stalled = M("slowreaders-igf", "slow_clients");
        // The bound: each stalled connection holds at most SignalR's transport buffer (64 KiB) and
        // Kestrel's send buffer (IgfLive's Limits:SendBufferKiB, 16 KiB; 64 in the baselines) plus
        // what is sent to it in the 10 s before it is closed, with headroom for the collector: 1 MiB
        // per stalled client.
        var bound = stalled is null ? (double?)null : Math.Max(stalled.Value, 1) * 1.0 + 16;
        rows.Add(new Row("P6 server RSS growth during the run (MiB)", bound is null ? "bounded" : $"≤ {bound:0} (1 MiB per stalled + 16)", Format(growth),
            Format(Sub(M("slowreaders-raw", "rss_peak_mib"), M("slowreaders-raw", "rss_start_mib"))), "", growth is null ? "not run" : growth <= bound ? "pass" : "FAIL"));
        rows.Add(Info("P6 stalled clients closed by the server", M("slowreaders-igf", "slow_clients_closed_by_server"), M("slowreaders-raw", "slow_clients_closed_by_server")));

        // P7 asks for the Redis store; without redis-server the day ran on the embedded one and proves nothing for it.
        var dayAck = AtMost("P7 day: command ack p99 (ms)", "≤ 20", M("day-igf", "ack_p99_ms"), M("day-raw", "ack_p99_ms"), 20);
        if (skipped.TryGetValue("day-redis", out var noRedis))
        {
            dayAck = dayAck with { Result = "not run on Redis" };
            notes.Add($"P7 not run on the Redis store: {noRedis}.");
        }
        rows.Add(dayAck);
        rows.Add(AtMost("P7 day: fan-out p99 (ms)", "≤ 100", M("day-igf", "fanout_p99_ms"), M("day-raw", "fanout_p99_ms"), 100));
        rows.Add(Info("P7 server GC pauses in the phase (count)", M("day-igf", "server_gc_pauses"), M("day-raw", "server_gc_pauses")));
        rows.Add(Info("P7 server GC pause median (ms)", M("day-igf", "server_gc_pause_p50_ms"), M("day-raw", "server_gc_pause_p50_ms")));
        rows.Add(Info("P7 server GC pause max (ms)", M("day-igf", "server_gc_pause_max_ms"), M("day-raw", "server_gc_pause_max_ms")));
        rows.Add(Info("P7 share of the phase the server was paused (%)", M("day-igf", "server_gc_paused_percent"), M("day-raw", "server_gc_paused_percent")));
        rows.Add(Info("P7 server lock contentions in the phase", M("day-igf", "server_lock_contentions"), M("day-raw", "server_lock_contentions")));
        rows.Add(Info("P7 CPU time the host gave other guests (steal, %)", M("day-igf", "machine_steal_percent"), M("day-raw", "machine_steal_percent")));
        rows.Add(Info("P7 acks over 20 ms (count)", M("day-igf", "ack_over_20ms"), M("day-raw", "ack_over_20ms")));
        rows.Add(Info("P7 … of which under way during a server GC pause", M("day-igf", "ack_over_20ms_met_gc"), M("day-raw", "ack_over_20ms_met_gc")));
        rows.Add(Info("P7 ack p99 of the acks that met no GC pause (ms)", M("day-igf", "ack_outside_gc_p99_ms"), M("day-raw", "ack_outside_gc_p99_ms")));
        rows.Add(AtMost("P7 day: lost + duplicated", "0", Sum(M("day-igf", "lost"), M("day-igf", "duplicated")), Sum(M("day-raw", "lost"), M("day-raw", "duplicated")), 0));

        // The event's baseline is itself with no dashboard open, in the same run.
        var eventCpu = Ratio("P8 event: server CPU, 5 dashboards open vs closed", "≤ 1.1×", M("event-igf", "server_cpu_open_percent"), M("event-igf", "server_cpu_closed_percent"), r => r <= 1.1);
        rows.Add(skipped.ContainsKey("event-redis") ? eventCpu with { Result = "not run on Redis" } : eventCpu);
        rows.Add(Info("P8 event: dashboard update delay p50 (ms)", M("event-igf", "dashboard_delay_p50_ms"), null));
        rows.Add(Info("P8 event: dashboard update delay p99 (ms)", M("event-igf", "dashboard_delay_p99_ms"), null));
        rows.Add(Info("P8 event: changes never shown on a dashboard", M("event-igf", "dashboard_unanswered"), null));
        rows.Add(Info("P8 event: programme import, commit (s)", M("event-igf", "import_seconds"), null));
        rows.Add(Info("P8 event: … its preview (s)", M("event-igf", "import_preview_seconds"), null));
        rows.Add(AtMost("P8 event: lost + duplicated", "0", Sum(M("event-igf", "lost"), M("event-igf", "duplicated")), null, 0));

        var header = new Row("scenario", "target", "measured", "baseline", "ratio", "result");
        var widths = new[]
        {
            rows.Append(header).Max(r => r.Scenario.Length),
            rows.Append(header).Max(r => r.Target.Length),
            rows.Append(header).Max(r => r.Measured.Length),
            rows.Append(header).Max(r => r.Baseline.Length),
            rows.Append(header).Max(r => r.Ratio.Length),
            rows.Append(header).Max(r => r.Result.Length),
        };
        string Line(Row r) => string.Join("  ", new[] { r.Scenario, r.Target, r.Measured, r.Baseline, r.Ratio, r.Result }.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        Console.WriteLine(Line(header));
        Console.WriteLine(new string('-', widths.Sum() + 10));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row));
        }
        foreach (var note in notes)
        {
            Console.WriteLine(note);
        }

        if (options.Markdown is { } markdown)
        {
            var md = new StringBuilder();
            md.AppendLine("| scenario | target | measured | baseline | ratio | result |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var r in rows)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Target} | {r.Measured} | {r.Baseline} | {r.Ratio} | {r.Result} |");
            }
            foreach (var note in notes)
            {
                md.AppendLine().AppendLine(note);
            }
            File.WriteAllText(markdown, md.ToString());
        }
        return rows.Any(r => r.Result == "FAIL") ? 1 : 0;
    }

    private static Row AtMost(string scenario, string target, double? measured, double? baseline, double limit) =>
        new(scenario, target, Format(measured), Format(baseline), FormatRatio(measured, baseline),
            measured is null ? "not run" : measured <= limit ? "pass" : "FAIL");

    private static Row Ratio(string scenario, string target, double? measured, double? baseline, Func<double, bool> pass)
    {
        var ratio = measured is not null && baseline is > 0 ? measured / baseline : null;
        return new(scenario, target, Format(measured), Format(baseline), Format(ratio, "0.00"),
            ratio is null ? "not run" : pass(ratio.Value) ? "pass" : "FAIL");
    }

    private static Row Info(string scenario, double? measured, double? baseline) =>
        new(scenario, "(info)", Format(measured), Format(baseline), FormatRatio(measured, baseline), "");

    private static string Format(double? value, string format = "0.#") =>
        value is null ? "–" : value.Value.ToString(Math.Abs(value.Value) >= 1000 ? "#,0" : format, CultureInfo.InvariantCulture);

    private static string FormatRatio(double? measured, double? baseline) =>
        measured is not null && baseline is > 0 ? Format(measured / baseline, "0.00") : "";

    private static double? Sum(double? a, double? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    private static double? Sub(double? a, double? b) => a is null || b is null ? null : a - b;

    private sealed record Row(string Scenario, string Target, string Measured, string Baseline, string Ratio, string Result);
}
