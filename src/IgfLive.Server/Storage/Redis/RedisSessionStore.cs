using System.Collections.Concurrent;
using IgfLive.Core.Sessions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// The cluster's store of record: every node reads and writes the same Redis. Key layout in
/// <see cref="RedisKeys"/>; every atomic write is one Lua script in <see cref="RedisScripts"/>; every
/// call runs through the pipeline described in <see cref="RedisResilience"/>.
/// </summary>
/// <remarks>
/// Durability is Redis's: an append that returned true is in Redis's memory and its append-only
/// file, and survives a crash of Redis itself only when Redis runs with <c>appendonly yes</c> and
/// <c>appendfsync always</c> (with <c>everysec</c>, up to a second of acknowledged writes can be lost).
/// </remarks>
public sealed class RedisSessionStore : ISessionStore
{
    private const int MaxAppendAttempts = 3;

    private readonly IConnectionMultiplexer _redis;
    private readonly ResiliencePipeline _pipeline;
    private readonly RedisKeys _keys;
    private readonly TimeSpan _operationTimeout;
    private readonly ILogger<RedisSessionStore> _logger;

    // A session's record is written once, when it is created, and never changes: each node reads it
    // from Redis once. Every node lists the store's sessions every few seconds to watch their cues.
    private readonly ConcurrentDictionary<string, SessionRecord> _records = new(StringComparer.Ordinal);

    public RedisSessionStore(IConnectionMultiplexer redis, ResiliencePipeline pipeline, IOptions<RedisStoreOptions> options, ILogger<RedisSessionStore> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _pipeline = pipeline;
        _keys = new RedisKeys(options.Value.KeyPrefix);
        _operationTimeout = options.Value.OperationTimeout;
        _logger = logger;
    }

    public RedisKeys Keys => _keys;

