using System.Runtime.Serialization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using IgfLive.Core.Programme;

namespace IgfLive.Server.Programme.Readers;

/// <summary>
/// Reads an iCalendar file (RFC 5545) with Ical.Net: each VEVENT is a session. A start with a TZID
/// is read in that zone, one in UTC as UTC, and a floating one in the venue's zone.
/// </summary>
public sealed class ICalendarProgrammeReader : IProgrammeReader
{
    public string ContentType => "text/calendar";

    public ProgrammeFile Read(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        CalendarCollection calendars;
        try
        {
            calendars = CalendarCollection.Load(text.TrimStart('\uFEFF'));
        }
        catch (Exception e) when (e is SerializationException or FormatException or ArgumentException or InvalidOperationException)
        {
            return ProgrammeFile.Unreadable(0, $"The file cannot be read as iCalendar: {e.Message}");
        }
        if (calendars.Count == 0)
        {
            return ProgrammeFile.Unreadable(0, "The file is not an iCalendar file: it has no BEGIN:VCALENDAR.");
        }
        var builder = new ProgrammeFileBuilder(zone);
        var number = 0;
        foreach (var calendarEvent in calendars.SelectMany(c => c.Events))
        {
            builder.Add(Entry(calendarEvent, ++number, zone));
        }
        return builder.Build();
    }

    private static EntryDraft Entry(CalendarEvent calendarEvent, int number, TimeZoneInfo venue)
    {
        var draft = new EntryDraft(number)
        {
            ExternalId = calendarEvent.Uid,
            Title = calendarEvent.Summary,
            Room = calendarEvent.Location,
            Format = calendarEvent.Categories.FirstOrDefault(),
            AgendaText = calendarEvent.Description,
        };
        var problems = draft.Problems;
        if (calendarEvent.RecurrenceRule is not null || calendarEvent.RecurrenceDates.GetAllPeriods().Any())
        {
            problems.Add("The event repeats (RRULE or RDATE); a programme lists each session once.");
        }
        draft.StartsAt = Instant(calendarEvent.DtStart, "start", venue, problems);
        if (calendarEvent.DtEnd is { } dtEnd)
        {
            if (Instant(dtEnd, "end", venue, problems) is { } end && draft.StartsAt is { } start)
            {
                draft.Duration = end - start;
            }
        }
        else if (calendarEvent.Duration is { } duration)
        {
            draft.Duration = duration.ToTimeSpanUnspecified();
        }
        else
        {
            problems.Add("The event has neither DTEND nor DURATION.");
        }
        return draft;
    }

    private static DateTimeOffset? Instant(CalDateTime? value, string field, TimeZoneInfo venue, List<string> problems)
    {
        if (value is null)
        {
            problems.Add($"The event has no DT{field.ToUpperInvariant()}.");
            return null;
        }
        if (!value.HasTime)
        {
            problems.Add($"The {field} {value.Date:yyyy-MM-dd} is a whole day; a session needs a time of day.");
            return null;
        }
        var local = value.Date.ToDateTime(value.Time!.Value);
        if (value.IsUtc)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }
        var zone = venue;
        if (value.TzId is { } tzId && !TimeZoneInfo.TryFindSystemTimeZoneById(tzId, out zone))
        {
            problems.Add($"The {field}'s time zone \"{tzId}\" is not a known time zone; use an IANA name such as {venue.Id}.");
            return null;
        }
        return VenueTime.ToInstant(local, zone!, problems, field);
    }
}
