using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Events;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Rooms;

/// <summary>Each key opens exactly its own screen; everything else is refused with a stable code and watches nothing.</summary>
public sealed class EventWatchRefusalTests : RoomProgramme
{
    [Fact]
    public async Task ARoomKeyOpensOnlyItsOwnScreenOfItsOwnRoom()
    {
        var (xxiv, stageKey) = RoomLink("Room XXIV", "roomStage");
        var (hall, hallDesk) = RoomLink("Main Hall", "roomDesk");
        var other = await Api.CreateAsync("Regional IGF", "Europe/Paris", "Room XXIV");
        var otherRoom = (await Api.LinksAsync(other.Id, other.Key)).Single(r => r["role"] == "roomStage")["link"];
        var otherKey = Uri.UnescapeDataString(otherRoom[(otherRoom.IndexOf("#key=", StringComparison.Ordinal) + 5)..]);

        await AssertRefusedAsync("unauthorized", w => w.WatchRoomAsync(Event.Id, hall, stageKey));
        await AssertRefusedAsync("unauthorized", w => w.WatchRoomAsync(Event.Id, xxiv, hallDesk));
        await AssertRefusedAsync("unauthorized", w => w.WatchRoomAsync(Event.Id, xxiv, otherKey));
        await AssertRefusedAsync("unauthorized", w => w.WatchRoomAsync(Event.Id, xxiv, EventApi.KeyOf(Links, Sessions["A"], "stage")));
        await AssertRefusedAsync("unauthorized", w => w.WatchRoomAsync(Event.Id, xxiv, Event.Key));
        await AssertRefusedAsync("unauthorized", w => w.WatchRoomAsync(Event.Id, xxiv, null));
        await AssertRefusedAsync("not_found", w => w.WatchRoomAsync(Event.Id, "room-404", stageKey));
        await AssertRefusedAsync("not_found", w => w.WatchRoomAsync("no-such-event", xxiv, stageKey));
        await AssertRefusedAsync("invalid_input", w => w.WatchRoomAsync(" ", xxiv, stageKey));
        // The stage key opens the stage, and says so: the desk's controls stay with the desk key.
        await using var stage = await WatchingAsync();
        Assert.Equal("Stage", (await stage.WatchRoomAsync(Event.Id, xxiv, stageKey)).Value!.Screen);
    }

    [Fact]
    public async Task TheDashboardOpensWithItsEventsKeyOrTheOrganisersOnly()
    {
        var other = await Api.CreateAsync("Regional IGF", "Europe/Paris");
        var (_, stageKey) = RoomLink("Room XXIV", "roomStage");

        await AssertRefusedAsync("unauthorized", w => w.WatchEventAsync(Event.Id, other.Key));
        await AssertRefusedAsync("unauthorized", w => w.WatchEventAsync(Event.Id, stageKey));
        await AssertRefusedAsync("unauthorized", w => w.WatchEventAsync(Event.Id, EventApi.KeyOf(Links, Sessions["A"], "onsiteModerator")));
        await AssertRefusedAsync("unauthorized", w => w.WatchEventAsync(Event.Id, ""));
        await AssertRefusedAsync("not_found", w => w.WatchEventAsync("no-such-event", Event.Key));
        await AssertRefusedAsync("invalid_input", w => w.WatchEventAsync("", Event.Key));

        await using var secretariat = await WatchingAsync();
        Assert.Equal(2, (await secretariat.WatchEventAsync(Event.Id, Event.Key)).Value!.Rooms.Count);
        await using var organiser = await WatchingAsync();
        Assert.Equal("IGF 2026", (await organiser.WatchEventAsync(Event.Id, TestServer.OrganiserKey)).Value!.Event.Title);
    }

    [Fact]
    public async Task AConnectionWatchesOneThingAndARefusedWatchLeavesItFreeToTryAgain()
    {
        var (xxiv, stageKey) = RoomLink("Room XXIV", "roomStage");
        await using var screen = await WatchingAsync();

        await AssertRefusedOnAsync(screen, "unauthorized", w => w.WatchRoomAsync(Event.Id, xxiv, "wrong"));
        Assert.NotNull((await screen.WatchRoomAsync(Event.Id, xxiv, stageKey)).Value);
        await AssertRefusedOnAsync(screen, "illegal_transition", w => w.WatchEventAsync(Event.Id, Event.Key));
        await AssertRefusedOnAsync(screen, "illegal_transition", w => w.WatchRoomAsync(Event.Id, xxiv, stageKey));

        // Still watching the room it opened: it hears the first session begin.
        Time.Advance(TimeSpan.FromMinutes(1));
        await screen.WaitForRoomAsync(s => s.Current?.SessionId == Sessions["A"], "the room screen to hear its session begin");
        Assert.Empty(screen.Summaries);
    }

    private async Task AssertRefusedAsync<T>(string code, Func<EventWatchClient, Task<HubReply<T>>> call)
    {
        await using var client = await WatchingAsync();
        await AssertRefusedOnAsync(client, code, call);
    }

    private static async Task AssertRefusedOnAsync<T>(EventWatchClient client, string code, Func<EventWatchClient, Task<HubReply<T>>> call)
    {
        var reply = await call(client);
        Assert.Null(reply.Value);
        Assert.Equal(code, reply.Error?.Code);
        Assert.False(string.IsNullOrWhiteSpace(reply.Error!.Message));
    }
}
