using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// The cluster's presence store: each session's node reports in a hash of their own, the peak in
/// the session's meta hash, both kept by Lua scripts on Redis's own clock.
/// </summary>
public sealed class RedisPresenceStore(RedisStoreConnection connection) : IPresenceStore
{
    public async Task<PresenceCount> ReportPresenceAsync(string sessionId, string nodeId, int online, TimeSpan lease, CancellationToken cancellationToken)
    {
        StoreArguments.Presence(sessionId, nodeId, online, lease);
        // Repeatable: a report states a count, it does not add one.
        var reply = await connection.CallAsync(
            db => db.ScriptEvaluateAsync(
                RedisScripts.ReportPresence,
                [connection.Keys.Meta(sessionId), connection.Keys.Online(sessionId)],
                [nodeId, online, (long)Math.Ceiling(lease.TotalMilliseconds)]),
            repeatable: true,
            cancellationToken).ConfigureAwait(false);
        return Count(reply);
    }

    public async Task<PresenceCount> GetPresenceAsync(string sessionId, CancellationToken cancellationToken)
    {
        StoreArguments.Session(sessionId);
        var reply = await connection.CallAsync(
            db => db.ScriptEvaluateAsync(RedisScripts.ReadPresence, [connection.Keys.Meta(sessionId), connection.Keys.Online(sessionId)]),
            repeatable: true,
            cancellationToken).ConfigureAwait(false);
        return Count(reply);
    }

    private static PresenceCount Count(RedisResult reply)
    {
        var values = (RedisResult[])reply!;
        return new PresenceCount((int)values[0], (int)values[1]);
    }
}
