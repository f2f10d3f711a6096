namespace IgfLive.Core.Programme;

/// <summary>One session as a programme file gives it, read but not yet a session.</summary>
/// <param name="Line">Where it is in the file: the CSV line (the header is line 1), or the entry's ordinal (1-based) in an iCalendar or frab file.</param>
/// <param name="ExternalId">The file's own id for the session (CSV id column, iCalendar UID, frab guid), by which a re-import finds it again.</param>
/// <param name="StartsAt">The scheduled start as an instant; local times in the file are read in the event's time zone.</param>
/// <param name="Duration">The slot's length, from an end time or a duration.</param>
/// <param name="Room">The room's name as the file writes it, trimmed.</param>
/// <param name="Format">The session format ("Workshop", "Open Forum"…), when the file gives one.</param>
/// <param name="AgendaText">The agenda as written (CSV agenda column, DESCRIPTION, frab description), parsed later like a pasted agenda.</param>
public sealed record ProgrammeEntry(
    int Line,
    string ExternalId,
    string Title,
    DateTimeOffset StartsAt,
    TimeSpan Duration,
    string Room,
    string? Format,
    IReadOnlyList<ProgrammePerson> People,
    string? AgendaText)
{
    public DateTimeOffset EndsAt => StartsAt + Duration;
}
