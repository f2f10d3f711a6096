namespace IgfLive.Server.Storage.Embedded;

/// <summary>
/// Each node's latest count of participants per session, valid until its lease ends, held in
/// memory. Leases run on the wall clock whatever clock the sessions run on: they measure whether a
/// node is still alive, not session time.
/// </summary>
internal sealed class PresenceLeases
{
    private readonly Dictionary<string, Dictionary<string, (int Online, DateTimeOffset Until)>> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Stores the node's count (0 withdraws it) and returns the total of the current counts.</summary>
    public int Report(string sessionId, string nodeId, int online, TimeSpan lease)
    {
        var now = TimeProvider.System.GetUtcNow();
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out var nodes))
            {
                _sessions[sessionId] = nodes = new Dictionary<string, (int, DateTimeOffset)>(StringComparer.Ordinal);
            }
            if (online > 0)
            {
                nodes[nodeId] = (online, now + lease);
            }
            else
            {
                nodes.Remove(nodeId);
            }
            foreach (var expired in nodes.Where(n => n.Value.Until <= now).Select(n => n.Key).ToArray())
            {
                nodes.Remove(expired);
            }
            return nodes.Values.Sum(n => n.Online);
        }
    }

    public int Total(string sessionId)
    {
        var now = TimeProvider.System.GetUtcNow();
        lock (_gate)
        {
            return _sessions.TryGetValue(sessionId, out var nodes) ? nodes.Values.Where(n => n.Until > now).Sum(n => n.Online) : 0;
        }
    }
}
