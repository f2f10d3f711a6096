using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Events;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Rooms;

/// <summary>A room's stage display and desk follow its programme by themselves, to the scheduled instant.</summary>
public sealed class RoomScreenTests : RoomProgramme
{
    [Fact]
    public async Task TheStageDisplaySwitchesToTheNextSessionAtItsScheduledStart()
    {
        var (roomId, key) = RoomLink("Room XXIV", "roomStage");
        await using var stage = await WatchingAsync();

        var opened = (await stage.WatchRoomAsync(Event.Id, roomId, key)).Value!;

        Assert.Equal(("Stage", "Room XXIV", "Asia/Riyadh"), (opened.Screen, opened.RoomName, opened.TimeZone));
        Assert.Null(opened.Current);
        Assert.Equal((Sessions["A"], "NotStarted"), (opened.Next!.SessionId, opened.Next.Status));
        Assert.Equal(EventApi.KeyOf(Links, Sessions["A"], "stage"), opened.Next.Key);

        Time.Advance(SecondStarts - TimeSpan.FromMilliseconds(1) - Time.GetUtcNow());
        var first = await stage.WaitForRoomAsync(s => s.Current?.SessionId == Sessions["A"], "the stage to show session A");
        Assert.Equal(Sessions["B"], first.Next!.SessionId);
        // A screen opened a millisecond before the start still shows the first session.
        await using var late = await WatchingAsync();
        Assert.Equal(Sessions["A"], (await late.WatchRoomAsync(Event.Id, "Room XXIV", key)).Value!.Current!.SessionId);

        Time.Advance(TimeSpan.FromMilliseconds(1));

        foreach (var screen in (EventWatchClient[])[stage, late])
        {
            var second = await screen.WaitForRoomAsync(s => s.Current?.SessionId == Sessions["B"], "the stage to switch to session B");
            Assert.Equal(SecondStarts, second.At);
            Assert.Null(second.Next);
            Assert.Equal(EventApi.KeyOf(Links, Sessions["B"], "stage"), second.Current!.Key);
            Assert.DoesNotContain(screen.RoomChanges, s => s.Current?.SessionId == Sessions["B"] && s.At < SecondStarts);
        }
        // The key it was handed opens the session as its stage display.
        await using var display = await SessionClient.ConnectAsync(Server.Address, "stage display");
        Assert.Equal("Stage", (await display.JoinAsync(Sessions["B"], (await stage.WaitForRoomAsync(s => s.Current?.SessionId == Sessions["B"], "B")).Current!.Key!)).Role);
    }

    [Fact]
    public async Task ASessionEndedEarlyLeavesTheStageShowingTheNextOneUntilItsStart()
    {
        var (roomId, key) = RoomLink("Room XXIV", "roomStage");
        Time.Advance(TimeSpan.FromMinutes(2));
        await using var onsite = await SessionClient.ConnectAsync(Server.Address, "onsite");
        await onsite.JoinAsync(Sessions["A"], EventApi.KeyOf(Links, Sessions["A"], "onsiteModerator"));
        await onsite.SendAsync("StartClock");
        await using var stage = await WatchingAsync();
        Assert.Equal("Running", (await stage.WatchRoomAsync(Event.Id, roomId, key)).Value!.Current!.Status);

        Time.Advance(TimeSpan.FromMinutes(40));
        await onsite.SendAsync("EndSession");
        Time.Advance(TimeSpan.FromSeconds(1));

        var between = await stage.WaitForRoomAsync(s => s.Current is null, "the stage to show the gap before the next session");
        Assert.Equal((Sessions["B"], SecondStarts), (between.Next!.SessionId, between.Next.StartsAt));
    }

    [Fact]
    public async Task TheRoomDeskHandsOutTheOnsiteModeratorsKeyOfTheCurrentSession()
    {
        var (roomId, key) = RoomLink("Main Hall", "roomDesk");
        Time.Advance(TimeSpan.FromMinutes(5));
        await using var desk = await WatchingAsync();

        var state = (await desk.WatchRoomAsync(Event.Id, roomId, key)).Value!;

        Assert.Equal(("Desk", Sessions["C"], "NotStarted"), (state.Screen, state.Current!.SessionId, state.Current.Status));
        Assert.Null(state.Next);
        await using var onsite = await SessionClient.ConnectAsync(Server.Address, "room desk");
        Assert.Equal("OnsiteModerator", (await onsite.JoinAsync(state.Current.SessionId, state.Current.Key!)).Role);
        await onsite.SendAsync("StartClock");
        Time.Advance(TimeSpan.FromSeconds(1));
        await desk.WaitForRoomAsync(s => s.Current?.Status == "Running", "the desk to see its session running");
    }

    [Fact]
    public async Task RoomLinksAreInLinksCsvOnePairPerRoomEachKeyItsOwn()
    {
        var rooms = Links.Where(r => r["role"] is "roomStage" or "roomDesk").ToList();

        Assert.Equal(["Room XXIV roomStage", "Room XXIV roomDesk", "Main Hall roomStage", "Main Hall roomDesk"], rooms.Select(r => $"{r["room"]} {r["role"]}"));
        Assert.All(rooms, r => Assert.Equal(("", ""), (r["session_id"], r["start"])));
        Assert.All(rooms, r => Assert.Matches($"^{Server.Address.ToString().TrimEnd('/')}/e/{Event.Id}/rooms/[a-z0-9-]+/(stage|desk)#key=.+$", r["link"]));
        Assert.Equal(4, rooms.Select(r => r["link"][(r["link"].IndexOf('#', StringComparison.Ordinal) + 1)..]).Distinct().Count());
        // An event created with its rooms named has their links before any programme.
        var named = await Api.CreateAsync("Regional IGF", "Europe/Paris", "Salle 1");
        Assert.Equal(["roomStage", "roomDesk"], (await Api.LinksAsync(named.Id, named.Key)).Select(r => r["role"]));
    }
}
