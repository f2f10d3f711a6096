using IgfLive.Core.Sessions;
using Polly.CircuitBreaker;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// The cluster's event log: each session's events are a Redis list, element <i>n</i> holding
/// sequence <i>n</i> + 1, appended to by one Lua script that checks the expected version.
/// </summary>
public sealed class RedisEventLog(RedisStoreConnection connection, ILogger<RedisEventLog> logger) : IEventLog
{
    private const int MaxAppendAttempts = 3;

    private RedisKeys Keys => connection.Keys;

    public async Task<bool> AppendAsync(string sessionId, long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        StoreArguments.Append(sessionId, expectedVersion, events);
        var appendId = RedisRows.NewAppendId();
        var key = Keys.Events(sessionId);
        RedisValue[] arguments = [expectedVersion, .. events.Select(e => (RedisValue)RedisRows.Event(e, appendId))];

        // One budget for the attempts and for finding out what happened to an interrupted one.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(connection.OperationTimeout);
        for (var attempt = 1; ; attempt++)
        {
            long result;
            try
            {
                var reply = await connection.ExecuteAsync(db => db.ScriptEvaluateAsync(RedisScripts.Append, [key], arguments), repeatable: false, budget.Token).ConfigureAwait(false);
                result = (long)reply;
            }
            catch (BrokenCircuitException ex)
            {
                // Refused before it was sent: certainly not applied.
                throw new StoreUnavailableException("The session store is unavailable; nothing was changed.", ex);
            }
            catch (Exception ex) when (RedisResilience.IsTransient(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.AppendOutcomeUnknown(sessionId, expectedVersion, attempt);
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
        StoreArguments.Session(sessionId);
        // Element i holds sequence i + 1, so the events after N start at index N.
        var after = Math.Max(afterSequence, 0);
        var values = await connection.CallAsync(db => db.ListRangeAsync(Keys.Events(sessionId), after, -1), repeatable: true, cancellationToken).ConfigureAwait(false);
        return [.. values.Select((value, i) => RedisRows.ReadEvent(value, after + 1 + i))];
    }

    public async Task<IReadOnlyDictionary<string, long>> LastSequencesAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        StoreArguments.Sessions(sessionIds);
        string[] ids = [.. sessionIds];
        // Element i holds sequence i + 1, so a log's length is its last sequence. The lengths are
        // asked all at once (each session has its own slot): one round trip, not one per session.
        var lengths = await connection.CallAsync(db => Task.WhenAll(ids.Select(id => db.ListLengthAsync(Keys.Events(id)))), repeatable: true, cancellationToken).ConfigureAwait(false);
        var last = new Dictionary<string, long>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            last[ids[i]] = lengths[i];
        }
        return last;
    }

    public Task<bool> SaveSnapshotAsync(string sessionId, long version, string state, CancellationToken cancellationToken)
    {
        StoreArguments.Snapshot(sessionId, version, state);
        // Repeatable: a save that landed and is sent again finds its own version stored and changes nothing.
        return connection.ScriptAsync(RedisScripts.SaveSnapshot, [Keys.Snapshot(sessionId), Keys.Events(sessionId)], [version, state], repeatable: true, cancellationToken);
    }

    public async Task<StoredSnapshot?> ReadSnapshotAsync(string sessionId, CancellationToken cancellationToken)
    {
        StoreArguments.Session(sessionId);
        var fields = await connection.CallAsync(db => db.HashGetAsync(Keys.Snapshot(sessionId), ["version", "state"]), repeatable: true, cancellationToken).ConfigureAwait(false);
        return fields[0].IsNull || fields[1].IsNull ? null : new StoredSnapshot((long)fields[0], fields[1].ToString());
    }

    private bool Interpret(string sessionId, long expectedVersion, long result)
    {
        if (result > 0)
        {
            return true;
        }
        if (result == 0)
        {
            logger.AppendToUnknownSession(sessionId);
        }
        else
        {
            logger.AppendConflict(sessionId, expectedVersion, -result);
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
            found = await connection.ExecuteAsync(db => db.ListRangeAsync(key, expectedVersion, expectedVersion), repeatable: true, budget).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisResilience.IsUnavailable(ex) || (ex is OperationCanceledException && !caller.IsCancellationRequested))
        {
            logger.AppendUnresolved(key.ToString(), expectedVersion);
            throw new StoreUnavailableException(
                "The session store stopped answering while a change was being saved; it may or may not have been applied. Reload before trying again.",
                new AggregateException(fault, ex));
        }
        return found.Length == 0 ? null : RedisRows.AppendIdOf(found[0]) == appendId;
    }
}
