namespace IgfLive.Server.Sessions.Relay;

/// <summary>A node on its own: every connection of every session is here, so publishing is delivering.</summary>
public sealed class LocalSessionRelay(LocalDelivery delivery) : ISessionRelay
{
    public Task EnterAsync(string connectionId, string sessionId, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Leave(string connectionId)
    {
    }

    public void Publish(string sessionId, IReadOnlyList<SessionSend> sends) => delivery.Deliver(sessionId, sends);
}
