using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IgfLive.Server.Access;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>The organiser replaces a role's link: the new key opens the role, and the old one nothing, wherever it is used.</summary>
public sealed class KeyRotationTests : CastTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheNewKeyAndLinkComeBackOnceAndOnlyTheNewKeyOpensTheRole()
    {
        using var http = Server.CreateHttpClient();
        var response = await http.PostAsync($"/api/sessions/{Cast.Session.Id}/keys/onsiteModerator/rotate", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = (await response.Content.ReadFromJsonAsync<RoleKeyResponse>(HttpJson.Options, Ct))!;
        Assert.Equal("onsiteModerator", rotated.Role);
        Assert.NotEqual(Cast.Session.Keys["onsiteModerator"], rotated.Key);
        Assert.Equal($"{Server.Address.ToString().TrimEnd('/')}/s/{Cast.Session.Id}/onsite#key={Uri.EscapeDataString(rotated.Key)}", rotated.Link);

        await using var stale = await SessionClient.ConnectAsync(Server.Address, "onsite with the old link");
        Assert.Equal("unauthorized", await stale.RefusedAsync("Join", new JoinRequest(Cast.Session.Id, Cast.Session.Keys["onsiteModerator"], null)));
        await using var fresh = await SessionClient.ConnectAsync(Server.Address, "onsite with the new link");
        Assert.Equal("OnsiteModerator", (await fresh.JoinAsync(Cast.Session.Id, rotated.Key)).Role);
        var started = await fresh.SendAsync("StartClock");
        // After the rotation (event 2), the start is events 3 and 4.
        Assert.Equal(4, started.Version);
        // The other roles' keys are untouched.
        await using var rapporteur = await SessionClient.ConnectAsync(Server.Address, "rapporteur again");
        Assert.Equal("Rapporteur", (await rapporteur.JoinAsync(Cast.Session.Id, Cast.Session.Keys["rapporteur"])).Role);
    }

    [Fact]
    public async Task AConnectionThatJoinedWithTheOldKeyHasEveryLaterCallRefused()
    {
        await RotateAsync("onsiteModerator");
        var onsite = Cast.Onsite;

        foreach (var (method, args) in new (string, object?[])[] { ("StartClock", []), ("SendStageMessage", ["Two minutes", false]), ("Resync", [0L]), ("GetQueueAdvice", []) })
        {
            var error = await onsite.RefusalAsync(method, args);
            Assert.Equal("unauthorized", error.Code);
            Assert.Equal("This link has been replaced; ask the organiser for the new one.", error.Message);
        }
        Assert.Equal(2, await VersionAsync());
        // Nobody else is affected.
        Assert.Equal(2, (await Cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }

    [Fact]
    public async Task AConnectionThatJoinedWithTheOldKeyHearsOfTheReplacementAndThenNothingMore()
    {
        var rotated = await RotateAsync("onsiteModerator");
        await Cast.AllReachAsync(2);
        Assert.Equal("RoleKeyRotated", Cast.Onsite.Events.Single().Type);

        await using var fresh = await SessionClient.ConnectAsync(Server.Address, "onsite with the new link");
        await fresh.JoinAsync(Cast.Session.Id, rotated.Key);
        await fresh.SendAsync("StartClock");
        await Cast.Online.SendAsync("SendStageMessage", "Two minutes", false);
        // The same broadcasts reach the holders of the current keys; the old key's connection is out of them.
        await Task.WhenAll(fresh.WaitForVersionAsync(4), Cast.Online.WaitForVersionAsync(4), Cast.Stage.WaitForVersionAsync(4), Cast.Alice.WaitForVersionAsync(4));
        Assert.Equal([2L], Cast.Onsite.Events.Select(e => e.Seq));
        Assert.DoesNotContain(Cast.Onsite.Calls, c => c.StartsWith("EventsRecorded 3", StringComparison.Ordinal) || c.StartsWith("EventsRecorded 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadsNeedTheCurrentKey()
    {
        var rotated = await RotateAsync("rapporteur");

        using var old = Server.CreateHttpClient(Cast.Session.Keys["rapporteur"]);
        using var current = Server.CreateHttpClient(rotated.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync($"/api/sessions/{Cast.Session.Id}/report.md", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync($"/api/sessions/{Cast.Session.Id}/questions.csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync($"/api/sessions/{Cast.Session.Id}/report.md", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await current.GetAsync($"/api/sessions/{Cast.Session.Id}/questions.csv", Ct)).StatusCode);
    }

    [Fact]
    public async Task StaffAndTheStageHearWhichRolesLinkWasReplacedAndParticipantsHearNothing()
    {
        var rotated = await RotateAsync("stage");
        await Cast.AllReachAsync(2);

        foreach (var client in new[] { Cast.Online, Cast.Onsite, Cast.Rapporteur, Cast.Stage })
        {
            var e = Assert.Single(client.Events);
            Assert.Equal("RoleKeyRotated", e.Type);
            var data = (JsonElement)e.Data!;
            Assert.Equal("""{"role":"Stage"}""", data.GetRawText());
        }
        Assert.All(new[] { Cast.Alice, Cast.Bob }, p => Assert.Equal(("Hidden", (object?)null), (p.Events.Single().Type, p.Events.Single().Data)));
        var log = await Server.Services.GetRequiredService<IEventLog>().ReadAsync(Cast.Session.Id, 1, Ct);
        Assert.Equal(SecretKeys.Hash(rotated.Key), Assert.IsType<Core.Sessions.RoleKeyRotated>(Assert.Single(log).Event).KeyHash);
    }

    public static TheoryData<string, string?, string, string, HttpStatusCode, string> BadRotations => new()
    {
        // name, bearer, session id ("" for the test's), role, status, code
        { "no key", null, "", "onsiteModerator", HttpStatusCode.Unauthorized, "unauthorized" },
        { "wrong key", "not-the-organiser-key", "", "onsiteModerator", HttpStatusCode.Unauthorized, "unauthorized" },
        { "a moderator's key", "onsiteModerator", "", "onsiteModerator", HttpStatusCode.Unauthorized, "unauthorized" },
        { "unknown role", TestServer.OrganiserKey, "", "moderator", HttpStatusCode.BadRequest, "invalid_input" },
        { "a role's enum name", TestServer.OrganiserKey, "", "OnsiteModerator", HttpStatusCode.BadRequest, "invalid_input" },
        { "the participants", TestServer.OrganiserKey, "", "participant", HttpStatusCode.BadRequest, "invalid_input" },
        { "unknown session", TestServer.OrganiserKey, "nosuchsession", "onsiteModerator", HttpStatusCode.NotFound, "not_found" },
    };

    [Theory]
    [MemberData(nameof(BadRotations))]
    public async Task ABadRotationIsRefusedWithACodeAndChangesNothing(string name, string? bearer, string sessionId, string role, HttpStatusCode status, string code)
    {
        using var http = Server.CreateHttpClient(bearer is not null && Cast.Session.Keys.TryGetValue(bearer, out var key) ? key : bearer);
        var response = await http.PostAsync($"/api/sessions/{(sessionId.Length == 0 ? Cast.Session.Id : sessionId)}/keys/{role}/rotate", null, Ct);

        Assert.True(status == response.StatusCode, $"{name}: expected {status}, got {response.StatusCode}");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(1, await VersionAsync());
        // The onsite moderator's key still opens the role; the start is events 2 and 3.
        Assert.Equal(3, (await Cast.Onsite.SendAsync("StartClock")).Version);
    }

    private async Task<RoleKeyResponse> RotateAsync(string role)
    {
        using var http = Server.CreateHttpClient();
        var response = await http.PostAsync($"/api/sessions/{Cast.Session.Id}/keys/{role}/rotate", null, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RoleKeyResponse>(HttpJson.Options, Ct))!;
    }

    private async Task<long> VersionAsync() =>
        (await Server.Services.GetRequiredService<IEventLog>().LastSequencesAsync([Cast.Session.Id], Ct))[Cast.Session.Id];
}
