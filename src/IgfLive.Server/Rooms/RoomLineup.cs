using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Rooms;

/// <summary>A session of a room as the line-up reads it: its slot, its record and its state, caught up.</summary>
public sealed record LineupEntry(ProgrammeSlot Slot, SessionRecord Session, SessionState State)
{
    public DateTimeOffset StartsAt => State.Definition.StartsAt;

    public DateTimeOffset EndsAt => State.Definition.ScheduledEnd;

    public ClockStatus Status => State.Clock.Status;
}

/// <summary>
/// Which session a room is in, and which comes next. The room is in a session whose clock runs or is
/// paused (a session running late keeps the room until it ends); otherwise in the session whose slot
/// holds the present, started or not; otherwise between sessions. Next is the first later session not
/// started yet whose slot has not passed.
/// </summary>
public sealed record RoomLineup(LineupEntry? Current, LineupEntry? Next, LineupEntry? Previous)
{
    public static RoomLineup Of(IEnumerable<LineupEntry> entries, DateTimeOffset now)
    {
        var live = entries.Where(e => !e.State.Deleted).OrderBy(e => e.StartsAt).ToList();
        var current = live.Where(e => e.Status is ClockStatus.Running or ClockStatus.Paused).MaxBy(e => e.State.Clock.StartedAt)
            ?? live.LastOrDefault(e => e.Status == ClockStatus.NotStarted && e.StartsAt <= now && now < e.EndsAt);
        var next = live.FirstOrDefault(e =>
            !ReferenceEquals(e, current) && e.Status == ClockStatus.NotStarted && e.EndsAt > now && (current is null ? e.StartsAt > now : e.StartsAt >= current.StartsAt));
        var previous = live.Where(e => e.Status == ClockStatus.Ended).MaxBy(e => e.State.Clock.EndedAt);
        return new RoomLineup(current, next, previous);
    }

    /// <summary>The first instant after <paramref name="now"/> at which a slot of <paramref name="entries"/> starts or ends: the line-up may change then.</summary>
    public static DateTimeOffset? NextBoundary(IEnumerable<LineupEntry> entries, DateTimeOffset now) =>
        entries.SelectMany(e => (DateTimeOffset[])[e.StartsAt, e.EndsAt]).Where(t => t > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
}
