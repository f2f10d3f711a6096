using System.Collections.Concurrent;
using IgfLive.Core.Sessions;
using IgfLive.Server.Access;
using IgfLive.Server.Hosting;
using IgfLive.Server.Storage;
using Microsoft.Extensions.Options;
using static IgfLive.Server.Sessions.StoreCalls;

namespace IgfLive.Server.Sessions;

/// <summary>
/// The one path for every change to a session: decide on the state this node holds, append with
/// the expected sequence number, broadcast. A conflict (another node appended first) reads the
/// missed events and decides again, so two moderators acting at once never lose an update.
/// </summary>
/// <remarks>
/// A session is loaded from its latest snapshot plus the events after it, and a snapshot is saved
/// every <see cref="IgfLiveOptions.SnapshotEvery"/> events, so no load replays a long session from
/// the start. Events are never trimmed: resync reads them from the log, not from a snapshot.
/// </remarks>
public sealed partial class SessionService(
    IEventLog log,
    ISessionCatalog catalog,
    SessionBroadcaster broadcaster,
    TimeProvider time,
    IOptions<IgfLiveOptions> options,
    ILogger<SessionService> logger)
{
    /// <summary>
    /// Appends lost to another node before giving up. The node that keeps winning a hot session
    /// already holds the latest state, so the loser backs off a little (random, growing) before
    /// deciding again; otherwise it could lose every race of a busy minute.
    /// </summary>
    private const int MaxAttempts = 32;

    private readonly int _snapshotEvery = options.Value.SnapshotEvery;

    private readonly ConcurrentDictionary<string, SessionEntry> _sessions = new(StringComparer.Ordinal);

    /// <summary>Sessions this node has loaded; the cue service watches these.</summary>
    public IEnumerable<SessionState> Loaded => _sessions.Values.Select(e => e.State).OfType<SessionState>();

    public async Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(sessionId, out var entry) && entry.Record is not null)
        {
            return entry.Record;
        }
        var record = await Guard(() => catalog.FindAsync(sessionId, cancellationToken)).ConfigureAwait(false);
        if (record is not null)
        {
            _sessions.GetOrAdd(sessionId, _ => new SessionEntry()).Record = record;
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

    /// <summary>The state this node holds of the session, as far as it has caught up (null when it holds none); no store call.</summary>
    public SessionState? Held(string sessionId) => _sessions.TryGetValue(sessionId, out var entry) ? entry.State : null;

    /// <summary>Keeps the record of a session listed from the store, so that finding it needs no store call; returns the state held, if any.</summary>
    public SessionState? Remember(SessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = _sessions.GetOrAdd(record.Id, _ => new SessionEntry());
        entry.Record ??= record;
        return entry.State;
    }

    public Task<CommandOutcome> ExecuteAsync(string sessionId, SessionCommand command, CancellationToken cancellationToken) =>
        ExecuteAsync(sessionId, command, null, cancellationToken);

    /// <summary>
    /// Decides and appends <paramref name="command"/>. <paramref name="authorise"/>, when given, is asked
    /// about every state the command is decided on, before it is decided: a refusal from a state that
    /// may be behind is checked again on the caught-up one, and a state that is behind (another node
    /// changed who may act) cannot append, so whatever is appended was allowed by the latest state.
    /// </summary>
    public async Task<CommandOutcome> ExecuteAsync(string sessionId, SessionCommand command, Func<SessionState, Rejection?>? authorise, CancellationToken cancellationToken)
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
            // Decided on the state this node holds, without reading the store first: if another
            // node has appended meanwhile, the append's expected-sequence check refuses it and the
            // command is decided again on the caught-up state. A refusal or a no-op is never
            // answered from a state that may be behind.
            var current = entry.State is null;
            var state = entry.State ?? await CatchUpAsync(sessionId, entry, cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var now = time.GetUtcNow();
                var decision = authorise?.Invoke(state) is { } refused ? refused : SessionDecider.Decide(state, command, now);
                if (decision.Rejection is not null || decision.Events.Count == 0)
                {
                    if (!current)
                    {
                        state = await CatchUpAsync(sessionId, entry, cancellationToken).ConfigureAwait(false);
                        current = true;
                        continue;
                    }
                    return new CommandOutcome(state, [], decision.Rejection);
                }
                var recorded = decision.Events.Select((e, i) => new RecordedEvent(state.Version + 1 + i, now, e)).ToArray();
                if (await Guard(() => log.AppendAsync(sessionId, state.Version, recorded, cancellationToken)).ConfigureAwait(false))
                {
                    var next = recorded.Aggregate(state, (s, e) => s.Apply(e));
                    entry.State = next;
                    // Holders of the keys before and after: a replaced key's holders hear of it, then nothing.
                    var keys = RoleResolver.CurrentKeys(entry.Record!, state).Union(RoleResolver.CurrentKeys(entry.Record!, next));
                    Broadcast(sessionId, entry.ToBroadcast(recorded), next, keys);
                    await SnapshotIfDueAsync(entry, next).ConfigureAwait(false);
                    return new CommandOutcome(next, recorded, null);
                }
                Log.AppendConflict(logger, sessionId, state.Version, attempt);
                if (current)
                {
                    // Lost to another node after reading the log: a race, spaced out in real time
                    // (not the session clock). Refused on a state not read first, the node was
                    // only behind, and it catches up at once.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 2 + Math.Min(attempt, 10) * 3)), cancellationToken).ConfigureAwait(false);
                }
                state = await CatchUpAsync(sessionId, entry, cancellationToken).ConfigureAwait(false);
                current = true;
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
        if (!await Guard(() => catalog.CreateAsync(record, created, cancellationToken)).ConfigureAwait(false))
        {
            return false;
        }
        var entry = _sessions.GetOrAdd(record.Id, _ => new SessionEntry());
        entry.Record = record;
        entry.State = SessionState.Create(record.Id, created);
        Log.SessionCreated(logger, record.Id, definition.Segments.Count);
        return true;
    }

    /// <summary>The events after <paramref name="afterSequence"/> and a state at least as recent as the last of them.</summary>
    public async Task<(IReadOnlyList<RecordedEvent> Events, SessionState State)> ReadSinceAsync(string sessionId, long afterSequence, CancellationToken cancellationToken)
    {
        if (await FindAsync(sessionId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new KeyNotFoundException($"There is no session {sessionId}.");
        }
        // The log is read outside the gate, so a crowd resyncing does not queue behind commands;
        // the state needs catching up (under the gate) only when it is older than what was read.
        var events = await Guard(() => log.ReadAsync(sessionId, afterSequence, cancellationToken)).ConfigureAwait(false);
        var state = _sessions[sessionId].State;
        var needed = Math.Max(afterSequence, events.Count > 0 ? events[^1].Sequence : 0);
        if (state is null || state.Version < needed)
        {
            state = (await GetStateAsync(sessionId, cancellationToken).ConfigureAwait(false))!;
        }
        // The log may have grown since; never hand out events past the state they are projected with.
        return (events.Where(e => e.Sequence <= state.Version).ToArray(), state);
    }

    /// <summary>Brings the entry's state up to the end of the log; the first time, from the latest snapshot.</summary>
    private async Task<SessionState> CatchUpAsync(string sessionId, SessionEntry entry, CancellationToken cancellationToken)
    {
        var loaded = entry.State is not null;
        var state = entry.State ?? await LoadSnapshotAsync(sessionId, entry, cancellationToken).ConfigureAwait(false);
        var events = await Guard(() => log.ReadAsync(sessionId, state?.Version ?? 0, cancellationToken)).ConfigureAwait(false);
        if (loaded)
        {
            // Events another node appended since this node last looked (a first load is history).
            entry.Caught(events);
        }
        foreach (var e in events)
        {
            state = state is null ? SessionState.Create(sessionId, e) : state.Apply(e);
        }
        entry.State = state ?? throw new InvalidOperationException($"Session {sessionId} has a record but no events.");
        await SnapshotIfDueAsync(entry, state).ConfigureAwait(false);
        return state;
    }

    private async Task<SessionState?> LoadSnapshotAsync(string sessionId, SessionEntry entry, CancellationToken cancellationToken)
    {
        var stored = await Guard(() => log.ReadSnapshotAsync(sessionId, cancellationToken)).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }
        if (StateSnapshots.TryRead(sessionId, stored) is not { } state)
        {
            Log.SnapshotIgnored(logger, sessionId, stored.Version);
            return null;
        }
        entry.SnapshotVersion = state.Version;
        return state;
    }

    /// <summary>
    /// Saves a snapshot once the state is <see cref="IgfLiveOptions.SnapshotEvery"/> events past the
    /// last one this node knows of. Several nodes may save around the same version; the store keeps
    /// the latest. A failed save costs only a longer replay later, so it never fails the command.
    /// </summary>
    private async Task SnapshotIfDueAsync(SessionEntry entry, SessionState state)
    {
        if (state.Version - entry.SnapshotVersion < _snapshotEvery)
        {
            return;
        }
        try
        {
            await log.SaveSnapshotAsync(state.SessionId, state.Version, StateSnapshots.Write(state), CancellationToken.None).ConfigureAwait(false);
            entry.SnapshotVersion = state.Version;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SnapshotFailed(logger, ex, state.SessionId, state.Version);
        }
    }

    private void Broadcast(string sessionId, RecordedEvent[] events, SessionState state, IEnumerable<(SessionRole Role, string Hash)> keys)
    {
        try
        {
            broadcaster.Events(sessionId, events, state, keys);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The events are stored; clients that missed them find the gap and resync.
            Log.BroadcastFailed(logger, ex, sessionId, events[0].Sequence);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Session {SessionId} created with {Segments} segments")]
        public static partial void SessionCreated(ILogger logger, string sessionId, int segments);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Session {SessionId}: append at version {Version} lost a race (attempt {Attempt}); deciding again")]
        public static partial void AppendConflict(ILogger logger, string sessionId, long version, int attempt);

        [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Session {SessionId}: broadcasting from event {Sequence} failed; clients will resync")]
        public static partial void BroadcastFailed(ILogger logger, Exception exception, string sessionId, long sequence);

        [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Session {SessionId}: saving the snapshot at version {Version} failed; it will be tried again later")]
        public static partial void SnapshotFailed(ILogger logger, Exception exception, string sessionId, long version);

        [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Session {SessionId}: the snapshot at version {Version} could not be read; folding the whole log instead")]
        public static partial void SnapshotIgnored(ILogger logger, string sessionId, long version);
    }
}
