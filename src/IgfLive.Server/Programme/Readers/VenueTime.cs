using System.Globalization;

namespace IgfLive.Server.Programme.Readers;

/// <summary>
/// Local times of the venue made into instants. A time that the clocks skip (a daylight-saving gap)
/// is refused rather than moved; one they pass twice is read as the earlier, as a printed programme means.
/// </summary>
public static class VenueTime
{
    public static DateTimeOffset? ToInstant(DateTime local, TimeZoneInfo zone, List<string> problems, string field = "start")
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(problems);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"The {field} {unspecified:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks skip it."));
            return null;
        }
        var offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
