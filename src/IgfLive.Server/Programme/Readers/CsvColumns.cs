using System.Globalization;

namespace IgfLive.Server.Programme.Readers;

/// <summary>
/// The columns a programme CSV may have, found by name whatever the case, spacing or punctuation
/// ("Onsite moderator", "onsite_moderator" and "OnsiteModerator" are one column), each with the other
/// names spreadsheets give it.
/// </summary>
public sealed class CsvColumns
{
    public const string Title = "title";
    public const string Date = "date";
    public const string Start = "start";
    public const string End = "end";
    public const string Duration = "duration";
    public const string Room = "room";
    public const string Format = "format";
    public const string OnsiteModerator = "onsitemoderator";
    public const string OnlineModerator = "onlinemoderator";
    public const string Rapporteur = "rapporteur";
    public const string Speakers = "speakers";
    public const string Agenda = "agenda";
    public const string ExternalId = "externalid";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["sessiontitle"] = Title,
        ["day"] = Date,
        ["starttime"] = Start,
        ["endtime"] = End,
        ["durationminutes"] = Duration,
        ["minutes"] = Duration,
        ["location"] = Room,
        ["sessionformat"] = Format,
        ["type"] = Format,
        ["speaker"] = Speakers,
        ["agendatext"] = Agenda,
        ["description"] = Agenda,
        ["id"] = ExternalId,
        ["sessionid"] = ExternalId,
    };

    private static readonly string[] Known =
        [Title, Date, Start, End, Duration, Room, Format, OnsiteModerator, OnlineModerator, Rapporteur, Speakers, Agenda, ExternalId];

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private CsvColumns(IReadOnlyList<string> headers)
    {
        var ignored = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var key = Key(headers[i]);
            key = Aliases.GetValueOrDefault(key, key);
            if (Array.IndexOf(Known, key) >= 0 && _index.TryAdd(key, i))
            {
                continue;
            }
            if (!string.IsNullOrWhiteSpace(headers[i]))
            {
                ignored.Add(headers[i].Trim());
            }
        }
        Ignored = ignored;
    }

    /// <summary>Header cells that name no column we read (or a column named twice), in file order.</summary>
    public IReadOnlyList<string> Ignored { get; }

    public static CsvColumns Of(IReadOnlyList<string> headers) => new(headers);

    /// <summary>The index of a column, or -1 when the file lacks it.</summary>
    public int this[string column] => _index.GetValueOrDefault(column, -1);

    /// <summary>The required columns the header lacks, as an organiser would name them.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        foreach (var column in (string[])[Title, Date, Start, Room])
        {
            if (!_index.ContainsKey(column))
            {
                missing.Add(column);
            }
        }
        if (!_index.ContainsKey(End) && !_index.ContainsKey(Duration))
        {
            missing.Add("end or duration");
        }
        return missing;
    }

    /// <summary>A header name as compared: lower case, letters and digits only.</summary>
    public static string Key(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return string.Concat(header.Where(char.IsLetterOrDigit)).ToLower(CultureInfo.InvariantCulture);
    }
}
