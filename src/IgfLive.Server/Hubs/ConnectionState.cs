using IgfLive.Core.Sessions;
using IgfLive.Server.Access;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Hubs;

/// <summary>Who a connection is, once it has joined; kept in the connection's items, never in hub fields.</summary>
/// <param name="KeyHash">The hash of the role key the connection joined with (null for participants); never the key itself.</param>
public sealed record ConnectionState(string SessionId, SessionRole Role, string? ParticipantId, string? KeyHash)
{
    private static readonly Rejection Replaced = new(RejectionCode.Unauthorized, "This link has been replaced; ask the organiser for the new one.");

    public static ConnectionState? Of(HubCallerContext context) => ConnectionItems.Get<ConnectionState>(context);

    public void Attach(HubCallerContext context) => ConnectionItems.Set(context, this);

    public static void Detach(HubCallerContext context) => ConnectionItems.Remove<ConnectionState>(context);

    /// <summary>
    /// Null while the key this connection joined with still opens its role in <paramref name="state"/>;
    /// the refusal once the organiser has replaced it. The key opened the role when the connection
    /// joined, so it still does unless the role's key was replaced by another since.
    /// </summary>
    public Rejection? Revoked(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return KeyHash is not null && !SecretKeys.SameHash(RoleResolver.CurrentHash(state, Role, KeyHash), KeyHash)
            ? Replaced
            : null;
    }
}
