using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace IgfLive.Server.Tests.Programme;

/// <summary>
/// A programme as a secretariat has one: 60 sessions over three days in six rooms of a venue in
/// Riyadh, with moderators, rapporteurs and speakers, agendas line by line, inline, or absent, and
/// the same programme written as CSV, iCalendar and frab XML. Built from code so that the three
/// files are one programme by construction.
/// </summary>
public static class IgfWeekProgramme
{
    public const string TimeZone = "Asia/Riyadh";
    public const int Count = 60;

    public static readonly string[] Rooms = ["Plenary Hall", "Room XXIV", "Room XXV", "Workshop Room 1", "Workshop Room 2", "Open Forum Stage"];

    private static readonly TimeSpan Riyadh = TimeSpan.FromHours(3);
    private static readonly (int Hour, int Minute, int Minutes)[] Slots = [(9, 0, 90), (10, 45, 90), (12, 30, 60), (14, 30, 90)];
    private static readonly string[] Formats = ["Workshop", "Open Forum", "Main Session", "Lightning Talk", "Town Hall", "Networking Session"];
    private static readonly string[] Topics =
    [
        "Data governance in the Global South", "AI and elections", "Meaningful connectivity", "Youth and the internet", "Cybersecurity capacity",
        "Digital public infrastructure", "Content moderation at scale", "Internet fragmentation", "Gender and digital inclusion", "Climate and the internet",
    ];

    /// <summary>The IGF 2017 WS133 agenda, line by line, with its 90 minutes.</summary>
    public const string SeedAgenda =
        "Discussion facilitation:\n1.【5mins】The moderator will open the session.\n2.【40mins】Formal Presentations from some panelists.\n"
        + "3.【20mins】The moderator will engage the panelists in a lively conversation.\n①Optimizing supply and demand.\n"
        + "4.【15mins】The moderator will elicit what panelists found most insightful.\n5.【5mins】Audience questions.\n6.【5mins】Top takeaways and close.";

    public sealed record Session(
        string Id, string Title, DateTimeOffset StartsAt, int Minutes, string Room, string Format,
        string OnsiteModerator, string OnlineModerator, string Rapporteur, IReadOnlyList<string> Speakers, string? Agenda);

    public static IReadOnlyList<Session> Sessions { get; } = Make();

    private static List<Session> Make()
    {
        var sessions = new List<Session>();
        for (var n = 0; n < Count; n++)
        {
            var day = n / 20;
            var (hour, minute, minutes) = Slots[n % 20 / 5 % Slots.Length];
            var room = Rooms[n % 5 + (day == 2 && n % 5 == 4 ? 1 : 0)];
            var starts = new DateTimeOffset(2026, 12, 15 + day, hour, minute, 0, Riyadh);
            var agenda = (n % 4) switch
            {
                0 => n == 0 ? SeedAgenda : $"1. Opening (5 min)\n2. Panel ({minutes - 25} min)\n3. Open discussion (15 min)\n4. Closing (5 min)",
                1 => $"Agenda: 1. Opening(5m): welcome. 2. Keynote speaking({minutes - 30}m): Each speaker will be given between 5-6 minutes. 3. Open discussion(25m): the floor.",
                2 => null,
                _ => "A conversation with the audience, moderated; no timings were given.",
            };
            sessions.Add(new Session(
                $"IGF26-{n + 1:000}", $"{Topics[n % Topics.Length]} ({n + 1})", starts, minutes, room, Formats[n % Formats.Length],
                $"Moderator {n % 7}", $"Online Moderator {n % 5}", $"Rapporteur {n % 9}",
                [$"Speaker {n} (Org {n % 3}, Civil Society, Africa)", $"Speaker {n + 100} (Ministry of Digital Affairs, Government, WEOG)"], agenda));
        }
        return sessions;
    }

    public static string Csv() => Csv(Sessions);

