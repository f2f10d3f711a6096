using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Events;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Server.Tests.Rooms;

/// <summary>
/// A morning in two rooms of a venue in Riyadh (UTC+3), on a server whose clock the test moves: Room
/// XXIV has two sessions back to back (10:00–11:00, 11:00–12:00), the Main Hall one (10:00–11:00).
/// </summary>
public abstract class RoomProgramme : IAsyncLifetime
{
    /// <summary>09:59 at the venue, a minute before the first sessions.</summary>
    protected static readonly DateTimeOffset BeforeFirst = new(2026, 12, 15, 6, 59, 0, TimeSpan.Zero);

    /// <summary>11:00 at the venue: the second session of Room XXIV starts.</summary>
    protected static readonly DateTimeOffset SecondStarts = new(2026, 12, 15, 8, 0, 0, TimeSpan.Zero);

    private const string Csv = "external id,title,date,start,end,room,agenda\r\n"
        + "A,Data governance in the Global South,2026-12-15,10:00,11:00,Room XXIV,\"1. Opening (10 min)\n2. Panel (50 min)\"\r\n"
        + "B,AI and elections,2026-12-15,11:00,12:00,Room XXIV,\"1. Opening (5 min)\n2. Discussion (55 min)\"\r\n"
        + "C,Meaningful connectivity,2026-12-15,10:00,11:00,Main Hall,\"1. Keynotes (30 min)\n2. Open floor (30 min)\"\r\n";

    protected FakeTimeProvider Time { get; } = new(BeforeFirst);

    protected TestServer Server { get; private set; } = null!;

    protected EventApi Api { get; private set; } = null!;

    protected EventCreatedResponse Event { get; private set; } = null!;

    /// <summary>The session ids by external id: A, B, C.</summary>
    protected IReadOnlyDictionary<string, string> Sessions { get; private set; } = null!;

    protected List<Dictionary<string, string>> Links { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Server = await TestServer.StartAsync(Time);
        Api = new EventApi(Server);
        Event = await Api.CreateAsync("IGF 2026", "Asia/Riyadh");
        var imported = await Api.ImportAsync(Event.Id, Event.Key, Csv);
        Sessions = imported.Created.ToDictionary(s => s.ExternalId, s => s.Id!);
        Links = await Api.LinksAsync(Event.Id, Event.Key);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A room's link of links.csv (role roomStage or roomDesk): the room id in its path and the key in its fragment.</summary>
    protected (string RoomId, string Key) RoomLink(string room, string role) => EventApi.RoomLinkOf(Links, room, role);

    protected async Task<EventWatchClient> WatchingAsync()
    {
        return await EventWatchClient.ConnectAsync(Server.Address);
    }
}
