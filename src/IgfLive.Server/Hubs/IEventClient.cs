using IgfLive.Server.Contracts;

namespace IgfLive.Server.Hubs;

/// <summary>What the server calls on the event hub's clients: summaries, not every event of every session.</summary>
public interface IEventClient
{
    /// <summary>To a dashboard: the rooms whose summary changed, at most about once a second each.</summary>
    Task RoomsSummarised(RoomSummaryDto[] rooms);

    /// <summary>To a room's stage display or desk: its current or next session changed (or the key of one).</summary>
    Task RoomChanged(RoomStateDto room);
}
