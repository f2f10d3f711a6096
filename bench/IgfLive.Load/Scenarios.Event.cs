namespace IgfLive.Load;

/// <summary>A whole event: its programme imported, a live session in every room, the secretariat watching.</summary>
internal static partial class Scenarios
{
    /// <summary>Commands that change what a room's row on the dashboard shows.</summary>
    private static readonly HashSet<string> ShownOnTheDashboard = ["PauseClock", "ResumeClock", "AdjustSegment", "SubmitQuestion", "ApproveQuestion"];

    /// <summary>
    /// An event of R rooms: a programme of P sessions imported (the preview and the commit timed),
    /// each room's first session live under the IGF-day activity, first with no dashboard open, then
    /// with D dashboards watching the event; the server's CPU in each phase, and each dashboard's
    /// delay from a change's acknowledgement to its room's summary.
    /// </summary>
    public static async Task EventAsync(Harness h)
    {
        var o = h.Options;
        var programme = new EventProgramme(h);
        await programme.CreateAsync(o.Rooms);
        var (preview, commit) = await programme.ImportAsync(o.Rooms, o.ProgrammeSessions);
        h.Metrics["programme_sessions"] = o.ProgrammeSessions;
        h.Metrics["import_preview_seconds"] = Math.Round(preview, 2);
        h.Metrics["import_seconds"] = Math.Round(commit, 2);
        h.Note($"imported {o.ProgrammeSessions} sessions in {o.Rooms} rooms: preview {preview:0.00} s, commit {commit:0.00} s");

        var sessions = (await programme.LiveSessionsAsync(o.Rooms)).Select(k => new SessionRun(k)).ToList();
        await JoinDayAsync(h, sessions);
        var drivers = sessions.Select((s, i) => new DaySession(s, h, new LatencyLog(), new LatencyLog(), new LatencyLog(), new Random(i))).ToList();
        var duration = TimeSpan.FromSeconds(o.Seconds);

        h.Metrics["server_cpu_closed_percent"] = await CpuWhileAsync(h, drivers, duration);

        await using var dashboards = new DashboardWatch();
        await dashboards.OpenAsync(o.Urls[0], programme.EventId, programme.EventKey, o.Dashboards);
        foreach (var (driver, session) in drivers.Zip(sessions))
        {
            driver.OnAcknowledged(target =>
            {
                if (ShownOnTheDashboard.Contains(target))
                {
                    dashboards.Acknowledged(session.Keys.Id);
                }
            });
        }
        await Task.Delay(Settle);
        dashboards.StartMeasuring();
        h.Metrics["server_cpu_open_percent"] = await CpuWhileAsync(h, drivers, duration);
        // The last changes' summaries: the rooms are read about once a second.
        await Task.Delay(Settle);
        dashboards.Into(h.Metrics);
        h.Metrics["dashboards"] = o.Dashboards;
        h.Metrics["commands"] = drivers.Sum(d => d.Commands);
        h.Metrics["command_errors"] = drivers.Sum(d => d.Errors);
        h.Metrics["all_delivered"] = await Harness.WaitForDeliveryAsync(sessions, DeliveryTimeout) ? 1 : 0;
        h.Delivery(sessions);
    }

    /// <summary>Runs the sessions' activity for <paramref name="duration"/>; the server's CPU meanwhile, % of a core.</summary>
    private static async Task<double> CpuWhileAsync(Harness h, List<DaySession> drivers, TimeSpan duration)
    {
        var cpu = new CpuWindow(h.Servers);
        await Task.WhenAll(drivers.Select(d => d.RunAsync(h.Options.SessionRate, duration)));
        return Math.Round(cpu.Stop().ServerPercent, 1);
    }
}
