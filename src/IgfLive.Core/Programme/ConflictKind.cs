namespace IgfLive.Core.Programme;

/// <summary>The kinds of <see cref="ProgrammeConflict"/>; on the wire in snake case (room_overlap…).</summary>
public enum ConflictKind
{
    /// <summary>Two sessions in one room at overlapping times.</summary>
    RoomOverlap,

    /// <summary>One person named in two sessions that overlap (speaker in one, moderator in the other…).</summary>
    PersonOverlap,

    /// <summary>The session's agenda is longer than its slot.</summary>
    AgendaOverflow,

    /// <summary>The session's timed agenda leaves part of its slot unplanned.</summary>
    AgendaShort,
}
