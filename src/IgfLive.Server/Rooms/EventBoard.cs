using IgfLive.Core.Clock;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Server.Access;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Programme;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Rooms;

/// <summary>An event as its rooms stand at <see cref="At"/>: each room's line-up, read from the store.</summary>
public sealed record EventNow(StoredEvent Stored, DateTimeOffset At, IReadOnlyList<RoomNow> Rooms)
{
    public RoomNow? Room(string roomIdOrName) =>
        RoomNames.Resolve(Stored.Programme.Rooms, roomIdOrName) is { } room ? Rooms.FirstOrDefault(r => r.Room.Id == room.Id) : null;

    /// <summary>When a line-up may next change by the clock alone (a slot starting or ending); null when no slot is ahead.</summary>
    public DateTimeOffset? NextBoundary => Rooms.Select(r => r.NextBoundary).Where(t => t is not null).Min();
}

public sealed record RoomNow(EventRoom Room, RoomLineup Lineup, DateTimeOffset? NextBoundary);

/// <summary>
/// Reads an event's rooms as they stand — which session each room is in, which is next — and draws
/// what a room's screens and the dashboard show. Only the sessions around the present are read (the
/// one before, the one in, the next two), so an event of hundreds of sessions costs a few reads per room.
/// </summary>
public sealed class EventBoard(
    IProgrammeStore programmes, SessionService sessions, EventSessions eventSessions, PresenceTracker presence, TimeProvider time)
{
    public async Task<EventNow?> ReadAsync(string eventId, CancellationToken cancellationToken)
    {
        var stored = await programmes.FindAsync(eventId, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var around = stored.Programme.Rooms.ToDictionary(r => r.Id, r => Around(stored.Programme.Slots.Where(s => s.RoomId == r.Id).ToList(), now));
        var states = await eventSessions.StatesAsync(around.Values.SelectMany(slots => slots).Select(s => s.SessionId), cancellationToken);
        var rooms = new List<RoomNow>();
        foreach (var room in stored.Programme.Rooms)
        {
            var entries = new List<LineupEntry>();
            foreach (var slot in around[room.Id])
            {
                if (states[slot.SessionId] is { } state && await sessions.FindAsync(slot.SessionId, cancellationToken) is { } session)
                {
                    entries.Add(new LineupEntry(slot, session, state));
                }
            }
            rooms.Add(new RoomNow(room, RoomLineup.Of(entries, now), RoomLineup.NextBoundary(entries, now)));
        }
        return new EventNow(stored, now, rooms);
    }

    /// <summary>What the room's <paramref name="screen"/> shows, with the keys that screen opens the sessions with.</summary>
    public RoomStateDto RoomState(EventNow board, RoomNow room, RoomScreen screen)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(room);
        var role = screen == RoomScreen.Stage ? SessionRole.Stage : SessionRole.OnsiteModerator;
        var record = board.Stored.Record;
        return new RoomStateDto(
            record.Id, room.Room.Id, room.Room.Name, record.TimeZone, screen.ToString(),
            Session(room.Lineup.Current, role), Session(room.Lineup.Next, role), board.At);
    }

    /// <summary>The room as the dashboard shows it.</summary>
    public async Task<RoomSummaryDto> SummaryAsync(EventNow board, RoomNow room, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(room);
        var (current, next, previous) = room.Lineup;
        RoomLiveDto? live = null;
        RoomOverrunDto? overrun = null;
        if (current is not null)
        {
            var state = current.State;
            var clock = DtoMapper.Clock(state, board.At);
            // A session not started after its start runs late too: at best it takes its whole plan from now.
            var projected = current.Status == ClockStatus.NotStarted
                ? Max(current.EndsAt, board.At + (current.EndsAt - current.StartsAt))
                : clock.ProjectedEnd;
            var lateMs = (long)(projected - current.EndsAt).TotalMilliseconds;
            var online = (await presence.CurrentAsync(current.Session.Id, cancellationToken)).Online;
            live = new RoomLiveDto(
                current.Session.Id, state.Definition.Title, current.StartsAt, current.EndsAt, clock, state.Definition.Segments.Count,
                lateMs, projected, state.Questions.Values.Count(q => q.Status == QuestionStatus.Submitted), online, Notes(state));
            if (next is not null && projected > next.StartsAt)
            {
                overrun = new RoomOverrunDto((int)Math.Ceiling(lateMs / 60_000.0), next.State.Definition.Title, next.StartsAt);
            }
        }
        var report = previous is null ? null : new RoomReportDto(previous.Session.Id, previous.State.Definition.Title, previous.State.Clock.EndedAt, Notes(previous.State));
        return new RoomSummaryDto(room.Room.Id, room.Room.Name, live, Session(next, null), overrun, report, board.At);
    }

    /// <summary>The programme's conflicts, as the import reported them.</summary>
    public static IReadOnlyList<ConflictView> Conflicts(StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var entries = stored.Programme.Slots.Select(s => s.Entry).ToList();
        var ids = stored.Programme.Slots.ToDictionary(s => s.Entry.ExternalId, s => s.SessionId, StringComparer.Ordinal);
        return ProgrammeImport.Conflicts(entries, TimeZoneInfo.FindSystemTimeZoneById(stored.Record.TimeZone), ids);
    }

    /// <summary>The room's slots around <paramref name="now"/>: the two last started by the programme, and the next two.</summary>
    private static List<ProgrammeSlot> Around(List<ProgrammeSlot> slots, DateTimeOffset now)
    {
        var ordered = slots.OrderBy(s => s.Entry.StartsAt).ToList();
        var started = ordered.FindLastIndex(s => s.Entry.StartsAt <= now);
        var from = Math.Max(0, started - 1);
        return ordered.GetRange(from, Math.Min(ordered.Count, started + 3) - from);
    }

    private RoomSessionDto? Session(LineupEntry? entry, SessionRole? role)
    {
        if (entry is null)
        {
            return null;
        }
        string? key = null;
        if (role is { } r)
        {
            eventSessions.Keys(entry.Slot, entry.Session, entry.State).TryGetValue(r, out key);
        }
        return new RoomSessionDto(entry.Session.Id, entry.State.Definition.Title, entry.StartsAt, entry.EndsAt, entry.Status.ToString(), key);
    }

    private static int Notes(SessionState state) => state.Notes.Values.Count(n => !n.Deleted);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
