namespace IgfLive.Server.Endpoints;

/// <summary>Body of POST /api/events.</summary>
/// <param name="TimeZone">The venue's IANA time zone, e.g. "Asia/Riyadh".</param>
/// <param name="Rooms">Room names known before any import, in the order pages list them.</param>
public sealed record CreateEventRequest(string? Title, string? TimeZone, IReadOnlyList<string>? Rooms);

/// <summary>The answer to POST /api/events. The event key appears here once and is stored only as a hash.</summary>
public sealed record EventCreatedResponse(string Id, string Key, EventLinks Links);

/// <summary>The event's pages: the public programme, and the secretariat's dashboard (the key in the fragment).</summary>
public sealed record EventLinks(string Programme, string Dashboard);

/// <summary>The answer to GET /api/events/{id}: public, what the programme page shows.</summary>
public sealed record EventView(EventInfo Event, IReadOnlyList<RoomView> Rooms, IReadOnlyList<string> Days);

public sealed record EventInfo(string Id, string Title, string TimeZone);

public sealed record RoomView(string Id, string Name, IReadOnlyList<EventSessionView> Sessions);

/// <param name="Status">The clock's status: NotStarted, Running, Paused or Ended.</param>
public sealed record EventSessionView(string Id, string ExternalId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string ParticipantCode, string Status, string? Format);

/// <summary>A session as an import reports it; <see cref="Id"/> is null in a dry run for a session not made yet.</summary>
public sealed record ImportedSession(string ExternalId, string? Id, string Title, string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>A problem at a line of the file (CSV) or entry (iCalendar, frab); 0 for the file or programme as a whole.</summary>
public sealed record LineProblem(int Line, string Message);

/// <param name="Kind">room_overlap, person_overlap, agenda_overflow or agenda_short.</param>
public sealed record ConflictView(string Kind, IReadOnlyList<ImportedSession> Sessions, string Detail);

/// <summary>The answer to POST /api/events/{id}/programme.</summary>
/// <param name="Committed">False for a dry run: nothing was written.</param>
/// <param name="Removed">Sessions of the programme the file leaves out, which the import deletes (those already started stay and are warned about).</param>
/// <param name="IgnoredColumns">CSV columns that name nothing the import knows.</param>
public sealed record ProgrammeImportResponse(
    bool Committed,
    IReadOnlyList<ImportedSession> Created,
    IReadOnlyList<ImportedSession> Updated,
    IReadOnlyList<ImportedSession> Unchanged,
    IReadOnlyList<ImportedSession> Removed,
    IReadOnlyList<LineProblem> Errors,
    IReadOnlyList<LineProblem> Warnings,
    IReadOnlyList<ConflictView> Conflicts,
    IReadOnlyList<string> IgnoredColumns);
