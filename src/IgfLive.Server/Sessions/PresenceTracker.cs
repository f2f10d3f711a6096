using System.Collections.Concurrent;
using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Sessions;

/// <summary>Counts participants online per session on this node and keeps the peak in the store for the report.</summary>
/// <remarks>
/// Arrivals come in bursts: a session's start, or everyone reconnecting after the venue's network
/// blinks. Writing the peak on every arrival made each join wait for its own durable store write,
/// one after another (a join storm of 5,000 took seconds per join). Now at most one peak write per
/// session is in flight; it writes the highest count seen when it starts, and arrivals meanwhile
/// are covered by the next one. Joins do not wait for it; the report and snapshots take the higher
/// of the stored peak and this node's own, so they never show a peak lower than one already seen.
/// </remarks>
public sealed partial class PresenceTracker(ISessionStore store, SessionBroadcaster broadcaster, ILogger<PresenceTracker> logger)
{
    private readonly ConcurrentDictionary<string, Counter> _sessions = new(StringComparer.Ordinal);

    public int Online(string sessionId) => _sessions.TryGetValue(sessionId, out var counter) ? Volatile.Read(ref counter.Online) : 0;

    public async Task<PresenceDto> CurrentAsync(string sessionId, CancellationToken cancellationToken)
    {
        var stored = await store.GetPeakPresenceAsync(sessionId, cancellationToken).ConfigureAwait(false);
        return new PresenceDto(Online(sessionId), Math.Max(stored, LocalPeak(sessionId)));
    }

    /// <summary>The peak for the report: the store's, or this node's if a write of it is still on its way.</summary>
    public async Task<int> PeakAsync(string sessionId, CancellationToken cancellationToken) =>
        Math.Max(await store.GetPeakPresenceAsync(sessionId, cancellationToken).ConfigureAwait(false), LocalPeak(sessionId));

    public Task ArrivedAsync(string sessionId)
    {
        var counter = _sessions.GetOrAdd(sessionId, _ => new Counter());
        var online = Interlocked.Increment(ref counter.Online);
        Raise(ref counter.Highest, online);
        if (online > Volatile.Read(ref counter.Stored))
        {
            RecordPeak(sessionId, counter);
        }
        return broadcaster.PresenceAsync(sessionId, new PresenceDto(online, Peak(counter)));
    }

    public Task LeftAsync(string sessionId)
    {
        var counter = _sessions.GetOrAdd(sessionId, _ => new Counter());
        int online;
        do
        {
            online = Volatile.Read(ref counter.Online);
        }
        while (online > 0 && Interlocked.CompareExchange(ref counter.Online, online - 1, online) != online);
        return broadcaster.PresenceAsync(sessionId, new PresenceDto(Math.Max(online - 1, 0), Peak(counter)));
    }

    private int LocalPeak(string sessionId) => _sessions.TryGetValue(sessionId, out var counter) ? Peak(counter) : 0;

    private static int Peak(Counter counter) => Math.Max(Volatile.Read(ref counter.Highest), Volatile.Read(ref counter.Stored));

    /// <summary>Starts a peak write unless one is in flight (that one, or the next, will cover this arrival).</summary>
    private void RecordPeak(string sessionId, Counter counter)
    {
        if (Interlocked.CompareExchange(ref counter.Writing, 1, 0) == 0)
        {
            _ = RecordPeakAsync(sessionId, counter);
        }
    }

    private async Task RecordPeakAsync(string sessionId, Counter counter)
    {
        var failed = false;
        try
        {
            // Off the arriving join's path: a store may do its work synchronously (SQLite does, fsync included).
            await Task.Yield();
            int highest;
            while ((highest = Volatile.Read(ref counter.Highest)) > Volatile.Read(ref counter.Stored))
            {
                Raise(ref counter.Stored, await store.RecordPresenceAsync(sessionId, highest, CancellationToken.None).ConfigureAwait(false));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next arrival tries again; the report meanwhile uses this node's count.
            failed = true;
            Log.PeakNotRecorded(logger, ex, sessionId);
        }
        finally
        {
            Volatile.Write(ref counter.Writing, 0);
        }
        // An arrival between the last check and the release above found a write in flight and left it to this one.
        if (!failed && Volatile.Read(ref counter.Highest) > Volatile.Read(ref counter.Stored))
        {
            RecordPeak(sessionId, counter);
        }
    }

    private static void Raise(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    private sealed class Counter
    {
        public int Online;

        /// <summary>The most online at once on this node.</summary>
        public int Highest;

        /// <summary>The peak the store last confirmed (which may include other nodes').</summary>
        public int Stored;

        /// <summary>1 while a peak write is in flight.</summary>
        public int Writing;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Session {SessionId}: the peak of participants online could not be recorded; retrying on the next arrival")]
        public static partial void PeakNotRecorded(ILogger logger, Exception exception, string sessionId);
    }
}
