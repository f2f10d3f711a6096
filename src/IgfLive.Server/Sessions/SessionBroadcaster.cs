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
/// <remarks>
/// Sends are started in order and not awaited. A group send writes to every connection whose
/// buffers have room before it returns; its task stays pending only while some connection's
/// buffers are full — a client that has stopped reading. Awaiting it would hold the session (its
/// commands run one at a time), and so every other client, for as long as that one client stalls.
/// Later writes to a stalled connection queue behind the pending one, in order, until SignalR's
/// transport send timeout (10 s without progress) closes that connection and releases them; the
/// client then reconnects and resyncs.
/// </remarks>
public sealed partial class SessionBroadcaster(IHubContext<SessionHub, ISessionClient> hub, TimeProvider time, ILogger<SessionBroadcaster> logger)
{
    private static readonly Audience[] Audiences = Enum.GetValues<Audience>();

    private readonly ParticipantConnections _participants = new();

    public static string Group(string sessionId, Audience audience) => audience switch
    {
        Audience.Staff => $"session:{sessionId}:staff",
        Audience.Participant => $"session:{sessionId}:participants",
        _ => $"session:{sessionId}:stage",
    };

    public static string ParticipantGroup(string sessionId, string participantId) => $"session:{sessionId}:participant:{participantId}";

    /// <summary>
    /// Adds the connection to its audience's group. A participant's connection also joins their own
    /// group, but only once they have asked something (<see cref="AuthorAsync"/>): each such group is
    /// a Redis subscription in a cluster, and most of a crowd never asks.
    /// </summary>
    /// <returns>Whether the connection joined the participant's own group.</returns>
    /// <exception cref="SessionUnavailableException">The group could not be joined (in a cluster: the backplane's Redis is unreachable).</exception>
    public async Task<bool> JoinAsync(string connectionId, string sessionId, Audience audience, string? participantId, CancellationToken cancellationToken)
    {
        await Unavailable(() => hub.Groups.AddToGroupAsync(connectionId, Group(sessionId, audience), cancellationToken)).ConfigureAwait(false);
        if (participantId is null)
        {
            return false;
        }
        if (!_participants.Arrived(sessionId, participantId, connectionId))
        {
            return false;
        }
        // They have asked here before: this connection hears about those questions too.
        await Unavailable(() => hub.Groups.AddToGroupAsync(connectionId, ParticipantGroup(sessionId, participantId), cancellationToken)).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Puts the participant's connection in their own group; called before their first question is
    /// submitted (so its news cannot outrun the subscription) and when joining finds questions of
    /// theirs. Their other connections on this node join it too, in the background; connections
    /// arriving later join it as they arrive. Joining again is harmless.
    /// </summary>
    /// <exception cref="SessionUnavailableException">The group could not be joined; nothing was changed.</exception>
    public async Task AuthorAsync(string connectionId, string sessionId, string participantId)
    {
        var group = ParticipantGroup(sessionId, participantId);
        foreach (var other in _participants.BecameAuthor(sessionId, participantId).Where(c => c != connectionId))
        {
            Observe(hub.Groups.AddToGroupAsync(other, group), sessionId);
        }
        await Unavailable(() => hub.Groups.AddToGroupAsync(connectionId, group)).ConfigureAwait(false);
    }

    /// <summary>Forgets a participant's connection (SignalR removes it from its groups itself).</summary>
    public void Left(string connectionId, string sessionId, string participantId) =>
        _participants.Left(sessionId, participantId, connectionId);

    public Task EventsAsync(string sessionId, IReadOnlyList<RecordedEvent> events, SessionState state)
    {
        var now = time.GetUtcNow();
        foreach (var audience in Audiences)
        {
            Observe(hub.Clients.Group(Group(sessionId, audience)).EventsRecorded(EventProjection.Project(events, state, audience, now)), sessionId);
        }
        // The room's projection is the same for every participant; an author also hears, on their
        // own channel, how their question fares (pending, rejected and why, answered).
        foreach (var question in EventProjection.AskedByParticipants(events, state))
        {
            Observe(hub.Clients.Group(ParticipantGroup(sessionId, question.ParticipantId!))
                .MyQuestionChanged(DtoMapper.Question(question, Audience.Participant, question.ParticipantId)), sessionId);
        }
        return Task.CompletedTask;
    }

    public Task PresenceAsync(string sessionId, PresenceDto presence)
    {
        Observe(hub.Clients.Group(Group(sessionId, Audience.Staff)).PresenceChanged(presence), sessionId);
        return Task.CompletedTask;
    }

    private static async Task Unavailable(Func<Task> join)
    {
        try
        {
            await join().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SessionUnavailableException("Live updates for this session cannot be set up right now; nothing was changed. Try again shortly.", ex);
        }
    }

    /// <summary>Lets a send finish in the background; a failure is logged (clients that missed events resync).</summary>
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
