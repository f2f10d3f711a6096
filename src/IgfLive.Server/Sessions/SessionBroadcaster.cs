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

    /// <exception cref="SessionUnavailableException">The group could not be joined (in a cluster: the backplane's Redis is unreachable).</exception>
    public async Task JoinAsync(string connectionId, string sessionId, Audience audience, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Groups.AddToGroupAsync(connectionId, Group(sessionId, audience), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SessionUnavailableException("Live updates for this session cannot be set up right now; nothing was changed. Try again shortly.", ex);
        }
    }

    /// <remarks>
    /// The audiences' sends go out together; each group still gets one session's batches in order,
    /// because the session service sends a session's next batch only after this one was handed over.
    /// </remarks>
    public Task EventsAsync(string sessionId, IReadOnlyList<RecordedEvent> events, SessionState state)
    {
        var now = time.GetUtcNow();
        return Task.WhenAll(Audiences.Select(audience =>
            hub.Clients.Group(Group(sessionId, audience)).EventsRecorded(EventProjection.Project(events, state, audience, now))));
    }

    public Task PresenceAsync(string sessionId, PresenceDto presence) =>
        hub.Clients.Group(Group(sessionId, Audience.Staff)).PresenceChanged(presence);
}
