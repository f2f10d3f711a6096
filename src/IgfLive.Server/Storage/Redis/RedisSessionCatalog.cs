using System.Collections.Concurrent;
using IgfLive.Core.Sessions;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// The cluster's directory of sessions: each record in its session's meta hash, with two indexes
/// of their own, participant codes and sessions by start (see <see cref="RedisKeys"/>).
/// </summary>
public sealed class RedisSessionCatalog(RedisStoreConnection connection, ILogger<RedisSessionCatalog> logger) : ISessionCatalog
{
    // A session's record is written once, when it is created, and never changes: each node reads it
    // from Redis once. Every node lists the store's sessions every few seconds to watch their cues.
    private readonly ConcurrentDictionary<string, SessionRecord> _records = new(StringComparer.Ordinal);

    private RedisKeys Keys => connection.Keys;

    /// <summary>
    /// Claims the participant code, lists the session, then creates the session's keys in one script.
    /// The three steps touch three hash slots, so they cannot be one transaction on Redis Cluster; each
    /// step can be repeated safely, and an interrupted create leaves at most a claimed code or a list
    /// entry pointing at no session, which lookups and listings skip.
    /// </summary>
    public async Task<bool> CreateAsync(SessionRecord session, RecordedEvent created, CancellationToken cancellationToken)
    {
        StoreArguments.Create(session, created);
        var code = RedisKeys.CodeField(session.ParticipantCode);
        RedisValue[] claim = [code, session.Id];
        RedisValue[] contents = [RedisRows.Record(session), RedisRows.Event(created, RedisRows.NewAppendId())];

        if (!await connection.ScriptAsync(RedisScripts.ClaimCode, [Keys.Codes], claim, repeatable: true, cancellationToken).ConfigureAwait(false))
        {
            logger.CreateRefused(session.Id);
            return false;
        }
        // NX: a taken id keeps its own entry and score.
        await connection.CallAsync(db => db.SortedSetAddAsync(Keys.Sessions, session.Id, session.StartsAt.ToUnixTimeMilliseconds(), SortedSetWhen.NotExists), repeatable: true, cancellationToken)
            .ConfigureAwait(false);
        if (await connection.ScriptAsync(RedisScripts.Create, [Keys.Meta(session.Id), Keys.Events(session.Id)], contents, repeatable: true, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        await connection.ScriptAsync(RedisScripts.ReleaseCode, [Keys.Codes], claim, repeatable: true, cancellationToken).ConfigureAwait(false);
        logger.CreateRefused(session.Id);
        return false;
    }

    public async Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        StoreArguments.Session(sessionId);
        if (_records.TryGetValue(sessionId, out var known))
        {
            return known;
        }
        var value = await connection.CallAsync(db => db.HashGetAsync(Keys.Meta(sessionId), "record"), repeatable: true, cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : _records.GetOrAdd(sessionId, RedisRows.ReadRecord(value));
    }

    public async Task<SessionRecord?> FindByCodeAsync(string participantCode, CancellationToken cancellationToken)
    {
        StoreArguments.Code(participantCode);
        var id = await connection.CallAsync(db => db.HashGetAsync(Keys.Codes, RedisKeys.CodeField(participantCode)), repeatable: true, cancellationToken).ConfigureAwait(false);
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
        var ids = await connection.CallAsync(db => db.SortedSetRangeByRankAsync(Keys.Sessions), repeatable: true, cancellationToken).ConfigureAwait(false);
        // Each session's record lives in its own slot, so they are fetched one by one (pipelined by the multiplexer).
        var records = await Task.WhenAll(ids.Select(id => FindAsync(id.ToString(), cancellationToken))).ConfigureAwait(false);
        // The score is whole milliseconds; the exact start, then the id, decide the order, as in the embedded store.
        return [.. records.OfType<SessionRecord>().OrderBy(s => s.StartsAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }
}
