using System.Text.Json.Serialization;
using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;

namespace IgfLive.Core.Sessions;

/// <summary>What an organiser sets up: title, schedule, room, speakers and the agenda.</summary>
/// <param name="StartsAt">Scheduled start, as an instant.</param>
/// <param name="TimeZone">IANA time zone the session is announced in, e.g. "Europe/Zurich".</param>
/// <param name="Slot">The length of the session's slot in an event's programme; null for a session made on its own, whose slot is its agenda.</param>
/// <param name="Format">The programme's format for the session ("Workshop", "Open Forum"…), when it gives one.</param>
public sealed record SessionDefinition(
    string Title,
    DateTimeOffset StartsAt,
    string TimeZone,
    string? Room,
    bool AllowAnonymousQuestions,
    ClockThresholds Thresholds,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<Segment> Segments,
    // Left out of the stored JSON when null, so sessions stored before events read and write back unchanged.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TimeSpan? Slot = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format = null)
{
    public TimeSpan PlannedDuration => Segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.PlannedDuration);

    /// <summary>The end of the slot, or of the agenda when the session has no slot.</summary>
    public DateTimeOffset ScheduledEnd => StartsAt + (Slot ?? PlannedDuration);
}

/// <summary>A person on the programme.</summary>
public sealed record Speaker(string Id, string Name, string? Organisation, string? StakeholderGroup, string? Region);

/// <summary>One part of the agenda.</summary>
public sealed record Segment(string Title, TimeSpan PlannedDuration, SegmentKind Kind, IReadOnlyList<SpeakerSlot> Slots);

/// <summary>A speaker's planned turn inside a segment.</summary>
public sealed record SpeakerSlot(string SpeakerId, TimeSpan PlannedDuration);
