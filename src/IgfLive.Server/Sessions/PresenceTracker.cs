using System.Collections.Concurrent;
using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Sessions;

/// <summary>
/// Counts the participants connected to this node per session and reports the count to the store,
/// which adds up every node's: staff see, and the report keeps the peak of, the whole cluster's
/// audience. A report holds for <see cref="Lease"/> and is renewed every <see cref="RenewEvery"/>
/// (<see cref="PresenceLeaseService"/>), so the participants of a node that dies stop counting soon after.
/// </summary>
/// <remarks>
/// Arrivals come in bursts (a session's start, everyone reconnecting after the venue's network
/// blinks). A join never waits for its report: at most one report per session is in flight, and
/// it sends the count as it is when it starts; arrivals meanwhile are covered by the next one.
/// </remarks>
public sealed partial class PresenceTracker(IPresenceStore store, SessionBroadcaster broadcaster, ILogger<PresenceTracker> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Local> _sessions = new(StringComparer.Ordinal);

    /// <summary>Set once the node has withdrawn its reports: from then on it reports nothing.</summary>
    private volatile bool _withdrawn;

    /// <summary>This node's name in the store's presence reports; unique per process.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>Participants connected to this node (the cluster's total is <see cref="CurrentAsync"/>).</summary>
    public int Online(string sessionId) => _sessions.TryGetValue(sessionId, out var local) ? local.Online : 0;

    public async Task<PresenceDto> CurrentAsync(string sessionId, CancellationToken cancellationToken)
    {
        var count = await store.GetPresenceAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return new PresenceDto(count.Online, count.Peak);
    }

    public Task ArrivedAsync(string sessionId) => ChangeAsync(sessionId, +1);

    public Task LeftAsync(string sessionId) => ChangeAsync(sessionId, -1);

    /// <summary>Renews this node's reports, and tells staff when the total moved (another node's lease ran out).</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        foreach (var (sessionId, local) in _sessions.Where(s => s.Value.Online > 0))
        {
            try
            {
                await ReportAsync(sessionId, local, announceAlways: false, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RenewFailed(logger, ex, sessionId);
            }
        }
    }

    /// <summary>
    /// Withdraws this node's reports as it shuts down, before its connections close, and reports
    /// nothing after: its participants stop counting at once. Were the departures reported one by
    /// one instead, a node busy closing thousands of connections could fail to report them, leave
    /// its last count standing for a lease, and count its participants twice — raising the
    /// session's peak — as they reconnect to another node.
    /// </summary>
    public async Task WithdrawAllAsync(CancellationToken cancellationToken)
    {
        _withdrawn = true;
        // The connections are still open: a session with nobody here has nothing of ours standing.
        await Task.WhenAll(_sessions.Where(s => s.Value.Online > 0).Select(s => WithdrawAsync(s.Key, s.Value, cancellationToken))).ConfigureAwait(false);
    }

    private async Task WithdrawAsync(string sessionId, Local local, CancellationToken cancellationToken)
    {
        // After any report in flight, which would otherwise land on top of the withdrawal.
        await local.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await store.ReportPresenceAsync(sessionId, NodeId, 0, Lease, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.WithdrawFailed(logger, ex, sessionId);
        }
        finally
        {
            local.Gate.Release();
        }
    }

    private Task ChangeAsync(string sessionId, int delta)
    {
        var local = _sessions.GetOrAdd(sessionId, _ => new Local());
        local.Add(delta);
        if (_withdrawn)
        {
            return Task.CompletedTask;
        }
        Volatile.Write(ref local.Dirty, 1);
        if (Interlocked.CompareExchange(ref local.Reporting, 1, 0) == 0)
        {
            _ = ReportChangesAsync(sessionId, local);
        }
        return Task.CompletedTask;
    }

    /// <summary>Reports until no change is left unreported; the one report in flight for the session.</summary>
    private async Task ReportChangesAsync(string sessionId, Local local)
    {
        // Off the arriving join's path: a store may do its work synchronously (SQLite does, fsync included).
        await Task.Yield();
        var failed = false;
        try
        {
            while (Interlocked.Exchange(ref local.Dirty, 0) == 1)
            {
                await ReportAsync(sessionId, local, announceAlways: true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next change, or the lease renewal, reports again.
            failed = true;
            Log.RenewFailed(logger, ex, sessionId);
        }
        finally
        {
            Volatile.Write(ref local.Reporting, 0);
        }
        // A change between the last check and the release above left its report to this one.
        if (!failed && Volatile.Read(ref local.Dirty) == 1 && Interlocked.CompareExchange(ref local.Reporting, 1, 0) == 0)
        {
            _ = ReportChangesAsync(sessionId, local);
        }
    }

    private async Task ReportAsync(string sessionId, Local local, bool announceAlways, CancellationToken cancellationToken)
    {
        // One report at a time per session, each with the count as it is when sent: reports are
        // absolute, so the last one to reach the store must be the latest.
        await local.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_withdrawn)
            {
                return;
            }
            var count = await store.ReportPresenceAsync(sessionId, NodeId, local.Online, Lease, cancellationToken).ConfigureAwait(false);
            if (announceAlways || count != local.Announced)
            {
                local.Announced = count;
                broadcaster.Presence(sessionId, new PresenceDto(count.Online, count.Peak));
            }
        }
        finally
        {
            local.Gate.Release();
        }
    }

    private sealed class Local
    {
        private int _online;

        /// <summary>1 when the count changed since the last report started.</summary>
        public int Dirty;

        /// <summary>1 while a report of changes is in flight.</summary>
        public int Reporting;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Online => Volatile.Read(ref _online);

        /// <summary>The last count staff were told of.</summary>
        public PresenceCount? Announced { get; set; }

        public void Add(int delta)
        {
            int current, next;
            do
            {
                current = Volatile.Read(ref _online);
                next = Math.Max(current + delta, 0);
            }
            while (Interlocked.CompareExchange(ref _online, next, current) != current);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "Session {SessionId}: renewing this node's presence report failed; the next renewal tries again")]
        public static partial void RenewFailed(ILogger logger, Exception exception, string sessionId);

        [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Session {SessionId}: withdrawing this node's presence report failed; it lapses with its lease")]
        public static partial void WithdrawFailed(ILogger logger, Exception exception, string sessionId);
    }
}
