using Microsoft.Net.Http.Headers;

namespace IgfLive.Server.Programme.Readers;

/// <summary>The reader for a file's media type: CSV, iCalendar, or frab schedule XML.</summary>
public static class ProgrammeReaders
{
    private static readonly IProgrammeReader Csv = new CsvProgrammeReader();
    private static readonly IProgrammeReader Calendar = new ICalendarProgrammeReader();
    private static readonly IProgrammeReader Frab = new FrabProgrammeReader();

    /// <summary>The reader for <paramref name="contentType"/> (parameters such as charset ignored), or null for a type we do not read.</summary>
    public static IProgrammeReader? For(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return null;
        }
        return parsed.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/csv" or "application/csv" => Csv,
            "text/calendar" => Calendar,
            "application/xml" or "text/xml" => Frab,
            _ => null,
        };
    }
}
