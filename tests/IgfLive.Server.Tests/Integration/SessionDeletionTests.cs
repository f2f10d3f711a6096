using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Server.Tests.Integration;

/// <summary>The organiser deletes a session that has not started: it is gone from every lookup, and its links open nothing.</summary>
public sealed class SessionDeletionTests : IAsyncLifetime
{
    private const string DeletedMessage = "This session was deleted by the organiser.";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
    private TestServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync(_time);
        _http = _server.CreateHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ADeletedSessionIsGoneFromEveryLookupAndEveryoneInItHearsSo()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);

        var response = await _http.DeleteAsync($"/api/sessions/{session.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await cast.AllReachAsync(2);
        foreach (var client in cast.All)
        {
            var deleted = Assert.Single(client.Events);
            Assert.Equal("SessionDeleted", deleted.Type);
            Assert.Equal(session.Id, SessionClient.Data<SessionDeletedData>(deleted).SessionId);
        }
        using var anonymous = _server.CreateHttpClient(bearer: null);
        using var rapporteur = _server.CreateHttpClient(session.Keys["rapporteur"]);
        foreach (var (http, path) in new[]
        {
            (anonymous, $"/api/sessions/{session.Id}"),
            (anonymous, $"/api/sessions/by-code/{session.ParticipantCode}"),
            (rapporteur, $"/api/sessions/{session.Id}/report.md"),
            (_http, $"/api/sessions/{session.Id}/questions.csv"),
        })
        {
            var missing = await http.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal(DeletedMessage, await DetailAsync(missing));
        }
        Assert.DoesNotContain(await ListAsync(), s => s.Id == session.Id);

        await using var late = await SessionClient.ConnectAsync(_server.Address, "late");
        var refused = await late.RefusalAsync("Join", new JoinRequest(session.Id, session.ParticipantCode, null));
        Assert.Equal("not_found", refused.Code);
        Assert.Equal(DeletedMessage, refused.Message);
        Assert.Equal("not_found", await cast.Onsite.RefusedAsync("StartClock"));
        Assert.Equal("not_found", await cast.Alice.RefusedAsync("SubmitQuestion", new SubmitQuestionRequest("Anyone there?", "Alice", null, null, null)));
    }

    [Fact]
    public async Task TheListGivesEachSessionsCreationTimeAndClockStatus()
    {
        var waiting = await Seed.CreateAsync(_server);
        _time.Advance(TimeSpan.FromMinutes(3));
        var running = await Seed.CreateAsync(_server);
        await using var onsite = await SessionClient.ConnectAsync(_server.Address, "onsite");
        await onsite.JoinAsync(running.Id, running.Keys["onsiteModerator"]);
        await onsite.SendAsync("StartClock");

        var list = await ListAsync();

        Assert.Equal(
            new[] { (waiting.Id, _time.GetUtcNow() - TimeSpan.FromMinutes(3), "NotStarted"), (running.Id, _time.GetUtcNow(), "Running") }.Order(),
            list.Select(s => (s.Id, s.CreatedAt, s.Status)).Order());
        await onsite.SendAsync("PauseClock");
        Assert.Equal("Paused", (await ListAsync()).Single(s => s.Id == running.Id).Status);
        await onsite.SendAsync("EndSession");
        Assert.Equal("Ended", (await ListAsync()).Single(s => s.Id == running.Id).Status);
    }

    public static TheoryData<string, string?, string, HttpStatusCode, string> BadDeletes => new()
    {
        // name, bearer ("onsiteModerator": that session's key), session ("started", "deleted", or an id), status, code
        { "no key", null, "waiting", HttpStatusCode.Unauthorized, "unauthorized" },
        { "wrong key", "not-the-organiser-key", "waiting", HttpStatusCode.Unauthorized, "unauthorized" },
        { "a moderator's key", "onsiteModerator", "waiting", HttpStatusCode.Unauthorized, "unauthorized" },
        { "started", TestServer.OrganiserKey, "started", HttpStatusCode.Conflict, "illegal_transition" },
        { "already deleted", TestServer.OrganiserKey, "deleted", HttpStatusCode.NotFound, "not_found" },
        { "unknown", TestServer.OrganiserKey, "nosuchsession", HttpStatusCode.NotFound, "not_found" },
    };

    [Theory]
    [MemberData(nameof(BadDeletes))]
    public async Task ABadDeleteIsRefusedWithACodeAndChangesNothing(string name, string? bearer, string which, HttpStatusCode status, string code)
    {
        var waiting = await Seed.CreateAsync(_server);
        var started = await Seed.CreateAsync(_server);
        await using (var onsite = await SessionClient.ConnectAsync(_server.Address, "onsite"))
        {
            await onsite.JoinAsync(started.Id, started.Keys["onsiteModerator"]);
            await onsite.SendAsync("StartClock");
        }
        var deleted = await Seed.CreateAsync(_server);
        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"/api/sessions/{deleted.Id}", Ct)).StatusCode);
        var store = _server.Services.GetRequiredService<IEventLog>();
        var before = await store.LastSequencesAsync([waiting.Id, started.Id, deleted.Id], Ct);
        var id = which switch { "waiting" => waiting.Id, "started" => started.Id, "deleted" => deleted.Id, _ => which };

        using var http = _server.CreateHttpClient(bearer == "onsiteModerator" ? waiting.Keys["onsiteModerator"] : bearer);
        var response = await http.DeleteAsync($"/api/sessions/{id}", Ct);

        Assert.True(status == response.StatusCode, $"{name}: expected {status}, got {response.StatusCode}");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.Equal(before, await store.LastSequencesAsync([waiting.Id, started.Id, deleted.Id], Ct));
        Assert.Equal(new[] { waiting.Id, started.Id }.Order(), (await ListAsync()).Select(s => s.Id).Order());
    }

    private async Task<SessionListItem[]> ListAsync() =>
        (await _http.GetFromJsonAsync<SessionListItem[]>("/api/sessions", HttpJson.Options, Ct))!;

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("detail").GetString();
    }
}
