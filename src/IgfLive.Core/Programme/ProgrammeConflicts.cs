using System.Globalization;
using IgfLive.Core.Agenda;

namespace IgfLive.Core.Programme;

/// <summary>
/// Finds what an organiser should see before the event: sessions that share a room at one time,
/// people booked into two sessions at one time, and agendas that do not fit their slot. Pure: the
/// import and the event pages ask it of the same entries and get the same answer.
/// </summary>
public static class ProgrammeConflicts
{
    public static IReadOnlyList<ProgrammeConflict> Find(IReadOnlyList<ProgrammeEntry> entries, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(zone);
        var ordered = entries.OrderBy(e => e.StartsAt).ThenBy(e => e.ExternalId, StringComparer.Ordinal).ToList();
        var conflicts = new List<ProgrammeConflict>();
        conflicts.AddRange(RoomOverlaps(ordered, zone));
        conflicts.AddRange(PersonOverlaps(ordered, zone));
        conflicts.AddRange(ordered.Select(AgendaFit).OfType<ProgrammeConflict>());
        return conflicts;
    }

    private static IEnumerable<ProgrammeConflict> RoomOverlaps(List<ProgrammeEntry> ordered, TimeZoneInfo zone)
    {
        foreach (var room in ordered.GroupBy(e => RoomKey(e.Room), StringComparer.Ordinal))
        {
            var sessions = room.ToList();
            for (var i = 0; i < sessions.Count; i++)
            {
                for (var j = i + 1; j < sessions.Count && sessions[j].StartsAt < sessions[i].EndsAt; j++)
                {
                    var (a, b) = (sessions[i], sessions[j]);
                    var minutes = (Earlier(a.EndsAt, b.EndsAt) - b.StartsAt).TotalMinutes;
                    yield return new ProgrammeConflict(ConflictKind.RoomOverlap, [a.ExternalId, b.ExternalId], Invariant(
                        $"{a.Room}: \"{a.Title}\" ({Span(a, zone)}) and \"{b.Title}\" ({Span(b, zone)}) overlap by {minutes:0} minutes."));
                }
            }
        }
    }

    private static IEnumerable<ProgrammeConflict> PersonOverlaps(List<ProgrammeEntry> ordered, TimeZoneInfo zone)
    {
        var byPerson = ordered
            .SelectMany(e => e.People.Select(p => (Key: PersonNames.Fold(p.Name), Person: p, Entry: e)))
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key);
        foreach (var person in byPerson)
        {
            // One row per session: a person named twice in one session (speaker and rapporteur) is not in conflict with themself.
            var sessions = person.GroupBy(x => x.Entry.ExternalId, StringComparer.Ordinal).Select(g => g.First()).ToList();
            for (var i = 0; i < sessions.Count; i++)
            {
                for (var j = i + 1; j < sessions.Count && sessions[j].Entry.StartsAt < sessions[i].Entry.EndsAt; j++)
                {
                    var (a, b) = (sessions[i], sessions[j]);
                    yield return new ProgrammeConflict(ConflictKind.PersonOverlap, [a.Entry.ExternalId, b.Entry.ExternalId], Invariant(
                        $"{a.Person.Name} is {RoleName(a.Person.Role)} in \"{a.Entry.Title}\" ({a.Entry.Room}, {Span(a.Entry, zone)}) and {RoleName(b.Person.Role)} in \"{b.Entry.Title}\" ({b.Entry.Room}, {Span(b.Entry, zone)}), which overlap."));
                }
            }
        }
    }

    private static ProgrammeConflict? AgendaFit(ProgrammeEntry entry)
    {
        if (string.IsNullOrWhiteSpace(entry.AgendaText))
        {
            return null;
        }
        var timed = AgendaParser.Parse(entry.AgendaText).Segments.Where(s => s.Minutes is not null).ToList();
        if (timed.Count == 0)
        {
            return null;
        }
        var planned = timed.Sum(s => s.Minutes!.Value);
        var slot = (int)Math.Round(entry.Duration.TotalMinutes);
        if (planned == slot)
        {
            return null;
        }
        return planned > slot
            ? new ProgrammeConflict(ConflictKind.AgendaOverflow, [entry.ExternalId], Invariant(
                $"\"{entry.Title}\": the agenda plans {planned} minutes for a {slot}-minute slot, {planned - slot} minutes too many."))
            : new ProgrammeConflict(ConflictKind.AgendaShort, [entry.ExternalId], Invariant(
                $"\"{entry.Title}\": the agenda plans {planned} minutes of a {slot}-minute slot, leaving {slot - planned} minutes unplanned."));
    }

    private static string RoleName(ProgrammeRole role) => role switch
    {
        ProgrammeRole.OnsiteModerator => "onsite moderator",
        ProgrammeRole.OnlineModerator => "online moderator",
        ProgrammeRole.Rapporteur => "rapporteur",
        _ => "a speaker",
    };

    /// <summary>Rooms are one room whatever their case and spacing, as the event's rooms are told apart.</summary>
    private static string RoomKey(string room) => string.Join(' ', room.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Span(ProgrammeEntry entry, TimeZoneInfo zone)
    {
        var start = TimeZoneInfo.ConvertTime(entry.StartsAt, zone);
        var end = TimeZoneInfo.ConvertTime(entry.EndsAt, zone);
        return Invariant($"{start:ddd d MMM HH:mm}–{end:HH:mm}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
