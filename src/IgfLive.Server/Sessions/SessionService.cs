using System.Collections.Concurrent;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Sessions;

/// <summary>
/// The one path for every change to a session: load state, decide, append with the expected
/// sequence number, broadcast. A conflict (another node appended first) reloads the missed events
/// and decides again, so two moderators acting at once never lose an update.
/// </summary>
public sealed partial class SessionService(
    ISessionStore store,
    SessionBroadcaster broadcaster,
    TimeProvider time,
    ILogger<SessionService> logger)
{
    private const int MaxAttempts = 8;

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    /// <summary>Sessions this node has loaded; the cue service watches these.</summary>
    public IEnumerable<SessionState> Loaded => _sessions.Values.Select(e => e.State).OfType<SessionState>();

    public async Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(sessionId, out var entry) && entry.Record is not null)
        {
            return entry.Record;
        }
        var record = await Guard(() => store.FindAsync(sessionId, cancellationToken)).ConfigureAwait(false);
        if (record is not null)
        {
            _sessions.GetOrAdd(sessionId, _ => new Entry()).Record = record;
        }
        return record;
    }

    /// <summary>The session's state, caught up with the store; null for an unknown session.</summary>
    public async Task<SessionState?> GetStateAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (await FindAsync(sessionId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }
        var entry = _sessions[sessionId];
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CatchUpAsync(sessionId, entry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    public async Task<CommandOutcome> ExecuteAsync(string sessionId, SessionCommand command, CancellationToken cancellationToken)
    {
        if (await FindAsync(sessionId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new KeyNotFoundException($"There is no session {sessionId}.");
        }
        var entry = _sessions[sessionId];
        // One command at a time per session on this node keeps broadcasts in sequence order here;
        // other nodes are kept honest by the store's expected-sequence check.
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var state = await CatchUpAsync(sessionId, entry, cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var now = time.GetUtcNow();
                var decision = SessionDecider.Decide(state, command, now);
                if (decision.Rejection is { } rejection)
                {
                    return new CommandOutcome(state, [], rejection);
                }
                if (decision.Events.Count == 0)
                {
                    return new CommandOutcome(state, [], null);
                }
                var recorded = decision.Events.Select((e, i) => new RecordedEvent(state.Version + 1 + i, now, e)).ToArray();
                if (await Guard(() => store.AppendAsync(sessionId, state.Version, recorded, cancellationToken)).ConfigureAwait(false))
                {
                    var next = recorded.Aggregate(state, (s, e) => s.Apply(e));
                    entry.State = next;
                    await BroadcastAsync(sessionId, recorded, next).ConfigureAwait(false);
                    return new CommandOutcome(next, recorded, null);
                }
                Log.AppendConflict(logger, sessionId, state.Version, attempt);
                state = await CatchUpAsync(sessionId, entry, cancellationToken).ConfigureAwait(false);
            }
            throw new SessionUnavailableException($"The session is too busy right now (gave up after {MaxAttempts} attempts); try again.");
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Creates a session with its first event. Returns false when the id or code is taken.</summary>
    public async Task<bool> CreateAsync(SessionRecord record, SessionDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var created = new RecordedEvent(1, time.GetUtcNow(), new SessionCreated(definition));
        if (!await Guard(() => store.CreateAsync(record, created, cancellationToken)).ConfigureAwait(false))
        {
            return false;
        }
        var entry = _sessions.GetOrAdd(record.Id, _ => new Entry());
        entry.Record = record;
        entry.State = SessionState.Create(record.Id, created);
        Log.SessionCreated(logger, record.Id, definition.Segments.Count);
        return true;
    }

    /// <summary>Loads every session whose clock may be running, so this node watches its cues.</summary>
    public async Task LoadActiveAsync(CancellationToken cancellationToken)
    {
        var records = await Guard(() => store.ListAsync(cancellationToken)).ConfigureAwait(false);
        var horizon = time.GetUtcNow().AddDays(-1);
        foreach (var record in records.Where(r => r.StartsAt > horizon.AddDays(-1)))
        {
            _sessions.GetOrAdd(record.Id, _ => new Entry()).Record = record;
            await GetStateAsync(record.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The events after <paramref name="afterSequence"/> and the state they lead to.</summary>
    public async Task<(IReadOnlyList<RecordedEvent> Events, SessionState State)> ReadSinceAsync(string sessionId, long afterSequence, CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(sessionId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no session {sessionId}.");
        if (afterSequence >= state.Version)
        {
            return ([], state);
        }
        var events = await Guard(() => store.ReadAsync(sessionId, afterSequence, cancellationToken)).ConfigureAwait(false);
        // The log may have grown since the state was read; never hand out events past that state.
        return (events.Where(e => e.Sequence <= state.Version).ToArray(), state);
    }

    private async Task<SessionState> CatchUpAsync(string sessionId, Entry entry, CancellationToken cancellationToken)
    {
        var after = entry.State?.Version ?? 0;
        var events = await Guard(() => store.ReadAsync(sessionId, after, cancellationToken)).ConfigureAwait(false);
        var state = entry.State;
        foreach (var e in events)
        {
            state = state is null ? SessionState.Create(sessionId, e) : state.Apply(e);
        }
        entry.State = state ?? throw new InvalidOperationException($"Session {sessionId} has a record but no events.");
        return state;
    }

    private async Task BroadcastAsync(string sessionId, RecordedEvent[] events, SessionState state)
    {
        try
        {
            await broadcaster.EventsAsync(sessionId, events, state).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The events are stored; clients that missed them find the gap and resync.
            Log.BroadcastFailed(logger, ex, sessionId, events[0].Sequence);
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ArgumentException and not SessionUnavailableException)
        {
            throw new SessionUnavailableException("The session store is unavailable; nothing was changed. Try again shortly.", ex);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public SessionRecord? Record { get; set; }

        public SessionState? State { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Session {SessionId} created with {Segments} segments")]
        public static partial void SessionCreated(ILogger logger, string sessionId, int segments);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Session {SessionId}: append at version {Version} lost a race (attempt {Attempt}); deciding again")]
        public static partial void AppendConflict(ILogger logger, string sessionId, long version, int attempt);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Session {SessionId}: broadcasting from event {Sequence} failed; clients will resync")]
        public static partial void BroadcastFailed(ILogger logger, Exception exception, string sessionId, long sequence);
    }
}
