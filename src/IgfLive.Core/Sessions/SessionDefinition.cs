using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;

namespace IgfLive.Core.Sessions;

/// <summary>What an organiser sets up: title, schedule, room, speakers and the agenda.</summary>
/// <param name="StartsAt">Scheduled start, as an instant.</param>
/// <param name="TimeZone">IANA time zone the session is announced in, e.g. "Europe/Zurich".</param>
public sealed record SessionDefinition(
    string Title,
    DateTimeOffset StartsAt,
    string TimeZone,
    string? Room,
    bool AllowAnonymousQuestions,
    ClockThresholds Thresholds,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<Segment> Segments)
{
    public TimeSpan PlannedDuration => Segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.PlannedDuration);

    public DateTimeOffset ScheduledEnd => StartsAt + PlannedDuration;
}

/// <summary>A person on the programme.</summary>
public sealed record Speaker(string Id, string Name, string? Organisation, string? StakeholderGroup, string? Region);

/// <summary>One part of the agenda.</summary>
public sealed record Segment(string Title, TimeSpan PlannedDuration, SegmentKind Kind, IReadOnlyList<SpeakerSlot> Slots);

/// <summary>A speaker's planned turn inside a segment.</summary>
public sealed record SpeakerSlot(string SpeakerId, TimeSpan PlannedDuration);
