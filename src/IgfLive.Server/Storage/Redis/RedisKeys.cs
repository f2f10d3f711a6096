using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// Every key the Redis store writes, in one place.
/// </summary>
/// <remarks>
/// A session's own keys share the hash tag <c>{prefix:s:id}</c>, so Redis Cluster keeps them in one
/// slot and a script can touch all of them atomically:
/// <list type="bullet">
/// <item><c>{prefix:s:id}:meta</c> — hash: <c>record</c> (the session record as JSON), <c>peak</c> (participants online at most).</item>
/// <item><c>{prefix:s:id}:events</c> — list: the event log, element <i>n</i> is sequence <i>n</i> + 1; only ever appended to.</item>
/// <item><c>{prefix:s:id}:snapshot</c> — hash: <c>version</c> and <c>state</c> of the latest snapshot.</item>
/// <item><c>{prefix:s:id}:online</c> — hash: node id → "participants:lease end (Redis ms)", one entry per node with participants connected.</item>
/// </list>
/// An event's keys share the hash tag <c>{prefix:e:id}</c>:
/// <list type="bullet">
/// <item><c>{prefix:e:id}:meta</c> — hash: <c>record</c> (the event record as JSON), <c>version</c> and <c>programme</c> (its rooms and sessions as JSON).</item>
/// </list>
/// Indexes across sessions cannot share a slot with every session, so they are keys of their own,
/// written in separate steps around the session's atomic creation (see <see cref="RedisSessionCatalog.CreateAsync"/>):
/// <list type="bullet">
/// <item><c>prefix:codes</c> — hash: upper-cased participant code → session id.</item>
/// <item><c>prefix:sessions</c> — sorted set: session id scored by scheduled start (Unix ms).</item>
/// <item><c>prefix:events</c> — sorted set: event id scored by creation (Unix ms).</item>
/// <item><c>prefix:dataprotection-keys</c> — list: the data-protection key ring shared by every node.</item>
/// </list>
/// </remarks>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey Codes => $"{Prefix}:codes";

    public RedisKey Sessions => $"{Prefix}:sessions";

    public RedisKey EventIndex => $"{Prefix}:events";

    public RedisKey EventMeta(string eventId) => $"{{{Prefix}:e:{eventId}}}:meta";

    public RedisKey DataProtectionKeys => $"{Prefix}:dataprotection-keys";

    public RedisKey Meta(string sessionId) => $"{Tag(sessionId)}:meta";

    public RedisKey Events(string sessionId) => $"{Tag(sessionId)}:events";

    public RedisKey Snapshot(string sessionId) => $"{Tag(sessionId)}:snapshot";

    public RedisKey Online(string sessionId) => $"{Tag(sessionId)}:online";

    /// <summary>Codes are matched ignoring case, so the index holds one spelling of each.</summary>
    public static RedisValue CodeField(string participantCode) => participantCode.Trim().ToUpperInvariant();

    private string Tag(string sessionId) => $"{{{Prefix}:s:{sessionId}}}";
}
