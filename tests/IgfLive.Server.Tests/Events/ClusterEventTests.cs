using System.Net;
using System.Net.Http.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Events;

/// <summary>An event on two nodes sharing Redis: made on one, imported and managed on the other, keys replaced everywhere.</summary>
public sealed class ClusterEventTests(SharedRedis redis) : TwoNodeTests(redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEventMadeOnOneNodeIsImportedOnTheOtherAndBothServeItsProgrammeAndLinks()
    {
        var created = await new EventApi(First).CreateAsync(rooms: "Main Hall");

        var imported = await new EventApi(Second).ImportAsync(created.Id, created.Key, SmallProgramme.Csv);

        Assert.Equal(4, imported.Created.Count);
        var onFirst = await new EventApi(First).GetAsync(created.Id);
        Assert.Equal(4, onFirst.Rooms.Sum(r => r.Sessions.Count));
        var links = await new EventApi(First).LinksAsync(created.Id, created.Key);
        // A row per session and role, then two per room: its stage display and its desk.
        Assert.Equal((4 * 5, 2 * 2), (links.Count(r => r["session_id"] != ""), links.Count(r => r["session_id"] == "")));
        // A re-import on the first node finds the sessions the second made.
        var again = await new EventApi(First).ImportAsync(created.Id, created.Key, SmallProgramme.Csv);
        Assert.Empty(again.Created);
        Assert.Equal(4, again.Unchanged.Count);
    }

    [Fact]
    public async Task AKeyRotatedOnOneNodeIsRefusedOnTheOtherAtOnceAndLinksCsvThereGivesTheNewOne()
    {
        var created = await new EventApi(First).CreateAsync();
        var imported = await new EventApi(First).ImportAsync(created.Id, created.Key, SmallProgramme.Csv);
        var session = imported.Created[0].Id!;
        var before = await new EventApi(Second).LinksAsync(created.Id, created.Key);
        var oldKey = EventApi.KeyOf(before, session, "rapporteur");
        // The rapporteur is in the session on the second node when the key is replaced on the first.
        await using var rapporteur = await SessionClient.ConnectAsync(Second.Address, "rapporteur");
        await rapporteur.JoinAsync(session, oldKey);

        using var http = First.CreateHttpClient(created.Key);
        var response = await http.PostAsync($"/api/sessions/{session}/keys/rapporteur/rotate", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = (await response.Content.ReadFromJsonAsync<RoleKeyResponse>(HttpJson.Options, Ct))!;

        await rapporteur.WaitForEventAsync("RoleKeyRotated");
        Assert.Equal("unauthorized", (await rapporteur.RefusalAsync("AddNote", new AddNoteRequest("Point", "A note", null, null, null))).Code);
        await using var stale = await SessionClient.ConnectAsync(Second.Address, "old link on the second node");
        Assert.Equal("unauthorized", await stale.RefusedAsync("Join", new JoinRequest(session, oldKey, null)));
        var after = await new EventApi(Second).LinksAsync(created.Id, created.Key);
        Assert.Equal(rotated.Key, EventApi.KeyOf(after, session, "rapporteur"));
        await using var fresh = await SessionClient.ConnectAsync(Second.Address, "new link on the second node");
        Assert.Equal("Rapporteur", (await fresh.JoinAsync(session, rotated.Key)).Role);
    }

    [Fact]
    public async Task ADashboardAndARoomsStageDisplayOnOneNodeFollowASessionStartedOnTheOther()
    {
        var created = await new EventApi(First).CreateAsync();
        var imported = await new EventApi(First).ImportAsync(created.Id, created.Key, SmallProgramme.Csv);
        var session = imported.Created.Single(s => s.ExternalId == "WS-1").Id!;
        var links = await new EventApi(Second).LinksAsync(created.Id, created.Key);
        await using var dashboard = await EventWatchClient.ConnectAsync(Second.Address);
        var opened = (await dashboard.WatchEventAsync(created.Id, created.Key)).Value!;
        Assert.All(opened.Rooms, r => Assert.Null(r.Current));
        var (roomId, stageKey) = EventApi.RoomLinkOf(links, "Room XXIV", "roomStage");
        await using var stage = await EventWatchClient.ConnectAsync(Second.Address);
        Assert.Null((await stage.WatchRoomAsync(created.Id, roomId, stageKey)).Value!.Current);

        // The room's onsite moderator starts the session early, through the first node.
        await using var onsite = await SessionClient.ConnectAsync(First.Address, "onsite");
        await onsite.JoinAsync(session, EventApi.KeyOf(links, session, "onsiteModerator"));
        await onsite.SendAsync("StartClock");

        var running = await dashboard.WaitForSummaryAsync(r => r.RoomName == "Room XXIV" && r.Current?.Clock.Status == "Running", "Room XXIV running on the dashboard");
        Assert.Equal(session, running.Current!.SessionId);
        var shown = await stage.WaitForRoomAsync(r => r.Current?.Status == "Running", "the stage display to show the session running");
        Assert.Equal(session, shown.Current!.SessionId);
        Assert.Equal(EventApi.KeyOf(links, session, "stage"), shown.Current.Key);
    }
}
