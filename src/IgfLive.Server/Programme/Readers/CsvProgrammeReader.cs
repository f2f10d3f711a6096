using System.Globalization;
using CsvHelper;
using IgfLive.Core.Programme;

namespace IgfLive.Server.Programme.Readers;

/// <summary>
/// Reads a programme spreadsheet saved as CSV (RFC 4180; comma, semicolon or tab, detected) with a
/// header row; see <see cref="CsvColumns"/> for the columns. A row whose quoting is broken is an
/// error at its row, not a reason to misread the rows after it. Rows are numbered as a spreadsheet
/// numbers them (the header is row 1; a cell with line breaks in it is still one row), since that is
/// where the organiser will fix them.
/// </summary>
public sealed class CsvProgrammeReader : IProgrammeReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "d MMMM yyyy", "d MMM yyyy", "dddd d MMMM yyyy", "dddd, d MMMM yyyy"];

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss", "H.mm", "h:mm tt", "h:mmtt", "h tt", "htt"];

    public string ContentType => "text/csv";

    public ProgrammeFile Read(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var broken = new List<ProgrammeProblem>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            // Rows are numbered as the spreadsheet numbers them: the reader's record count, plus the broken rows it skipped.
            OnMalformedRecord = record => broken.Add(new ProgrammeProblem((int)record.RecordNumber + broken.Count, Broken(record.Reason))),
            MaxRecordSize = ProgrammeFileBuilder.AgendaMax * 8,
        };
        try
        {
            using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
            var columns = CsvColumns.Of(csv.Headers.ToArray());
            if (columns.Missing() is { Count: > 0 } missing)
            {
                return ProgrammeFile.Unreadable(1,
                    $"The header row lacks the column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}. "
                    + "The first row names the columns: title, date, start, end or duration, room, and optionally format, onsite moderator, online moderator, rapporteur, speakers, agenda, external id.");
            }
            var builder = new ProgrammeFileBuilder(zone);
            while (csv.Read())
            {
                if (Enumerable.Range(0, csv.FieldCount).All(i => string.IsNullOrWhiteSpace(csv.GetString(i))))
                {
                    continue;
                }
                builder.Add(Row(csv, 1 + (int)csv.RowNumber + broken.Count, columns, zone));
            }
            var file = builder.Build(columns.Ignored);
            return broken.Count == 0
                ? file
                : new ProgrammeFile(file.Entries, [.. file.Errors.Concat(broken).OrderBy(e => e.Line)], columns.Ignored);
        }
        catch (CsvFormatException e)
        {
            return ProgrammeFile.Unreadable((int)e.LineNumber, $"The file cannot be read as CSV: {e.Message}");
        }
    }

    private static EntryDraft Row(CsvReader csv, int row, CsvColumns columns, TimeZoneInfo zone)
    {
        string? Cell(string column) => columns[column] is >= 0 and var i && i < csv.FieldCount && csv.GetString(i) is { Length: > 0 } value ? value : null;

        var draft = new EntryDraft(row)
        {
            ExternalId = Cell(CsvColumns.ExternalId),
            Title = Cell(CsvColumns.Title),
            Room = Cell(CsvColumns.Room),
            Format = Cell(CsvColumns.Format),
            AgendaText = Cell(CsvColumns.Agenda),
        };
        var problems = draft.Problems;
        var date = Parse<DateOnly>(Cell(CsvColumns.Date), "date", DateFormats, problems, DateOnly.TryParseExact);
        var start = Parse<TimeOnly>(Cell(CsvColumns.Start), "start", TimeFormats, problems, TimeOnly.TryParseExact);
        if (date is { } day && start is { } at)
        {
            draft.StartsAt = VenueTime.ToInstant(day.ToDateTime(at), zone, problems);
        }
        draft.Duration = Length(Cell(CsvColumns.End), Cell(CsvColumns.Duration), start, problems);
        PeopleText.Read(Cell(CsvColumns.Speakers), ProgrammeRole.Speaker, draft.People, problems);
        PeopleText.Read(Cell(CsvColumns.OnsiteModerator), ProgrammeRole.OnsiteModerator, draft.People, problems);
        PeopleText.Read(Cell(CsvColumns.OnlineModerator), ProgrammeRole.OnlineModerator, draft.People, problems);
        PeopleText.Read(Cell(CsvColumns.Rapporteur), ProgrammeRole.Rapporteur, draft.People, problems);
        return draft;
    }

    /// <summary>The slot from an end time, or from minutes; both given must agree.</summary>
    private static TimeSpan? Length(string? endText, string? minutesText, TimeOnly? start, List<string> problems)
    {
        TimeSpan? fromEnd = null;
        if (endText is not null && Parse<TimeOnly>(endText, "end", TimeFormats, problems, TimeOnly.TryParseExact) is { } end && start is { } begin)
        {
            // An end of 00:00 is midnight at the end of the day; any other end before the start is a mistake the builder names.
            fromEnd = end == TimeOnly.MinValue ? TimeSpan.FromDays(1) - begin.ToTimeSpan() : end.ToTimeSpan() - begin.ToTimeSpan();
        }
        TimeSpan? fromMinutes = null;
        if (minutesText is not null)
        {
            fromMinutes = int.TryParse(minutesText.Replace("min", string.Empty, StringComparison.OrdinalIgnoreCase).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                ? TimeSpan.FromMinutes(minutes)
                : TimeSpan.TryParseExact(minutesText, @"h\:mm", CultureInfo.InvariantCulture, out var hm) ? hm : null;
            if (fromMinutes is null)
            {
                problems.Add($"The duration \"{minutesText}\" is not a number of minutes (such as 90) or hours and minutes (1:30).");
            }
        }
        if (endText is null && minutesText is null)
        {
            problems.Add("The session has neither an end nor a duration.");
        }
        if (fromEnd is { } a && fromMinutes is { } b && a != b && a > TimeSpan.Zero)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"The end gives {a.TotalMinutes:0} minutes but the duration says {b.TotalMinutes:0}; give one, or make them agree."));
            return null;
        }
        return fromEnd ?? fromMinutes;
    }

    private delegate bool ExactParser<T>(string text, string[] formats, IFormatProvider provider, DateTimeStyles styles, out T value);

    private static T? Parse<T>(string? text, string field, string[] formats, List<string> problems, ExactParser<T> parse)
        where T : struct
    {
        if (text is null)
        {
            problems.Add($"The {field} is missing.");
            return null;
        }
        if (parse(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            return value;
        }
        problems.Add(field == "date"
            ? $"The date \"{text}\" is not a date; write it as 2026-12-15."
            : $"The {field} \"{text}\" is not a time of day; write it as 14:30.");
        return null;
    }

    private static string Broken(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "A quoted cell is never closed, so this row and the rest of the file could not be read; close the quote.",
        CsvMalformedReason.LineBreakInQuotes => "A quoted cell runs over a line break where it may not; the row was not read.",
        CsvMalformedReason.FieldCountMismatch => "The row has a different number of cells from the header; the row was not read.",
        _ => "The row's quoting is broken (a quote inside an unquoted cell, or text after a closing quote); the row was not read.",
    };
}
