using System.Globalization;
using IgfLive.Core.Programme;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Programme.Readers;

/// <summary>
/// Collects a file's entries with the checks every format shares, so a title, a room or a duration
/// is held to the same rule whether it came from CSV, iCalendar or frab: required fields, the limits
/// a session's own fields have (<see cref="TextRules"/>), a slot of a minute to a day, and each
/// external id once. An entry that fails is an error at its line, with every reason in one message.
/// Starts are kept at the venue's offset, whatever zone the file wrote them in, so pages show local times.
/// </summary>
public sealed class ProgrammeFileBuilder(TimeZoneInfo venue)
{
    public const int ExternalIdMax = 200;
    public const int AgendaMax = 20_000;
    public const int PeopleMax = 100;
    public const int FormatMax = 100;
    private static readonly TimeSpan LongestSlot = TimeSpan.FromHours(24);

    private readonly List<ProgrammeEntry> _entries = [];
    private readonly List<ProgrammeProblem> _errors = [];
    private readonly Dictionary<string, int> _lineOfId = new(StringComparer.Ordinal);

    public int Count => _entries.Count + _errors.Count;

    public void Add(EntryDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = draft.Problems;
        var readable = problems.Count == 0;
        var title = Required(draft.Title, TextRules.TitleMax, "title", problems);
        var room = Required(draft.Room, TextRules.RoomMax, "room", problems);
        Optional(draft.Format, FormatMax, "format", problems, out var format);
        Optional(draft.AgendaText, AgendaMax, "agenda", problems, out var agenda);
        if (draft.Duration is { } duration && (duration < TimeSpan.FromMinutes(1) || duration > LongestSlot))
        {
            problems.Add(duration <= TimeSpan.Zero
                ? "The session ends before it starts."
                : Invariant($"The session lasts {duration.TotalMinutes:0} minutes; a slot is 1 minute to 24 hours."));
        }
        else if ((draft.StartsAt is null || draft.Duration is null) && readable)
        {
            // Each reader says which of its fields was missing; this is the net under it.
            problems.Add("The start or the length of the session is missing.");
        }
        if (draft.People.Count > PeopleMax)
        {
            problems.Add(Invariant($"The session names {draft.People.Count} people; the limit is {PeopleMax}."));
        }
        var externalId = string.IsNullOrWhiteSpace(draft.ExternalId) ? title : draft.ExternalId.Trim();
        if (externalId is { Length: > ExternalIdMax })
        {
            problems.Add(Invariant($"The external id is {externalId.Length} characters long; the limit is {ExternalIdMax}."));
        }
        else if (externalId is not null && problems.Count == 0 && _lineOfId.TryGetValue(externalId, out var first))
        {
            problems.Add(string.IsNullOrWhiteSpace(draft.ExternalId)
                ? Invariant($"The session at line {first} has the same title and neither has an external id, so a re-import could not tell them apart; give each an id.")
                : Invariant($"The external id \"{externalId}\" is used at line {first} already."));
        }

        if (problems.Count > 0)
        {
            _errors.Add(new ProgrammeProblem(draft.Line, string.Join(' ', problems)));
            return;
        }
        _lineOfId[externalId!] = draft.Line;
        _entries.Add(new ProgrammeEntry(draft.Line, externalId!, title!, TimeZoneInfo.ConvertTime(draft.StartsAt!.Value, venue), draft.Duration!.Value, room!, format, [.. draft.People], agenda));
    }

    public ProgrammeFile Build(IReadOnlyList<string>? ignoredColumns = null) =>
        Count == 0
            ? ProgrammeFile.Unreadable(0, "The file has no sessions.")
            : new ProgrammeFile(_entries, _errors, ignoredColumns ?? []);

    private static string? Required(string? text, int max, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"The {field} is missing.");
            return null;
        }
        if (TextRules.Check(text, max, field, out var cleaned) is { } rejection)
        {
            problems.Add(rejection.Message);
            return null;
        }
        return cleaned;
    }

    private static void Optional(string? text, int max, string field, List<string> problems, out string? cleaned)
    {
        if (TextRules.CheckOptional(text, max, field, out cleaned) is { } rejection)
        {
            problems.Add(rejection.Message);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
