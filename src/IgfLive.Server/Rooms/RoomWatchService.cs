using IgfLive.Server.Contracts;
using IgfLive.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Rooms;

/// <summary>
/// Keeps every watched room screen and dashboard on this node up to date. About once a second, and at
/// the very instant a slot starts or ends, it reads each watched event from the store and sends what
/// changed: a room's line-up to its stage display and desk (RoomChanged), the rooms whose summary
/// changed to the dashboards (RoomsSummarised). Every node does this for its own watchers from the
/// store, so no session's events need to reach another node for it, and an event no one watches costs nothing.
/// </summary>
public sealed partial class RoomWatchService(
    EventWatchers watchers, EventBoard board, IHubContext<EventHub, IEventClient> hub, TimeProvider time, ILogger<RoomWatchService> logger) : BackgroundService
{
    /// <summary>How often watched rooms are read when no slot starts or ends sooner.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>What each group was last sent, as a signature of what it shows; forgotten when the group empties.</summary>
    private readonly Dictionary<string, string> _sent = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wake = await RefreshAsync(stoppingToken) ?? time.GetUtcNow() + Period;
                // Worked out after the reads: a boundary reached meanwhile is read again at once.
                var delay = wake - time.GetUtcNow();
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Reads every watched event and sends what changed; returns when to look again.</summary>
    public async Task<DateTimeOffset?> RefreshAsync(CancellationToken cancellationToken)
    {
        var wake = time.GetUtcNow() + Period;
        var watched = watchers.Watched();
        ForgetUnwatched(watched);
        foreach (var group in watched.GroupBy(w => w.EventId, StringComparer.Ordinal))
        {
            try
            {
                if (await board.ReadAsync(group.Key, cancellationToken) is not { } now)
                {
                    continue;
                }
                if (now.NextBoundary is { } boundary && boundary < wake)
                {
                    wake = boundary;
                }
                await SendAsync(now, [.. group], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next round tries again; a screen is a second late rather than wrong.
                Log.RefreshFailed(logger, ex, group.Key);
            }
        }
        return wake;
    }

    private async Task SendAsync(EventNow now, IReadOnlyList<EventWatch> watches, CancellationToken cancellationToken)
    {
        var changed = new List<RoomSummaryDto>();
        foreach (var watch in watches)
        {
            if (watch.RoomId is null)
            {
                foreach (var room in now.Rooms)
                {
                    var summary = await board.SummaryAsync(now, room, cancellationToken);
                    if (Changed($"{watch.Group}:{room.Room.Id}", Signature(summary)))
                    {
                        changed.Add(summary);
                    }
                }
                if (changed.Count > 0)
                {
                    await hub.Clients.Group(watch.Group).RoomsSummarised([.. changed]);
                }
            }
            else if (now.Room(watch.RoomId) is { } room)
            {
                var state = board.RoomState(now, room, watch.Screen!.Value);
                if (Changed(watch.Group, Signature(state)))
                {
                    await hub.Clients.Group(watch.Group).RoomChanged(state);
                }
            }
        }
    }

    private bool Changed(string group, string signature)
    {
        lock (_sent)
        {
            if (_sent.TryGetValue(group, out var last) && last == signature)
            {
                return false;
            }
            _sent[group] = signature;
            return true;
        }
    }

    private void ForgetUnwatched(IReadOnlyList<EventWatch> watched)
    {
        var groups = watched.Select(w => w.Group).ToHashSet(StringComparer.Ordinal);
        lock (_sent)
        {
            foreach (var key in _sent.Keys.Where(k => !groups.Any(g => k == g || k.StartsWith(g + ":", StringComparison.Ordinal))).ToList())
            {
                _sent.Remove(key);
            }
        }
    }

    /// <summary>What a room screen shows, without the instant it was worked out.</summary>
    private static string Signature(RoomStateDto state) => $"{Signature(state.Current)}|{Signature(state.Next)}|{state.RoomName}";

    private static string Signature(RoomSessionDto? session) =>
        session is null ? "-" : $"{session.SessionId},{session.Title},{session.StartsAt:O},{session.EndsAt:O},{session.Status},{session.Key}";

    /// <summary>
    /// What a dashboard row shows, to the second: a running segment's countdown is drawn by the browser
    /// from the clock, so only what the browser cannot work out by itself (a pause, a new segment, a
    /// projected end that moved, a question, a participant, a note) makes it new.
    /// </summary>
    private static string Signature(RoomSummaryDto summary)
    {
        var live = summary.Current;
        var clock = live?.Clock;
        return string.Join('|',
            live is null ? "-" : $"{live.SessionId},{live.Title},{clock!.Status},{clock.Segment},{clock.Slot},{clock.SegmentPlannedMs},{live.ProjectedEnd.ToUnixTimeSeconds()},{live.QuestionsWaiting},{live.Online},{live.Notes}",
            Signature(summary.Next),
            summary.Overrun is { } o ? $"{o.MinutesLate},{o.NextTitle}" : "-",
            summary.Previous is { } p ? $"{p.SessionId},{p.Notes}" : "-");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Event {EventId}: reading its rooms failed; retrying in a second")]
        public static partial void RefreshFailed(ILogger logger, Exception exception, string eventId);
    }
}
