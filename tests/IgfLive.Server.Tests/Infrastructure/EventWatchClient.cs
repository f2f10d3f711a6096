using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// A real SignalR connection to the event hub, as a dashboard or a room screen opens it: it keeps
/// every RoomChanged and RoomsSummarised it receives, and waits for the one a test expects.
/// </summary>
public sealed class EventWatchClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ReceivedChanges _changes = new();
    private readonly List<RoomStateDto> _rooms = [];
    private readonly List<RoomSummaryDto> _summaries = [];

    private EventWatchClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<RoomStateDto>("RoomChanged", state => Keep(_rooms, state));
        _connection.On<RoomSummaryDto[]>("RoomsSummarised", summaries => Keep(_summaries, summaries));
    }

    /// <summary>Every RoomChanged received, oldest first.</summary>
    public IReadOnlyList<RoomStateDto> RoomChanges => _changes.Copy(_rooms);

    /// <summary>Every room summary received, oldest first.</summary>
    public IReadOnlyList<RoomSummaryDto> Summaries => _changes.Copy(_summaries);

    public static async Task<EventWatchClient> ConnectAsync(Uri server)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/event"))
            .AddJsonProtocol(o => HttpJson.Configure(o.PayloadSerializerOptions))
            .WithServerTimeout(IgfLiveServiceExtensions.ClientServerTimeout)
            .Build();
        var client = new EventWatchClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<HubReply<DashboardDto>> WatchEventAsync(string eventId, string? key) =>
        _connection.InvokeAsync<HubReply<DashboardDto>>("WatchEvent", eventId, key);

    public Task<HubReply<RoomStateDto>> WatchRoomAsync(string eventId, string roomId, string? key) =>
        _connection.InvokeAsync<HubReply<RoomStateDto>>("WatchRoom", eventId, roomId, key);

    /// <summary>Waits for a RoomChanged that <paramref name="match"/> accepts.</summary>
    public Task<RoomStateDto> WaitForRoomAsync(Func<RoomStateDto, bool> match, string what) =>
        _changes.WaitForAsync(() => RoomChanges.LastOrDefault(match), what);

    /// <summary>Waits for a room summary that <paramref name="match"/> accepts.</summary>
    public Task<RoomSummaryDto> WaitForSummaryAsync(Func<RoomSummaryDto, bool> match, string what) =>
        _changes.WaitForAsync(() => Summaries.LastOrDefault(match), what);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Keep<T>(List<T> list, params T[] items) => _changes.Record(() => list.AddRange(items));
}
