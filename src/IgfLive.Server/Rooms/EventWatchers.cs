using IgfLive.Server.Access;
using IgfLive.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Rooms;

/// <summary>What one connection of the event hub watches: an event's dashboard, or one screen of one room.</summary>
public sealed record EventWatch(string EventId, string? RoomId, RoomScreen? Screen)
{
    /// <summary>The hub group that receives what this watcher is sent.</summary>
    public string Group => RoomId is null ? EventWatchers.DashboardGroup(EventId) : EventWatchers.RoomGroup(EventId, RoomId, Screen!.Value);

    public static EventWatch? Of(HubCallerContext context) => ConnectionItems.Get<EventWatch>(context);

    public void Attach(HubCallerContext context) => ConnectionItems.Set(context, this);

    public static void Detach(HubCallerContext context) => ConnectionItems.Remove<EventWatch>(context);
}

/// <summary>
/// Who watches what on this node, so the room service reads only the events someone here looks at,
/// and sends only to groups that have someone in them. Counts per hub group.
/// </summary>
public sealed class EventWatchers
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (EventWatch Watch, int Count)> _groups = new(StringComparer.Ordinal);

    public static string DashboardGroup(string eventId) => $"event:{eventId}:dashboard";

    public static string RoomGroup(string eventId, string roomId, RoomScreen screen) => $"event:{eventId}:room:{roomId}:{screen}";

    public void Add(EventWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        lock (_lock)
        {
            _groups[watch.Group] = (watch, _groups.GetValueOrDefault(watch.Group).Count + 1);
        }
    }

    public void Remove(EventWatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        lock (_lock)
        {
            if (_groups.TryGetValue(watch.Group, out var entry))
            {
                if (entry.Count <= 1)
                {
                    _groups.Remove(watch.Group);
                }
                else
                {
                    _groups[watch.Group] = (entry.Watch, entry.Count - 1);
                }
            }
        }
    }

    /// <summary>Every watched group, one watch standing for each.</summary>
    public IReadOnlyList<EventWatch> Watched()
    {
        lock (_lock)
        {
            return [.. _groups.Values.Select(v => v.Watch)];
        }
    }
}
