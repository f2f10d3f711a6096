using IgfLive.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Sessions.Relay;

/// <summary>
/// Writes sends to this node's connections. Group sends are started in order and not awaited: a
/// group send writes to every connection whose buffers have room before it returns; its task stays
/// pending only while some connection's buffers are full — a client that has stopped reading.
/// Awaiting it would hold the session, and so every other client, for as long as that one client
/// stalls. Later writes to a stalled connection queue behind the pending one, in order, until
/// SignalR's transport send timeout (10 s without progress) closes that connection and releases
/// them; the client then reconnects and resyncs.
/// </summary>
public sealed partial class LocalDelivery(IHubContext<SessionHub> hub, ILogger<LocalDelivery> logger)
{
    /// <summary>The methods a send may call: those of <see cref="ISessionClient"/>.</summary>
    public static readonly IReadOnlySet<string> Methods = typeof(ISessionClient).GetMethods().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    public void Deliver(string sessionId, IEnumerable<SessionSend> sends)
    {
        ArgumentNullException.ThrowIfNull(sends);
        foreach (var send in sends)
        {
            Observe(hub.Clients.Group(send.Group).SendCoreAsync(send.Method, [send.Argument]), sessionId);
        }
    }

    private void Observe(Task send, string sessionId)
    {
        if (!send.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(send, sessionId);
        }
    }

    private async Task ObserveAsync(Task send, string sessionId)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SendFailed(logger, ex, sessionId);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Session {SessionId}: a send to clients failed; they will resync")]
        public static partial void SendFailed(ILogger logger, Exception exception, string sessionId);
    }
}