    /// <summary>
    /// Claims the participant code, lists the session, then creates the session's keys in one script.
    /// The three steps touch three hash slots, so they cannot be one transaction on Redis Cluster; each
    /// step can be repeated safely, and an interrupted create leaves at most a claimed code or a list
    /// entry pointing at no session, which lookups and listings skip.
    /// </summary>
    public async Task<bool> CreateAsync(SessionRecord session, RecordedEvent created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(created);
        if (created.Sequence != 1)
        {
            throw new ArgumentException($"A session's log starts at sequence 1, not {created.Sequence}.", nameof(created));
        }
        var code = RedisKeys.CodeField(session.ParticipantCode);
        RedisValue[] claim = [code, session.Id];
        RedisValue[] contents = [RedisRows.Record(session), RedisRows.Event(created, RedisRows.NewAppendId())];

        if (!await ScriptAsync(RedisScripts.ClaimCode, [_keys.Codes], claim, repeatable: true, cancellationToken).ConfigureAwait(false))
        {
            _logger.CreateRefused(session.Id);
            return false;
        }
        // NX: a taken id keeps its own entry and score.
        await CallAsync(db => db.SortedSetAddAsync(_keys.Sessions, session.Id, session.StartsAt.ToUnixTimeMilliseconds(), SortedSetWhen.NotExists), repeatable: true, cancellationToken)
            .ConfigureAwait(false);
        if (await ScriptAsync(RedisScripts.Create, [_keys.Meta(session.Id), _keys.Events(session.Id)], contents, repeatable: true, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        await ScriptAsync(RedisScripts.ReleaseCode, [_keys.Codes], claim, repeatable: true, cancellationToken).ConfigureAwait(false);
        _logger.CreateRefused(session.Id);
        return false;
    }

    public async Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        if (_records.TryGetValue(sessionId, out var known))
        {
            return known;
        }
        var value = await CallAsync(db => db.HashGetAsync(_keys.Meta(sessionId), "record"), repeatable: true, cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : _records.GetOrAdd(sessionId, RedisRows.ReadRecord(value));
    }

    public async Task<SessionRecord?> FindByCodeAsync(string participantCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participantCode);
        var id = await CallAsync(db => db.HashGetAsync(_keys.Codes, RedisKeys.CodeField(participantCode)), repeatable: true, cancellationToken).ConfigureAwait(false);
        if (id.IsNull)
        {
            return null;
        }
        // The code may be claimed by a create that never finished; only a session that exists counts.
        var session = await FindAsync(id.ToString(), cancellationToken).ConfigureAwait(false);
        return session is not null && string.Equals(session.ParticipantCode.Trim(), participantCode.Trim(), StringComparison.OrdinalIgnoreCase)
            ? session
            : null;
    }

    public async Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await CallAsync(db => db.SortedSetRangeByRankAsync(_keys.Sessions), repeatable: true, cancellationToken).ConfigureAwait(false);
        // Each session's record lives in its own slot, so they are fetched one by one (pipelined by the multiplexer).
        var records = await Task.WhenAll(ids.Select(id => FindAsync(id.ToString(), cancellationToken))).ConfigureAwait(false);
        // The score is whole milliseconds; the exact start, then the id, decide the order, as in the embedded store.
        return [.. records.OfType<SessionRecord>().OrderBy(s => s.StartsAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async Task<bool> AppendAsync(string sessionId, long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (events.Count == 0)
        {
            throw new ArgumentException("There is nothing to append.", nameof(events));
        }
        for (var i = 0; i < events.Count; i++)
        {
            var wanted = expectedVersion + 1 + i;
            if (events[i] is null || events[i].Sequence != wanted)
            {
                throw new ArgumentException(
                    $"Appending after {expectedVersion}, event {i} must have sequence {wanted}, not {events[i]?.Sequence}.", nameof(events));
            }
        }
        var appendId = RedisRows.NewAppendId();
        var key = _keys.Events(sessionId);
        RedisValue[] arguments = [expectedVersion, .. events.Select(e => (RedisValue)RedisRows.Event(e, appendId))];

        // One budget for the attempts and for finding out what happened to an interrupted one.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_operationTimeout);
        for (var attempt = 1; ; attempt++)
        {
            long result;
            try
            {
                var reply = await ExecuteAsync(db => db.ScriptEvaluateAsync(RedisScripts.Append, [key], arguments), repeatable: false, budget.Token).ConfigureAwait(false);
                result = (long)reply;
            }
            catch (BrokenCircuitException ex)
            {
                // Refused before it was sent: certainly not applied.
                throw new StoreUnavailableException("The session store is unavailable; nothing was changed.", ex);
            }
            catch (Exception ex) when (RedisResilience.IsTransient(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                _logger.AppendOutcomeUnknown(sessionId, expectedVersion, attempt);
                if (await LandedAsync(key, expectedVersion, appendId, ex, budget.Token, cancellationToken).ConfigureAwait(false) is { } landed)
                {
                    return landed;
                }
                if (attempt == MaxAppendAttempts)
                {
                    throw new StoreUnavailableException("The session store is unavailable; nothing was changed.", ex);
                }
                // Not in the log, so nothing was applied: the conditional append can be sent again
                // without any risk of applying it twice.
                continue;
            }
            return Interpret(sessionId, expectedVersion, result);
        }
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAsync(string sessionId, long afterSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        // Element i holds sequence i + 1, so the events after N start at index N.
        var after = Math.Max(afterSequence, 0);
        var values = await CallAsync(db => db.ListRangeAsync(_keys.Events(sessionId), after, -1), repeatable: true, cancellationToken).ConfigureAwait(false);
        return [.. values.Select((value, i) => RedisRows.ReadEvent(value, after + 1 + i))];
    }

    public async Task<IReadOnlyDictionary<string, long>> LastSequencesAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        string[] ids = [.. sessionIds];
        // Element i holds sequence i + 1, so a log's length is its last sequence. The lengths are
        // asked all at once (each session has its own slot): one round trip, not one per session.
        var lengths = await CallAsync(db => Task.WhenAll(ids.Select(id => db.ListLengthAsync(_keys.Events(id)))), repeatable: true, cancellationToken).ConfigureAwait(false);
        var last = new Dictionary<string, long>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            last[ids[i]] = lengths[i];
        }
        return last;
    }

    public async Task<PresenceCount> ReportPresenceAsync(string sessionId, string nodeId, int online, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentOutOfRangeException.ThrowIfNegative(online);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        // Repeatable: a report states a count, it does not add one.
        var reply = await CallAsync(
            db => db.ScriptEvaluateAsync(RedisScripts.ReportPresence, [_keys.Meta(sessionId), _keys.Online(sessionId)], [nodeId, online, (long)Math.Ceiling(lease.TotalMilliseconds)]),
            repeatable: true,
            cancellationToken).ConfigureAwait(false);
        return Count(reply);
    }

    public async Task<PresenceCount> GetPresenceAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var reply = await CallAsync(
            db => db.ScriptEvaluateAsync(RedisScripts.ReadPresence, [_keys.Meta(sessionId), _keys.Online(sessionId)]),
            repeatable: true,
            cancellationToken).ConfigureAwait(false);
        return Count(reply);
    }

    public Task<bool> SaveSnapshotAsync(string sessionId, long version, string state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        // Repeatable: a save that landed and is sent again finds its own version stored and changes nothing.
        return ScriptAsync(RedisScripts.SaveSnapshot, [_keys.Snapshot(sessionId), _keys.Events(sessionId)], [version, state], repeatable: true, cancellationToken);
    }

    public async Task<StoredSnapshot?> ReadSnapshotAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var fields = await CallAsync(db => db.HashGetAsync(_keys.Snapshot(sessionId), ["version", "state"]), repeatable: true, cancellationToken).ConfigureAwait(false);
        return fields[0].IsNull || fields[1].IsNull ? null : new StoredSnapshot((long)fields[0], fields[1].ToString());
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        CallAsync(db => db.PingAsync(), repeatable: true, cancellationToken);

    private static PresenceCount Count(RedisResult reply)
    {
        var values = (RedisResult[])reply!;
        return new PresenceCount((int)values[0], (int)values[1]);
    }

    private bool Interpret(string sessionId, long expectedVersion, long result)
    {
        if (result > 0)
        {
            return true;
        }
        if (result == 0)
        {
            _logger.AppendToUnknownSession(sessionId);
        }
        else
        {
            _logger.AppendConflict(sessionId, expectedVersion, -result);
        }
        return false;
    }

    /// <summary>
    /// Whether an append whose reply was lost is in the log: true when the event after
    /// <paramref name="expectedVersion"/> carries this append's id, false when another writer's does,
    /// null when nothing follows <paramref name="expectedVersion"/> (so the append did not land).
    /// </summary>
    private async Task<bool?> LandedAsync(RedisKey key, long expectedVersion, string appendId, Exception fault, CancellationToken budget, CancellationToken caller)
    {
        RedisValue[] found;
        try
        {
            found = await ExecuteAsync(db => db.ListRangeAsync(key, expectedVersion, expectedVersion), repeatable: true, budget).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisResilience.IsUnavailable(ex) || (ex is OperationCanceledException && !caller.IsCancellationRequested))
        {
            _logger.AppendUnresolved(key.ToString(), expectedVersion);
            throw new StoreUnavailableException(
                "The session store stopped answering while a change was being saved; it may or may not have been applied. Reload before trying again.",
                new AggregateException(fault, ex));
        }
        return found.Length == 0 ? null : RedisRows.AppendIdOf(found[0]) == appendId;
    }

    private async Task<bool> ScriptAsync(string script, RedisKey[] keys, RedisValue[] values, bool repeatable, CancellationToken cancellationToken)
    {
        var result = await CallAsync(db => db.ScriptEvaluateAsync(script, keys, values), repeatable, cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    /// <summary>A call through the pipeline, with "store unavailable" reported as <see cref="StoreUnavailableException"/>.</summary>
    private async Task<T> CallAsync<T>(Func<IDatabase, Task<T>> call, bool repeatable, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(call, repeatable, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisResilience.IsUnavailable(ex))
        {
            throw new StoreUnavailableException("The session store is unavailable; nothing was changed.", ex);
        }
    }

    private async Task<T> ExecuteAsync<T>(Func<IDatabase, Task<T>> call, bool repeatable, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RedisResilience.Repeatable, repeatable);
        try
        {
            // StackExchange.Redis calls take no cancellation token; WaitAsync lets the pipeline's
            // timeouts abandon an attempt that does not answer.
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.call(state.db).WaitAsync(ctx.CancellationToken).ConfigureAwait(false),
                context,
                (call, db: _redis.GetDatabase())).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
