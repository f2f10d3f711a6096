using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Access;

/// <summary>
/// Who may manage an event and its sessions: the organiser key manages every event; an event's own
/// key manages that event (its programme, its sessions, their links and reports) and nothing else.
/// </summary>
public sealed class EventAccess(OrganiserAccess organiser)
{
    public bool IsOrganiser(HttpRequest request) => organiser.IsOrganiser(request);

    /// <summary>The organiser, or the bearer of this event's key.</summary>
    public bool CanManage(HttpRequest request, EventRecord record) => CanManage(OrganiserAccess.BearerOf(request), record);

    /// <summary>Whether <paramref name="key"/> is the organiser key or this event's key.</summary>
    public bool CanManage(string? key, EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return organiser.IsOrganiserKey(key) || (key is { Length: > 0 } && SecretKeys.Matches(key, record.KeyHash));
    }

    /// <summary>The organiser, or the bearer of the key of the event the session belongs to (none for a session made on its own).</summary>
    public async Task<bool> CanManageAsync(HttpRequest request, SessionRecord session, IProgrammeStore programmes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(programmes);
        if (IsOrganiser(request))
        {
            return true;
        }
        if (session.EventId is null || OrganiserAccess.BearerOf(request) is not { Length: > 0 })
        {
            return false;
        }
        var stored = await programmes.FindAsync(session.EventId, cancellationToken);
        return stored is not null && CanManage(request, stored.Record);
    }

    /// <summary>As <see cref="CanManageAsync"/>, or someone holding a moderator's or the rapporteur's current key for the session.</summary>
    public async Task<bool> CanReadReportsAsync(HttpRequest request, SessionRecord session, SessionState state, IProgrammeStore programmes, CancellationToken cancellationToken) =>
        organiser.IsOrganiserOrStaff(request, session, state) || await CanManageAsync(request, session, programmes, cancellationToken);
}
