using IgfLive.Core.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Hubs;

/// <summary>Who a connection is, once it has joined; kept in the connection's items, never in hub fields.</summary>
public sealed record ConnectionState(string SessionId, SessionRole Role, string? ParticipantId)
{
    private const string Key = "igflive.connection";

    public static ConnectionState? Of(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var value) ? value as ConnectionState : null;
    }

    public void Attach(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = this;
    }
}
