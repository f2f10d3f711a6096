using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Programme;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Programme;

/// <summary>How a programme entry becomes a session's definition, and when two entries say the same.</summary>
public static class ProgrammeSessions
{
    /// <summary>
    /// The session an entry describes: its agenda parsed as a pasted one is, keeping the timed segments.
    /// An entry without a timed agenda gets one segment that fills its slot, so its clock can run; the
    /// import flags agendas that do not fill, or overflow, the slot (<see cref="ConflictKind"/>).
    /// </summary>
    public static SessionDefinition Definition(ProgrammeEntry entry, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var speakers = entry.People
            .Where(p => p.Role == ProgrammeRole.Speaker)
            .Select((p, i) => new Speaker($"s{i + 1}", p.Name, p.Organisation, p.StakeholderGroup, p.Region))
            .ToList();
        var segments = string.IsNullOrWhiteSpace(entry.AgendaText)
            ? []
            : AgendaParser.Parse(entry.AgendaText).Segments
                .Where(s => s.Minutes is not null)
                .Select(s => new Segment(s.Title, TimeSpan.FromMinutes(s.Minutes!.Value), s.Kind, []))
                .ToList();
        if (segments.Count == 0)
        {
            segments = [new Segment("Session", entry.Duration, SegmentKind.Other, [])];
        }
        return new SessionDefinition(
            entry.Title, entry.StartsAt, timeZone, entry.Room, AllowAnonymousQuestions: true, ClockThresholds.Default, speakers, segments, entry.Duration, entry.Format);
    }

    /// <summary>Whether a re-import changes nothing of the session: the same title, time, slot, room, format, people and agenda.</summary>
    public static bool Same(ProgrammeEntry a, ProgrammeEntry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Title == b.Title
            && a.StartsAt == b.StartsAt
            && a.Duration == b.Duration
            && a.Room == b.Room
            && a.Format == b.Format
            && (a.AgendaText ?? string.Empty) == (b.AgendaText ?? string.Empty)
            && a.People.SequenceEqual(b.People);
    }

    /// <summary>Whether <paramref name="definition"/> is the one <paramref name="entry"/> gives: what a re-import, or a repair after an interrupted one, checks.</summary>
    public static bool Describes(SessionDefinition definition, ProgrammeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var expected = Definition(entry, definition.TimeZone);
        return definition.Title == expected.Title
            && definition.StartsAt == expected.StartsAt
            && definition.Slot == expected.Slot
            && definition.Room == expected.Room
            && definition.Format == expected.Format
            && definition.Speakers.SequenceEqual(expected.Speakers)
            && definition.Segments.Select(s => (s.Title, s.PlannedDuration, s.Kind)).SequenceEqual(expected.Segments.Select(s => (s.Title, s.PlannedDuration, s.Kind)));
    }
}
