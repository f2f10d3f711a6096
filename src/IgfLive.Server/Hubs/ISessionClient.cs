using IgfLive.Server.Contracts;

namespace IgfLive.Server.Hubs;

/// <summary>What the server calls on clients. Names are past tense: they report what happened.</summary>
public interface ISessionClient
{
    /// <summary>Events appended to the session's log, in sequence order, as the client's audience sees them.</summary>
    Task EventsRecorded(IReadOnlyList<EventDto> events);

    /// <summary>
    /// To a participant only (every connection of theirs): one of their own questions changed —
    /// submitted, approved, rejected (with the reason), edited, merged, forwarded, live, answered,
    /// withdrawn. Not sequenced: the session log (<see cref="EventsRecorded"/>) stays the same for
    /// the whole room, and a rejoin's snapshot carries the same facts.
    /// </summary>
    Task MyQuestionChanged(QuestionDto question);

    /// <summary>How many participants are online now, and the peak so far (staff only).</summary>
    Task PresenceChanged(PresenceDto presence);
}
