namespace IgfLive.Server.Storage;

/// <summary>
/// What the store keeps about an event (a programme of sessions in many rooms over several days)
/// beside its programme. Written once, never changed.
/// </summary>
/// <param name="TimeZone">The venue's IANA time zone: local times in programme files are read in it, and pages show them in it.</param>
/// <param name="KeyHash">Hash of the event key, which manages this event's programme, sessions, links and reports and nothing else.</param>
public sealed record EventRecord(string Id, string Title, string TimeZone, string KeyHash, DateTimeOffset CreatedAt);
