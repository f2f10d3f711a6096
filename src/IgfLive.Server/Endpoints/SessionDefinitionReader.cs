using System.Globalization;
using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Endpoints;

/// <summary>
/// Turns an organiser's request into a session definition, collecting every problem instead of
/// stopping at the first, so one round trip tells the organiser all that needs fixing.
/// </summary>
public static class SessionDefinitionReader
{
    public const int MaxSegments = 50;
    public const int MaxSpeakers = 100;
    public const int MaxSegmentMinutes = 600;

    public static (SessionDefinition? Definition, AgendaParseResult? Parsed, List<string> Errors) Read(CreateSessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        var title = Text(request.Title, TextRules.TitleMax, "title", errors, required: true);
        var room = Text(request.Room, TextRules.RoomMax, "room", errors, required: false);
        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(request.TimeZone))
        {
            errors.Add("timeZone is required (an IANA name such as \"Europe/Zurich\").");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out zone))
        {
            errors.Add($"timeZone \"{request.TimeZone}\" is not a known IANA time zone.");
        }
        var startsAt = StartsAt(request.StartsAt, zone, errors);
        var thresholds = Thresholds(request.Thresholds, errors);
        var speakers = Speakers(request.Speakers, errors);

        AgendaParseResult? parsed = null;
        List<Segment> segments = [];
        if (request.Agenda is { Count: > 0 } && !string.IsNullOrWhiteSpace(request.AgendaText))
        {
            errors.Add("Give either agenda or agendaText, not both.");
        }
        else if (request.Agenda is { Count: > 0 } agenda)
        {
            segments = Segments(agenda, speakers, errors);
        }
        else if (!string.IsNullOrWhiteSpace(request.AgendaText))
        {
            parsed = AgendaParser.Parse(request.AgendaText);
            segments = FromParsed(parsed, errors);
        }
        else
        {
            errors.Add("An agenda is required: give agenda (segments) or agendaText (pasted from the proposal).");
        }
        if (segments.Count > MaxSegments)
        {
            errors.Add($"The agenda has {segments.Count} segments; the limit is {MaxSegments}.");
        }
        if (errors.Count > 0)
        {
            return (null, parsed, errors);
        }
        var definition = new SessionDefinition(title!, startsAt!.Value, request.TimeZone!, room, request.AllowAnonymousQuestions ?? true, thresholds, speakers, segments);
        return (definition, parsed, errors);
    }

    private static List<Segment> FromParsed(AgendaParseResult parsed, List<string> errors)
    {
        if (parsed.Segments.Count == 0)
        {
            errors.Add("No segment with a duration could be read from agendaText.");
            errors.AddRange(parsed.Unread.Select(u => $"Line {u.Line}: {u.Reason}"));
        }
        var segments = new List<Segment>();
        foreach (var s in parsed.Segments)
        {
            if (s.Minutes is not { } minutes)
            {
                errors.Add($"Line {s.Line} (\"{s.Title}\") has no total duration; add one (e.g. \"(30 min)\") or give the agenda as segments.");
                continue;
            }
            segments.Add(new Segment(s.Title, TimeSpan.FromMinutes(minutes), s.Kind, []));
        }
        return segments;
    }

    private static List<Segment> Segments(IReadOnlyList<SegmentRequest> agenda, List<Speaker> speakers, List<string> errors)
    {
        var segments = new List<Segment>();
        for (var i = 0; i < agenda.Count; i++)
        {
            var s = agenda[i];
            var where = $"agenda[{i}]";
            var title = Text(s?.Title, TextRules.TitleMax, $"{where}.title", errors, required: true);
            var duration = Duration(s?.Minutes, $"{where}.minutes", errors);
            var kind = SegmentKinds.Infer(title ?? string.Empty);
            if (s?.Kind is { } k && !(Enum.TryParse(k, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(k, out _)))
            {
                errors.Add($"{where}.kind \"{k}\" is not one of {string.Join(", ", Enum.GetNames<SegmentKind>())}.");
            }
            var slots = new List<SpeakerSlot>();
            foreach (var (slot, j) in (s?.Slots ?? []).Select((x, j) => (x, j)))
            {
                var speaker = speakers.FirstOrDefault(p => p.Id == slot?.Speaker)
                    ?? speakers.FirstOrDefault(p => string.Equals(p.Name, slot?.Speaker, StringComparison.OrdinalIgnoreCase));
                if (speaker is null)
                {
                    errors.Add($"{where}.slots[{j}].speaker \"{slot?.Speaker}\" is not one of the session's speakers.");
                }
                var slotDuration = Duration(slot?.Minutes, $"{where}.slots[{j}].minutes", errors);
                if (speaker is not null && slotDuration is { } d)
                {
                    slots.Add(new SpeakerSlot(speaker.Id, d));
                }
            }
            if (title is not null && duration is { } planned)
            {
                segments.Add(new Segment(title, planned, kind, slots));
            }
        }
        return segments;
    }

    private static List<Speaker> Speakers(IReadOnlyList<SpeakerRequest>? requests, List<string> errors)
    {
        var speakers = new List<Speaker>();
        if (requests is null)
        {
            return speakers;
        }
        if (requests.Count > MaxSpeakers)
        {
            errors.Add($"There are {requests.Count} speakers; the limit is {MaxSpeakers}.");
            return speakers;
        }
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var where = $"speakers[{i}]";
            var name = Text(r?.Name, TextRules.NameMax, $"{where}.name", errors, required: true);
            var id = Text(r?.Id, 40, $"{where}.id", errors, required: false) ?? $"s{i + 1}";
            if (speakers.Any(s => s.Id == id))
            {
                errors.Add($"{where}.id \"{id}\" is used twice.");
            }
            if (name is not null)
            {
                speakers.Add(new Speaker(
                    id,
                    name,
                    Text(r?.Organisation, TextRules.OrganisationMax, $"{where}.organisation", errors, required: false),
                    Text(r?.StakeholderGroup, TextRules.StakeholderGroupMax, $"{where}.stakeholderGroup", errors, required: false),
                    Text(r?.Region, TextRules.NameMax, $"{where}.region", errors, required: false)));
            }
        }
        return speakers;
    }

    private static ClockThresholds Thresholds(ThresholdsRequest? request, List<string> errors)
    {
        var d = ClockThresholds.Default;
        if (request is null)
        {
            return d;
        }
        var warning = request.WarningSeconds ?? (int)d.Warning.TotalSeconds;
        var critical = request.CriticalSeconds ?? (int)d.Critical.TotalSeconds;
        var takeaways = request.TakeawaysSeconds ?? (int)d.TakeawaysLead.TotalSeconds;
        if (warning is < 0 or > 3600 || critical is < 0 or > 3600 || takeaways is < 0 or > 3600)
        {
            errors.Add("thresholds must be between 0 and 3600 seconds.");
        }
        else if (critical > warning)
        {
            errors.Add("thresholds.criticalSeconds must not be more than thresholds.warningSeconds.");
        }
        return new ClockThresholds(TimeSpan.FromSeconds(warning), TimeSpan.FromSeconds(critical), TimeSpan.FromSeconds(takeaways));
    }

    private static DateTimeOffset? StartsAt(string? value, TimeZoneInfo? zone, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("startsAt is required, e.g. \"2017-12-19T15:00\" (local time in timeZone) or \"2017-12-19T15:00:00+01:00\".");
            return null;
        }
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, styles | DateTimeStyles.RoundtripKind, out var parsed) && parsed.Kind == DateTimeKind.Unspecified)
        {
            return zone is null ? null : new DateTimeOffset(parsed, zone.GetUtcOffset(parsed));
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, styles, out var withOffset))
        {
            return withOffset;
        }
        errors.Add($"startsAt \"{value}\" is not a date and time.");
        return null;
    }

    private static TimeSpan? Duration(double? minutes, string field, List<string> errors)
    {
        if (minutes is not { } m || double.IsNaN(m) || m <= 0 || m > MaxSegmentMinutes)
        {
            errors.Add($"{field} must be a number of minutes above 0 and at most {MaxSegmentMinutes}.");
            return null;
        }
        return TimeSpan.FromSeconds(Math.Round(m * 60));
    }

    private static string? Text(string? value, int max, string field, List<string> errors, bool required)
    {
        string? cleaned;
        var rejection = required
            ? TextRules.Check(value, max, field, out cleaned!)
            : TextRules.CheckOptional(value, max, field, out cleaned);
        if (rejection is not null)
        {
            errors.Add(rejection.Message);
            return null;
        }
        return cleaned;
    }
}
