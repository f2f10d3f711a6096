using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Server.Hosting;

namespace IgfLive.Server.Sessions;

/// <summary>
/// Raises threshold cues when they fall due. A cue is an event in the session's log, appended with
/// the expected sequence number: if two nodes see it due at once, one append wins and the other
/// decides again, finds it raised, and does nothing — once per segment across the cluster.
/// </summary>
/// <remarks>
/// Every node watches every active session, not only those it created or serves: each
/// <see cref="DiscoveryPeriod"/> it lists the store's sessions and catches up on them. A node that
/// dies therefore leaves no session without cues, and a node with a stale view only costs a
/// decision against fresh state (every command catches up before deciding).
/// </remarks>
public sealed partial class CueService(
    SessionService sessions,
    SessionDirectory directory,
    TimeProvider time,
    IgfLiveMetrics metrics,
    ILogger<CueService> logger) : BackgroundService
{
    /// <summary>Cues are checked this often; the clock on screen is exact, a cue may come up to this late.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How often the node looks for sessions it does not hold yet and catches up on those it does. A
    /// session whose clock another node started is watched here within this time.
    /// </summary>
    public static readonly TimeSpan DiscoveryPeriod = TimeSpan.FromSeconds(5);

    private DateTimeOffset _lastDiscovery = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            await DiscoverAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (time.GetUtcNow() - _lastDiscovery >= DiscoveryPeriod)
                {
                    await DiscoverAsync(stoppingToken);
                }
                await CheckAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Loads the store's active sessions (at start-up too, so cues fire without waiting for someone to join).</summary>
    private async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        _lastDiscovery = time.GetUtcNow();
        try
        {
            await directory.LoadActiveAsync(cancellationToken);
        }
        catch (SessionUnavailableException ex)
        {
            // Sessions already held are still checked; the next discovery tries again.
            Log.DiscoveryFailed(logger, ex);
        }
    }

    /// <summary>Raises every cue due now on the sessions this node holds.</summary>
    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var state in sessions.Loaded.Where(s => CueSchedule.Due(s, now) is not null).ToArray())
        {
            try
            {
                var outcome = await sessions.ExecuteAsync(state.SessionId, new RaiseDueCue(), cancellationToken);
                foreach (var raised in outcome.Events.Select(e => e.Event).OfType<CueRaised>())
                {
                    metrics.CueRaised(raised.Cue.ToString());
                    Log.CueRaised(logger, state.SessionId, raised.Cue, raised.Segment);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a cue is late rather than lost.
                Log.CueFailed(logger, ex, state.SessionId);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Session {SessionId}: cue {Cue} raised in segment {Segment}")]
        public static partial void CueRaised(ILogger logger, string sessionId, CueKind cue, int segment);

        [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Session {SessionId}: raising a cue failed; retrying on the next tick")]
        public static partial void CueFailed(ILogger logger, Exception exception, string sessionId);

        [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Looking for active sessions failed; retrying in a few seconds")]
        public static partial void DiscoveryFailed(ILogger logger, Exception exception);
    }
}
