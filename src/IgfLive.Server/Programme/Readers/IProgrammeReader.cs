using IgfLive.Core.Programme;

namespace IgfLive.Server.Programme.Readers;

/// <summary>Reads one programme file format into entries, with a problem for every entry it could not read.</summary>
public interface IProgrammeReader
{
    /// <summary>The media type the file is sent with (text/csv, text/calendar, application/xml).</summary>
    string ContentType { get; }

    /// <summary>Reads <paramref name="text"/>; local times in it are read in <paramref name="zone"/>, the event's time zone.</summary>
    /// <remarks>Never throws for a bad file: a file that cannot be read at all is <see cref="ProgrammeFile.Malformed"/>.</remarks>
    ProgrammeFile Read(string text, TimeZoneInfo zone);
}