    public static string Csv(IEnumerable<Session> sessions)
    {
        var text = new StringBuilder("External ID,Title,Date,Start,End,Room,Format,Onsite moderator,Online moderator,Rapporteur,Speakers,Agenda,Notes\r\n");
        foreach (var s in sessions)
        {
            var end = s.StartsAt.AddMinutes(s.Minutes);
            text.Append(CultureInfo.InvariantCulture, $"{s.Id},{Quote(s.Title)},{s.StartsAt:yyyy-MM-dd},{s.StartsAt:HH:mm},{end:HH:mm},{s.Room},{s.Format},")
                .Append(CultureInfo.InvariantCulture, $"{s.OnsiteModerator},{s.OnlineModerator},{s.Rapporteur},{Quote(string.Join("; ", s.Speakers))},{Quote(s.Agenda ?? string.Empty)},internal\r\n");
        }
        return text.ToString();
    }

    /// <summary>The programme as iCalendar: starts with TZID, in UTC, and floating (the venue's time), in turn.</summary>
    public static string ICalendar()
    {
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//IgfLive tests//Programme//EN\r\n");
        var i = 0;
        foreach (var s in Sessions)
        {
            var start = (i++ % 3) switch
            {
                0 => $"DTSTART;TZID={TimeZone}:{s.StartsAt:yyyyMMdd'T'HHmmss}",
                1 => $"DTSTART:{s.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}",
                _ => $"DTSTART:{s.StartsAt:yyyyMMdd'T'HHmmss}",
            };
            text.Append("BEGIN:VEVENT\r\n").Append(Fold($"UID:{s.Id}")).Append(Fold("DTSTAMP:20261101T120000Z")).Append(Fold(start))
                .Append(Fold(i % 2 == 0 ? $"DURATION:PT{s.Minutes}M" : $"DTEND;TZID={TimeZone}:{s.StartsAt.AddMinutes(s.Minutes):yyyyMMdd'T'HHmmss}"))
                .Append(Fold($"SUMMARY:{Escape(s.Title)}")).Append(Fold($"LOCATION:{Escape(s.Room)}")).Append(Fold($"CATEGORIES:{Escape(s.Format)}"));
            if (s.Agenda is not null)
            {
                text.Append(Fold($"DESCRIPTION:{Escape(s.Agenda)}"));
            }
            text.Append("END:VEVENT\r\n");
        }
        return text.Append("END:VCALENDAR\r\n").ToString();
    }

    /// <summary>The programme as a frab schedule, as pretalx exports it: days, rooms, events.</summary>
    public static string Frab()
    {
        var days = Sessions.GroupBy(s => s.StartsAt.Date).Select((day, index) => new XElement("day",
            new XAttribute("index", index + 1), new XAttribute("date", day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            day.GroupBy(s => s.Room).Select(room => new XElement("room", new XAttribute("name", room.Key),
                room.Select(s => new XElement("event", new XAttribute("guid", s.Id), new XAttribute("id", int.Parse(s.Id[6..], CultureInfo.InvariantCulture)),
                    new XElement("date", s.StartsAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
                    new XElement("start", s.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture)),
                    new XElement("duration", TimeSpan.FromMinutes(s.Minutes).ToString(@"hh\:mm", CultureInfo.InvariantCulture)),
                    new XElement("room", s.Room), new XElement("title", s.Title), new XElement("subtitle"), new XElement("track", "Governance"),
                    new XElement("type", s.Format), new XElement("language", "en"), new XElement("abstract"),
                    new XElement("description", s.Agenda ?? string.Empty),
                    new XElement("persons", s.Speakers.Select((p, i) => new XElement("person", new XAttribute("id", i + 1), p.Split(" (")[0])))))))));
        var schedule = new XElement("schedule", new XElement("version", "1.0"),
            new XElement("conference", new XElement("title", "IGF 2026"), new XElement("time_zone_name", TimeZone)), days);
        return new XDeclaration("1.0", "utf-8", null) + "\n" + schedule;
    }

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A content line folded at 70 characters, as RFC 5545 asks of lines over 75 octets.</summary>
    private static string Fold(string line)
    {
        var folded = new StringBuilder();
        for (var i = 0; i < line.Length; i += 70)
        {
            folded.Append(i == 0 ? string.Empty : " ").Append(line.AsSpan(i, Math.Min(70, line.Length - i))).Append("\r\n");
        }
        return folded.ToString();
    }
}
