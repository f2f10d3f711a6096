namespace IgfLive.Server.Storage;

/// <summary>
/// How many participants each node has connected to a session, and the most there have been at
/// once. Every implementation passes the same contract tests.
/// </summary>
public interface IPresenceStore
{
    /// <summary>
    /// Records that node <paramref name="nodeId"/> has <paramref name="online"/> participants of the
    /// session connected, a report that holds for <paramref name="lease"/> (the node repeats it before
    /// then while it has any; 0 withdraws it at once). A node that dies stops repeating it, and its
    /// participants stop counting when the lease runs out. Repeating a report changes nothing.
    /// </summary>
    /// <returns>
    /// The participants online across every node whose report is current, and the highest that total
    /// has been (raised here if needed); (0, 0), storing nothing, for an unknown session.
    /// </returns>
    Task<PresenceCount> ReportPresenceAsync(string sessionId, string nodeId, int online, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The participants online across every node now, and the highest that has been; (0, 0) for an unknown session.</summary>
    Task<PresenceCount> GetPresenceAsync(string sessionId, CancellationToken cancellationToken);
}
