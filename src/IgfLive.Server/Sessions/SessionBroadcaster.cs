using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hubs;
using IgfLive.Server.Sessions.Relay;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Sessions;

/// <summary>
/// The only code that decides what clients are sent, and the only code that knows group names. Each
/// staff and stage connection is in the group of the key it joined with (its role and key), so a
/// session's events go to the holders of each role's current key only: a link the organiser has
/// replaced stops receiving anything, on every node, from the broadcast that replaced it. The
/// participants share one group (their key is the public code); each participant who has asked also
/// has their own group (all their tabs and devices) for news about their own questions; presence
/// goes to a staff group every staff connection joins. A broadcast — every projection and every
/// author's news of one command — goes out as one message of the <see cref="ISessionRelay"/>, which
/// brings it to every node holding a connection of the session.
/// </summary>
public sealed class SessionBroadcaster(ISessionRelay relay, IHubContext<SessionHub> hub, TimeProvider time)
{
    private readonly ParticipantConnections _participants = new();

    /// <summary>The participants' group, and the staff's (presence only: events go by key, <see cref="KeyGroup"/>).</summary>
    public static string Group(string sessionId, Audience audience) => audience switch
    {
        Audience.Staff => $"session:{sessionId}:staff",
        Audience.Participant => $"session:{sessionId}:participants",
        _ => $"session:{sessionId}:stage",
    };

    /// <summary>The connections that joined with one key of a role (the hash's first 16 hex digits tell keys apart).</summary>
    public static string KeyGroup(string sessionId, SessionRole role, string keyHash) =>
        $"session:{sessionId}:key:{role}:{keyHash[..Math.Min(16, keyHash.Length)]}";

    public static string ParticipantGroup(string sessionId, string participantId) => $"session:{sessionId}:participant:{participantId}";

    /// <summary>Whether <paramref name="group"/> is one of the groups of session <paramref name="sessionId"/> (a relayed message names no other).</summary>
    public static bool IsGroupOf(string sessionId, string group) =>
        group.StartsWith($"session:{sessionId}:", StringComparison.Ordinal);

    /// <summary>
    /// Makes this node hear the session and adds the connection to its audience's group. A
    /// participant's connection also joins their own group, but only once they have asked something
    /// (<see cref="AuthorAsync"/>): most of a crowd never asks.
    /// </summary>
    /// <returns>Whether the connection joined the participant's own group.</returns>
    /// <exception cref="SessionUnavailableException">This node could not start hearing the session (in a cluster: Redis is unreachable); nothing was changed.</exception>
    public async Task<bool> JoinAsync(string connectionId, string sessionId, SessionRole role, string? keyHash, string? participantId, CancellationToken cancellationToken)
    {
        await relay.EnterAsync(connectionId, sessionId, cancellationToken).ConfigureAwait(false);
        // Groups are this node's own (the relay carries messages between nodes): joining one cannot fail.
        foreach (var group in GroupsOf(sessionId, role, keyHash))
        {
            await hub.Groups.AddToGroupAsync(connectionId, group, cancellationToken).ConfigureAwait(false);
        }
        if (participantId is null)
        {
            return false;
        }
        if (!_participants.Arrived(sessionId, participantId, connectionId))
        {
            return false;
        }
        // They have asked here before: this connection hears about those questions too.
        await hub.Groups.AddToGroupAsync(connectionId, ParticipantGroup(sessionId, participantId), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Puts the participant's connection in their own group; called before their first question is
    /// submitted (so its news cannot outrun the membership) and when joining finds questions of
    /// theirs. Their other connections on this node join it too; connections arriving later join it
    /// as they arrive. Joining again is harmless.
    /// </summary>
    public async Task AuthorAsync(string connectionId, string sessionId, string participantId)
    {
        var group = ParticipantGroup(sessionId, participantId);
        foreach (var other in _participants.BecameAuthor(sessionId, participantId).Where(c => c != connectionId))
        {
            await hub.Groups.AddToGroupAsync(other, group).ConfigureAwait(false);
        }
        await hub.Groups.AddToGroupAsync(connectionId, group).ConfigureAwait(false);
    }

    /// <summary>Takes a connection that is staying open out of the session's groups and forgets it, as if it had never joined.</summary>
    public async Task LeaveAsync(string connectionId, string sessionId, SessionRole role, string? keyHash, string? participantId)
    {
        foreach (var group in GroupsOf(sessionId, role, keyHash))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, group).ConfigureAwait(false);
        }
        if (participantId is not null)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ParticipantGroup(sessionId, participantId)).ConfigureAwait(false);
        }
        Left(connectionId, sessionId, participantId);
    }

    /// <summary>Forgets a connection that had joined (SignalR removes it from its groups itself); this node stops hearing the session with its last one.</summary>
    public void Left(string connectionId, string sessionId, string? participantId)
    {
        if (participantId is not null)
        {
            _participants.Left(sessionId, participantId, connectionId);
        }
        relay.Leave(connectionId);
    }

    /// <summary>
    /// Sends every audience its projection of <paramref name="events"/> — staff and stage to the
    /// holders of <paramref name="keys"/> — and each author the news of their own questions, as one message.
    /// </summary>
    /// <param name="keys">The keys whose holders hear the events: each role's current key, and where the
    /// events replace one, the key they replace (its holders learn of it, then hear nothing more).</param>
    public void Events(string sessionId, IReadOnlyList<RecordedEvent> events, SessionState state, IEnumerable<(SessionRole Role, string Hash)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = time.GetUtcNow();
        var projections = new Dictionary<SessionRole, IReadOnlyList<EventDto>>();
        IReadOnlyList<EventDto> Projected(SessionRole role) =>
            projections.TryGetValue(role, out var done) ? done : projections[role] = EventProjection.Project(events, state, role, now);
        var sends = new List<SessionSend>(6)
        {
            new(Group(sessionId, Audience.Participant), nameof(ISessionClient.EventsRecorded), Projected(SessionRole.Participant)),
        };
        foreach (var group in keys.Select(k => (Group: KeyGroup(sessionId, k.Role, k.Hash), k.Role)).DistinctBy(k => k.Group))
        {
            sends.Add(new SessionSend(group.Group, nameof(ISessionClient.EventsRecorded), Projected(group.Role)));
        }
        // The room's projection is the same for every participant; an author also hears, on their
        // own channel, how their question fares (pending, rejected and why, answered).
        foreach (var question in EventProjection.AskedByParticipants(events, state))
        {
            sends.Add(new SessionSend(
                ParticipantGroup(sessionId, question.ParticipantId!),
                nameof(ISessionClient.MyQuestionChanged),
                DtoMapper.Question(question, SessionRole.Participant, question.ParticipantId)));
        }
        relay.Publish(sessionId, sends);
    }

    public void Presence(string sessionId, PresenceDto presence) =>
        relay.Publish(sessionId, [new SessionSend(Group(sessionId, Audience.Staff), nameof(ISessionClient.PresenceChanged), presence)]);

    private static IEnumerable<string> GroupsOf(string sessionId, SessionRole role, string? keyHash)
    {
        var audience = AudienceOf.Role(role);
        if (audience != Audience.Stage)
        {
            yield return Group(sessionId, audience);
        }
        if (role != SessionRole.Participant && keyHash is not null)
        {
            yield return KeyGroup(sessionId, role, keyHash);
        }
    }
}
