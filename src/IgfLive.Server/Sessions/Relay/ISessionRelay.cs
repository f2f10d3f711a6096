namespace IgfLive.Server.Sessions.Relay;

/// <summary>
/// Carries what a session's connections must hear to every node that holds one of them, one
/// message per broadcast, in the order they were published; each node then writes to its own
/// connections. A node with none of a session's connections hears nothing of it.
/// </summary>
public interface ISessionRelay
{
    /// <summary>
    /// The connection has joined the session on this node: from when this completes, this node
    /// hears every later broadcast of the session.
    /// </summary>
    /// <exception cref="SessionUnavailableException">This node could not start hearing the session (in a cluster: Redis is unreachable); nothing was changed.</exception>
    Task EnterAsync(string connectionId, string sessionId, CancellationToken cancellationToken);

    /// <summary>The connection has gone; once the last of a session's connections here has, this node stops hearing the session. Unknown connections are ignored.</summary>
    void Leave(string connectionId);

    /// <summary>
    /// Sends <paramref name="sends"/>, in order, to the session's connections on every node, and
    /// returns without waiting for them (the caller holds the session's gate). A failure is logged;
    /// the clients that missed the message resync at the next event.
    /// </summary>
    void Publish(string sessionId, IReadOnlyList<SessionSend> sends);
}
