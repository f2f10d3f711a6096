using System.Net;
using System.Net.Http.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Events;

/// <summary>An event's key manages that event, its sessions, their links and reports, and nothing else.</summary>
public sealed class EventKeyTests : EventServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEventKeyIsRefusedOnAnotherEventAndOnASessionOutsideItsEvent()
    {
        var ours = await Api.CreateAsync("IGF 2026");
        var theirs = await Api.CreateAsync("Regional IGF");
        var imported = await Api.ImportAsync(theirs.Id, theirs.Key, SmallProgramme.Csv);
        var alone = await Seed.CreateAsync(Server);

        var import = await Api.PostProgrammeAsync(theirs.Id, ours.Key, SmallProgramme.Changed);
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(import));
        using var http = Server.CreateHttpClient(ours.Key);
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(await http.GetAsync($"/api/events/{theirs.Id}/links.csv", Ct)));
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(await http.GetAsync($"/api/events/{theirs.Id}/conflicts", Ct)));
        var theirSession = imported.Created[0].Id!;
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(await http.PostAsync($"/api/sessions/{theirSession}/keys/stage/rotate", null, Ct)));
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(await http.PostAsync($"/api/sessions/{alone.Id}/keys/stage/rotate", null, Ct)));
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(await http.GetAsync($"/api/sessions/{theirSession}/report.md", Ct)));
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(await http.DeleteAsync($"/api/sessions/{theirSession}", Ct)));
        // An event key is not the organiser's: it creates nothing and lists nothing.
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(await http.PostAsJsonAsync("/api/events", new CreateEventRequest("Mine", "Asia/Riyadh", null), HttpJson.Options, Ct)));
        Assert.Equal(("unauthorized", HttpStatusCode.Unauthorized), await CodeAsync(await http.GetAsync("/api/sessions", Ct)));
        // Nothing changed in their event.
        Assert.Equal(4, (await Api.GetAsync(theirs.Id)).Rooms.Sum(r => r.Sessions.Count));
    }

    [Fact]
    public async Task TheEventKeyRotatesItsSessionsKeysAndLinksCsvThenGivesTheNewLink()
    {
        var created = await Api.CreateAsync();
        var imported = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Csv);
        var session = imported.Created.Single(s => s.ExternalId == "WS-2").Id!;
        var before = await Api.LinksAsync(created.Id, created.Key);
        var oldKey = EventApi.KeyOf(before, session, "onsiteModerator");

        using var http = Server.CreateHttpClient(created.Key);
        var response = await http.PostAsync($"/api/sessions/{session}/keys/onsiteModerator/rotate", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = (await response.Content.ReadFromJsonAsync<RoleKeyResponse>(HttpJson.Options, Ct))!;
        var after = await Api.LinksAsync(created.Id, created.Key);
        Assert.Equal(rotated.Key, EventApi.KeyOf(after, session, "onsiteModerator"));
        Assert.Equal(EventApi.KeyOf(before, session, "rapporteur"), EventApi.KeyOf(after, session, "rapporteur"));
        await using var stale = await SessionClient.ConnectAsync(Server.Address, "old link");
        Assert.Equal("unauthorized", await stale.RefusedAsync("Join", new JoinRequest(session, oldKey, null)));
        await using var fresh = await SessionClient.ConnectAsync(Server.Address, "new link");
        Assert.Equal("OnsiteModerator", (await fresh.JoinAsync(session, rotated.Key)).Role);
        // The event key also reads the session's report.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/sessions/{session}/report.md", Ct)).StatusCode);
    }

    [Fact]
    public async Task LinksCsvHasARowPerSessionAndRoleThatOpensThatRole()
    {
        var created = await Api.CreateAsync();
        var imported = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Csv);

        var links = await Api.LinksAsync(created.Id, created.Key);

        // A row per session and role, then two per room: its stage display and its desk.
        Assert.Equal((4 * 5, 2 * 2), (links.Count(r => r["session_id"] != ""), links.Count(r => r["session_id"] == "")));
        Assert.Equal(["participant", "onlineModerator", "onsiteModerator", "rapporteur", "stage"], links.Take(5).Select(r => r["role"]));
        var first = links[0];
        Assert.Equal("Meaningful connectivity", first["session"]);
        Assert.Equal("Main Hall", first["room"]);
        Assert.Equal("2026-12-15 10:00", first["start"]);
        foreach (var row in links.Where(r => r["role"] is not ("participant" or "roomStage" or "roomDesk")))
        {
            await using var client = await SessionClient.ConnectAsync(Server.Address, row["role"]);
            var joined = await client.JoinAsync(row["session_id"], EventApi.KeyOf(links, row["session_id"], row["role"]));
            Assert.Equal(row["role"], char.ToLowerInvariant(joined.Role[0]) + joined.Role[1..]);
        }
        Assert.Equal(imported.Created.Select(s => s.Id).Order(), links.Select(r => r["session_id"]).Where(id => id != "").Distinct().Order());
    }

    private static async Task<(string, HttpStatusCode)> CodeAsync(HttpResponseMessage response)
    {
        var (status, code, _) = await EventApi.ProblemAsync(response);
        return (code, status);
    }
}
