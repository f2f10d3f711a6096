using IgfLive.Server.Contracts;

namespace IgfLive.Server.Hubs;

/// <summary>What the server calls on clients. Names are past tense: they report what happened.</summary>
public interface ISessionClient
{
    /// <summary>Events appended to the session's log, in sequence order, as the client's audience sees them.</summary>
    Task EventsRecorded(IReadOnlyList<EventDto> events);

    /// <summary>How many participants are online now, and the peak so far (staff only).</summary>
    Task PresenceChanged(PresenceDto presence);
}
