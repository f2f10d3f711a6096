using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgfLive.Load;

/// <summary>
/// Secretariat dashboards on the event hub, through the real SignalR client (a handful of them, so
/// the load generator's own protocol code is not needed). Measures the update delay: from a
/// command's acknowledgement that changes what a room's row shows (a pause, a segment's length, a
/// question asked) to the first summary of that room worked out after it reaching each dashboard.
/// </summary>
internal sealed class DashboardWatch : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly Dictionary<string, string> _roomOfSession = [];
    private readonly List<Expectation> _waiting = [];
    private readonly LatencyLog _delays = new();
    private int _summaries;
    private bool _measuring;

    /// <summary>Connects <paramref name="count"/> dashboards to the event with its key; returns when each has its first picture.</summary>
    public async Task OpenAsync(Uri server, string eventId, string key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var dashboard = i;
            var connection = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/event")).Build();
            connection.On<JsonElement[]>("RoomsSummarised", rooms => Received(dashboard, rooms));
            await connection.StartAsync();
            var picture = await connection.InvokeAsync<JsonElement>("WatchEvent", eventId, key);
            if (picture.GetProperty("error").ValueKind != JsonValueKind.Null)
            {
                throw new InvalidOperationException($"WatchEvent was refused: {picture.GetProperty("error")}");
            }
            var reply = picture.GetProperty("value");
            lock (_waiting)
            {
                foreach (var room in reply.GetProperty("rooms").EnumerateArray())
                {
                    if (room.TryGetProperty("current", out var current) && current.ValueKind == JsonValueKind.Object)
                    {
                        _roomOfSession[current.GetProperty("sessionId").GetString()!] = room.GetProperty("roomId").GetString()!;
                    }
                }
            }
            _connections.Add(connection);
        }
    }

    /// <summary>From now on, acknowledged changes are timed to the dashboards.</summary>
    public void StartMeasuring()
    {
        lock (_waiting)
        {
            _measuring = true;
        }
    }

    /// <summary>A command on <paramref name="sessionId"/> that changes its room's row was acknowledged just now.</summary>
    public void Acknowledged(string sessionId)
    {
        var at = DateTimeOffset.UtcNow;
        var stamp = Stopwatch.GetTimestamp();
        lock (_waiting)
        {
            if (_measuring && _roomOfSession.TryGetValue(sessionId, out var room))
            {
                for (var d = 0; d < _connections.Count; d++)
                {
                    _waiting.Add(new Expectation(d, room, at, stamp));
                }
            }
        }
    }

    public void Into(Dictionary<string, double> metrics)
    {
        lock (_waiting)
        {
            var delays = _delays.Snapshot();
            delays.Into(metrics, "dashboard_delay");
            metrics["dashboard_delay_samples"] = delays.Count;
            metrics["dashboard_unanswered"] = _waiting.Count;
            metrics["dashboard_summaries"] = _summaries;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    private void Received(int dashboard, JsonElement[] rooms)
    {
        var received = Stopwatch.GetTimestamp();
        lock (_waiting)
        {
            foreach (var room in rooms)
            {
                _summaries++;
                var roomId = room.GetProperty("roomId").GetString();
                var at = room.GetProperty("at").GetDateTimeOffset();
                // A summary worked out after the acknowledgement was read from a store that held the change.
                _waiting.RemoveAll(e =>
                {
                    if (e.Dashboard != dashboard || e.RoomId != roomId || at < e.At)
                    {
                        return false;
                    }
                    _delays.Add(Stopwatch.GetElapsedTime(e.Stamp, received).TotalMilliseconds);
                    return true;
                });
            }
        }
    }

    private sealed record Expectation(int Dashboard, string RoomId, DateTimeOffset At, long Stamp);
}
