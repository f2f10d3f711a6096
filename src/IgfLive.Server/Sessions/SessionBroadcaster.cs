using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Sessions;

/// <summary>
/// The only code that sends to clients, and the only code that knows group names: one group per
/// session and audience, so each audience gets its own projection of the same events, and one
/// group per participant (all their tabs and devices) for news about their own questions.
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

    public static string ParticipantGroup(string sessionId, string participantId) => $"session:{sessionId}:participant:{participantId}";

    /// <exception cref="SessionUnavailableException">The group could not be joined (in a cluster: the backplane's Redis is unreachable).</exception>
    public async Task JoinAsync(string connectionId, string sessionId, Audience audience, string? participantId, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Groups.AddToGroupAsync(connectionId, Group(sessionId, audience), cancellationToken);
            if (participantId is not null)
            {
                await hub.Groups.AddToGroupAsync(connectionId, ParticipantGroup(sessionId, participantId), cancellationToken);
            }
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
        // The room's projection is the same for every participant; an author also hears, on their
        // own channel, how their question fares (pending, rejected and why, answered).
        var sends = Audiences.Select(audience =>
            hub.Clients.Group(Group(sessionId, audience)).EventsRecorded(EventProjection.Project(events, state, audience, now)));
        var personal = EventProjection.AskedByParticipants(events, state).Select(question =>
            hub.Clients.Group(ParticipantGroup(sessionId, question.ParticipantId!))
                .MyQuestionChanged(DtoMapper.Question(question, Audience.Participant, question.ParticipantId)));
        return Task.WhenAll(sends.Concat(personal));
    }

    public Task PresenceAsync(string sessionId, PresenceDto presence) =>
        hub.Clients.Group(Group(sessionId, Audience.Staff)).PresenceChanged(presence);
}
