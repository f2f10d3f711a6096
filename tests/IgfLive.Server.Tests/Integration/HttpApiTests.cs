using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>The organisers' HTTP surface, and every kind of bad request it must refuse clearly.</summary>
public sealed class HttpApiTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _http = _server.CreateHttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ParsingTheSeedAgendaPreviewsSixSegmentsAndTheUnreadHeading()
    {
        var response = await _http.PostAsync("/api/agenda/parse", new StringContent(Seed.AgendaText, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var minutes = json.RootElement.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("minutes").GetInt32());
        Assert.Equal([5, 40, 20, 15, 5, 5], minutes);
        Assert.Contains(json.RootElement.GetProperty("unread").EnumerateArray(), u => u.GetProperty("text").GetString()!.Contains("Discussion facilitation", StringComparison.Ordinal));
        Assert.Equal(90, json.RootElement.GetProperty("totalMinutes").GetInt32());
    }

    [Fact]
    public async Task ASessionCreatedFromSegmentsHasLinksForEveryRoleAndAPublicSummary()
    {
        var response = await _http.PostAsJsonAsync("/api/sessions", new
        {
            title = "Main session: Digital cooperation",
            startsAt = "2026-12-02T10:00",
            timeZone = "Asia/Riyadh",
            room = "Plenary",
            speakers = new[] { new { name = "Ana", organisation = "UNDESA" } },
            agenda = new object[]
            {
                new { title = "Opening", minutes = 5 },
                new { title = "Panel", minutes = 30, kind = "Discussion", slots = new[] { new { speaker = "Ana", minutes = 6 } } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<SessionCreatedResponse>(HttpJson.Options))!;
        Assert.Equal($"/api/sessions/{created.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(["onlineModerator", "onsiteModerator", "participant", "rapporteur", "stage"], created.Links.Keys.Order());
        Assert.EndsWith($"/join/{created.ParticipantCode}", created.Links["participant"], StringComparison.Ordinal);
        Assert.Contains("#key=", created.Links["onsiteModerator"], StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(3)), created.Session.StartsAt);
        Assert.Equal("s1", created.Session.Segments[1].Slots[0].SpeakerId);

        using var anonymous = _server.CreateHttpClient(bearer: null);
        var summary = await anonymous.GetFromJsonAsync<SessionSummary>($"/api/sessions/{created.Id}", HttpJson.Options);
        Assert.Equal("Main session: Digital cooperation", summary!.Session.Title);
        Assert.Equal("NotStarted", summary.Clock.Status);
        var byCode = await anonymous.GetFromJsonAsync<SessionSummary>($"/api/sessions/by-code/{created.ParticipantCode.ToLowerInvariant()}", HttpJson.Options);
        Assert.Equal(created.Id, byCode!.Session.Id);

        var list = await _http.GetFromJsonAsync<SessionListItem[]>("/api/sessions", HttpJson.Options);
        Assert.Contains(list!, s => s.Id == created.Id);
    }

    [Fact]
    public async Task HealthEndpointsAnswer()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/ready")).StatusCode);
    }

    public static TheoryData<string, string?, string, HttpStatusCode, string> BadCreates => new()
    {
        // name, bearer, body, status, code
        { "no key", null, "{}", HttpStatusCode.Unauthorized, "unauthorized" },
        { "wrong key", "not-the-organiser-key", "{}", HttpStatusCode.Unauthorized, "unauthorized" },
        { "malformed JSON", TestServer.OrganiserKey, "{\"title\": \"x\",", HttpStatusCode.BadRequest, "invalid_json" },
        { "wrong JSON type", TestServer.OrganiserKey, "{\"title\": 42}", HttpStatusCode.BadRequest, "invalid_json" },
        { "empty body", TestServer.OrganiserKey, "", HttpStatusCode.BadRequest, "invalid_json" },
        { "missing fields", TestServer.OrganiserKey, "{}", HttpStatusCode.BadRequest, "invalid_input" },
        { "unknown time zone", TestServer.OrganiserKey, """{"title":"t","startsAt":"2026-12-02T10:00","timeZone":"Mars/Olympus","agenda":[{"title":"a","minutes":5}]}""", HttpStatusCode.BadRequest, "invalid_input" },
        { "zero minutes", TestServer.OrganiserKey, """{"title":"t","startsAt":"2026-12-02T10:00","timeZone":"UTC","agenda":[{"title":"a","minutes":0}]}""", HttpStatusCode.BadRequest, "invalid_input" },
        { "oversized title", TestServer.OrganiserKey, $$"""{"title":"{{new string('t', 201)}}","startsAt":"2026-12-02T10:00","timeZone":"UTC","agenda":[{"title":"a","minutes":5}]}""", HttpStatusCode.BadRequest, "invalid_input" },
        { "unreadable agenda text", TestServer.OrganiserKey, """{"title":"t","startsAt":"2026-12-02T10:00","timeZone":"UTC","agendaText":"We will talk for a while."}""", HttpStatusCode.BadRequest, "invalid_input" },
        { "both agendas", TestServer.OrganiserKey, """{"title":"t","startsAt":"2026-12-02T10:00","timeZone":"UTC","agenda":[{"title":"a","minutes":5}],"agendaText":"Opening (5 min)"}""", HttpStatusCode.BadRequest, "invalid_input" },
        { "unknown slot speaker", TestServer.OrganiserKey, """{"title":"t","startsAt":"2026-12-02T10:00","timeZone":"UTC","agenda":[{"title":"a","minutes":5,"slots":[{"speaker":"ghost","minutes":2}]}]}""", HttpStatusCode.BadRequest, "invalid_input" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public async Task ABadCreateRequestIsRefusedWithACodeAndCreatesNothing(string name, string? bearer, string body, HttpStatusCode status, string code)
    {
        using var http = _server.CreateHttpClient(bearer);
        var response = await http.PostAsync("/api/sessions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(status == response.StatusCode, $"{name}: expected {status}, got {response.StatusCode}");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.Empty((await _http.GetFromJsonAsync<SessionListItem[]>("/api/sessions", HttpJson.Options))!);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedBeforeItIsRead()
    {
        var huge = new StringContent(new string('x', SessionEndpoints.MaxCreateBytes + 1), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _http.PostAsync("/api/sessions", huge)).StatusCode);
        var agenda = new StringContent(new string('x', AgendaEndpoints.MaxAgendaBytes + 1), Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _http.PostAsync("/api/agenda/parse", agenda)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsync("/api/agenda/parse", new StringContent("  ", Encoding.UTF8, "text/plain"))).StatusCode);
    }

    [Fact]
    public async Task UnknownSessionsAreNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/sessions/nosuch")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/sessions/nosuch/report.md")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/sessions/nosuch/questions.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/api/sessions/by-code/ZZZZZZ")).StatusCode);
    }

    [Fact]
    public async Task TheQuestionLogKeepsFormulasAsText()
    {
        var session = await Seed.CreateAsync(_server);
        await using var alice = await SessionClient.ConnectAsync(_server.Address, "alice");
        await alice.JoinAsync(session.Id, session.ParticipantCode);
        await alice.SendAsync("SubmitQuestion", new Contracts.SubmitQuestionRequest("=HYPERLINK(\"http://evil\",\"click\")", "Mallory, \"M\"", null, null, null));

        using var http = _server.CreateHttpClient(session.Keys["onlineModerator"]);
        var csv = await http.GetStringAsync($"/api/sessions/{session.Id}/questions.csv");
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",", csv, StringComparison.Ordinal);
        Assert.Contains(",\"Mallory, \"\"M\"\"\",", csv, StringComparison.Ordinal);
    }
}
