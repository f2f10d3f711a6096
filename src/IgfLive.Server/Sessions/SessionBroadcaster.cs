using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Sessions;

/// <summary>
/// The only code that sends to clients, and the only code that knows group names: one group per
/// session and audience, so each audience gets its own projection of the same events.
/// </summary>
public sealed class SessionBroadcaster(IHubContext<SessionHub, ISessionClient> hub, TimeProvider time)
{
    private static readonly Audience[] Audiences = Enum.GetValues<Audience>();

    public static string Group(string sessionId, Audience audience) => audience switch
    {
        Audience.Staff => $"session:{sessionId}:staff",
        Audience.Participant => $"session:{sessionId}:participants",
        _ => $"session:{sessionId}:stage",
    };

    public Task JoinAsync(string connectionId, string sessionId, Audience audience, CancellationToken cancellationToken) =>
        hub.Groups.AddToGroupAsync(connectionId, Group(sessionId, audience), cancellationToken);

    public async Task EventsAsync(string sessionId, IReadOnlyList<RecordedEvent> events, SessionState state)
    {
        var now = time.GetUtcNow();
        foreach (var audience in Audiences)
        {
            await hub.Clients.Group(Group(sessionId, audience)).EventsRecorded(EventProjection.Project(events, state, audience, now));
        }
    }

    public Task PresenceAsync(string sessionId, PresenceDto presence) =>
        hub.Clients.Group(Group(sessionId, Audience.Staff)).PresenceChanged(presence);
}
