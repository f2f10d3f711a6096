using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.RawBroadcast;

/// <summary>
/// The second baseline: the same rooms as <see cref="RawConnection"/>, behind a SignalR hub that
/// does nothing but group membership and group sends. Driving it with the generator's
/// <c>--bare</c> option separates what SignalR itself costs from what IgfLive adds on top.
/// A room's events are sent as pre-formatted JSON, once per group send, like IgfLive's, and every
/// method answers in IgfLive's reply envelope (<c>{"value": …, "error": null}</c>).
/// </summary>
public sealed class BareHub(Rooms rooms) : Hub
{
    private const string RoomKey = "room";

    public async Task<object> Join(JsonElement request)
    {
        var id = request.TryGetProperty("sessionId", out var sessionId) ? sessionId.GetString() ?? "raw" : "raw";
        await Groups.AddToGroupAsync(Context.ConnectionId, id);
        Context.Items[RoomKey] = id;
        return Reply(new { role = "Participant", participantToken = (string?)null, snapshot = new { version = rooms.Get(id).Version } });
    }

    public object Resync(long afterSequence)
    {
        using var events = JsonDocument.Parse(rooms.Get(Room).Since(afterSequence));
        return Reply(new { events = events.RootElement.Clone(), snapshot = (object?)null });
    }

    public object ServerTime() => Reply(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public Task<object> StartClock() => BroadcastAsync();
    public Task<object> PauseClock() => BroadcastAsync();
    public Task<object> ResumeClock() => BroadcastAsync();
    public Task<object> AdjustSegment(int seconds) => BroadcastAsync();
    public Task<object> RecordQuestion(JsonElement request) => BroadcastAsync();
    public Task<object> ForwardQuestion(string questionId) => BroadcastAsync();
    public Task<object> MakeQuestionLive(string questionId) => BroadcastAsync();
    public Task<object> MarkQuestionAnswered(string questionId) => BroadcastAsync();

    private string Room => Context.Items.TryGetValue(RoomKey, out var room) ? (string)room! : throw new HubException("Join first.");

    private Task<object> BroadcastAsync()
    {
        var room = Room;
        var (seq, @event) = rooms.Get(room).Append();
        using var json = JsonDocument.Parse(@event);
        // Not awaited to the slowest reader, like IgfLive's broadcaster: the send is started in order.
        _ = Clients.Group(room).SendAsync("EventsRecorded", new[] { json.RootElement.Clone() });
        return Task.FromResult(Reply(new { version = seq, id = $"r{seq}" }));
    }

    private static object Reply(object value) => new { value, error = (object?)null };
}
