using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using IgfLive.Core.Programme;

namespace IgfLive.Server.Programme.Readers;

/// <summary>
/// Reads the frab schedule XML that frab, pretalx and many conference tools export:
/// <c>schedule/day/room/event</c>. An event's <c>date</c> (a full time with its offset) gives its start
/// when present; otherwise its day's date and its <c>start</c>, in the venue's zone. DTDs are refused,
/// so a file cannot make the server fetch or expand anything.
/// </summary>
public sealed class FrabProgrammeReader : IProgrammeReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static readonly string[] DurationFormats = [@"h\:mm", @"hh\:mm", @"h\:mm\:ss", @"hh\:mm\:ss"];

    public string ContentType => "application/xml";

    public ProgrammeFile Read(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF')), Settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return ProgrammeFile.Unreadable(e.LineNumber, $"The file is not well-formed XML: {e.Message}");
        }
        if (document.Root is not { Name.LocalName: "schedule" } schedule)
        {
            return ProgrammeFile.Unreadable(1, $"The file is XML but not a frab schedule: its root is <{document.Root?.Name.LocalName}>, not <schedule>.");
        }
        var builder = new ProgrammeFileBuilder(zone);
        var number = 0;
        foreach (var day in schedule.Elements("day"))
        {
            foreach (var room in day.Elements("room"))
            {
                foreach (var frabEvent in room.Elements("event"))
                {
                    builder.Add(Entry(frabEvent, ++number, (string?)day.Attribute("date"), (string?)room.Attribute("name"), zone));
                }
            }
        }
        return builder.Build();
    }

    private static EntryDraft Entry(XElement frabEvent, int number, string? dayDate, string? roomName, TimeZoneInfo zone)
    {
        string? Child(string name) => frabEvent.Element(name) is { } e && !string.IsNullOrWhiteSpace(e.Value) ? e.Value.Trim() : null;

        var draft = new EntryDraft(number)
        {
            ExternalId = (string?)frabEvent.Attribute("guid") ?? (string?)frabEvent.Attribute("id"),
            Title = Child("title"),
            Room = Child("room") ?? roomName,
            Format = Child("type"),
            AgendaText = Child("description") ?? Child("abstract"),
        };
        var problems = draft.Problems;
        draft.StartsAt = Start(Child("date"), dayDate, Child("start"), zone, problems);
        var duration = Child("duration");
        if (duration is null)
        {
            problems.Add("The event has no <duration>.");
        }
        else if (TimeSpan.TryParseExact(duration, DurationFormats, CultureInfo.InvariantCulture, out var length))
        {
            draft.Duration = length;
        }
        else
        {
            problems.Add($"The duration \"{duration}\" is not hours and minutes (01:30).");
        }
        foreach (var person in frabEvent.Element("persons")?.Elements("person") ?? [])
        {
            if (!string.IsNullOrWhiteSpace(person.Value) && PeopleText.Person(person.Value.Trim(), ProgrammeRole.Speaker, problems) is { } speaker)
            {
                draft.People.Add(speaker);
            }
        }
        return draft;
    }

    private static DateTimeOffset? Start(string? date, string? dayDate, string? start, TimeZoneInfo zone, List<string> problems)
    {
        if (date is not null)
        {
            if (DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) && date.Contains('T', StringComparison.Ordinal))
            {
                return exact;
            }
            problems.Add($"The date \"{date}\" is not a date and time such as 2026-12-15T10:00:00+03:00.");
            return null;
        }
        if (start is null || dayDate is null)
        {
            problems.Add("The event has no <date>, and no <start> within a <day date=…>.");
            return null;
        }
        if (!DateOnly.TryParseExact(dayDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(start, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            problems.Add($"The start \"{dayDate} {start}\" is not a date and a time of day.");
            return null;
        }
        return VenueTime.ToInstant(day.ToDateTime(time), zone, problems);
    }
}
