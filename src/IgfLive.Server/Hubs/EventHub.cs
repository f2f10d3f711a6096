using IgfLive.Server.Access;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Programme;
using IgfLive.Server.Rooms;
using IgfLive.Server.Storage;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Hubs;

/// <summary>
/// The event-level audience: the secretariat's dashboard and each room's stage display and desk.
/// A connection watches one thing; what it is sent comes from <see cref="RoomWatchService"/>, which
/// works each room out on every node from the store, so a watcher on any node sees the same.
/// Refusals travel in the reply, as on the session hub (<see cref="HubGuardFilter"/>).
/// </summary>
public sealed class EventHub(EventBoard board, EventWatchers watchers, IProgrammeStore programmes, EventAccess access, RoomKeys roomKeys, TimeProvider time)
    : Hub<IEventClient>
{
    /// <summary>The server's clock in Unix milliseconds, for the client's offset estimate.</summary>
    public HubReply<long> ServerTime() => HubReply.Ok(time.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Opens the dashboard of an event with its key (or the organiser key): every room now, then each change.</summary>
    public async Task<HubReply<DashboardDto>> WatchEvent(string eventId, string key)
    {
        var stored = await FindAsync(eventId);
        if (!access.CanManage(key, stored.Record))
        {
            throw HubErrors.Refused(HubErrors.Unauthorized, "That key does not open this event's dashboard; use the dashboard link the event was created with.");
        }
        return await WatchAsync(new EventWatch(stored.Record.Id, null, null), async now =>
        {
            var rooms = new List<RoomSummaryDto>();
            foreach (var room in now.Rooms)
            {
                rooms.Add(await board.SummaryAsync(now, room, Context.ConnectionAborted));
            }
            var (record, _) = now.Stored;
            return new DashboardDto(new EventInfo(record.Id, record.Title, record.TimeZone), rooms, EventBoard.Conflicts(now.Stored), now.At);
        });
    }

    /// <summary>Opens a room's stage display or desk with the room's link key: the room now, then each change.</summary>
    public async Task<HubReply<RoomStateDto>> WatchRoom(string eventId, string roomId, string key)
    {
        var stored = await FindAsync(eventId);
        var room = RoomNames.Resolve(stored.Programme.Rooms, roomId ?? string.Empty)
            ?? throw HubErrors.Refused(HubErrors.NotFound, $"Event {stored.Record.Id} has no room {roomId}.");
        var screen = roomKeys.Opens(stored.Record.Id, room, key)
            ?? throw HubErrors.Refused(HubErrors.Unauthorized, "That key opens no screen of this room; check the room's link in links.csv.");
        return await WatchAsync(new EventWatch(stored.Record.Id, room.Id, screen), now => Task.FromResult(board.RoomState(now, now.Room(room.Id)!, screen)));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (EventWatch.Of(Context) is { } watch)
        {
            watchers.Remove(watch);
        }
        return Task.CompletedTask;
    }

    private async Task<StoredEvent> FindAsync(string eventId)
    {
        if (string.IsNullOrWhiteSpace(eventId))
        {
            throw HubErrors.Refused(HubErrors.InvalidInput, "Name the event to watch.");
        }
        if (EventWatch.Of(Context) is { } watching)
        {
            throw HubErrors.Refused(HubErrors.IllegalTransition, $"This connection already watches {watching.Group}; open a new connection to watch something else.");
        }
        return await programmes.FindAsync(eventId, Context.ConnectionAborted)
            ?? throw HubErrors.Refused(HubErrors.NotFound, $"There is no event {eventId}.");
    }

    /// <summary>
    /// Joins the watch's group before reading what it shows now: a change in between arrives twice at
    /// worst, and clients keep the latest. A read that fails takes the watch back, so the call can be tried again.
    /// </summary>
    private async Task<HubReply<T>> WatchAsync<T>(EventWatch watch, Func<EventNow, Task<T>> show)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, watch.Group, Context.ConnectionAborted);
        watch.Attach(Context);
        watchers.Add(watch);
        try
        {
            var now = await board.ReadAsync(watch.EventId, Context.ConnectionAborted)
                ?? throw HubErrors.Refused(HubErrors.NotFound, $"There is no event {watch.EventId}.");
            return HubReply.Ok(await show(now));
        }
        catch
        {
            EventWatch.Detach(Context);
            watchers.Remove(watch);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, watch.Group, CancellationToken.None);
            throw;
        }
    }
}
