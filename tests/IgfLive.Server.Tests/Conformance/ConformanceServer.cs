using System.Net.Http.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Events;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>
/// One server for a conformance test class, and a fresh session with the whole cast for each check,
/// so that checks never see each other's events. The session has a segment of every kind, given by
/// its wire string, and one with two speaker slots.
/// </summary>
public sealed class ConformanceServer : IAsyncLifetime
{
    /// <summary>The agenda's segment kinds, in order, as the organiser gives them.</summary>
    public static readonly string[] SegmentKinds = ["Opening", "Presentations", "Discussion", "QuestionsAndAnswers", "Takeaways", "Other"];

    /// <summary>The segment with speaker slots (han, then zhong).</summary>
    public const int SlotsSegment = 1;

    public TestServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await TestServer.StartAsync(settings: new Dictionary<string, string?>
    {
        // Checks call quickly and often; the limits are the rate-limit tests' business.
        ["Limits:CallsPerSecond"] = "1000",
        ["Limits:QuestionsPerMinute"] = "1000",
        ["Limits:VotesPerMinute"] = "1000",
    });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Creates a session and joins the cast, each on their own connection.</summary>
    public async Task<Roles> NewCastAsync() => await Roles.JoinAsync(Server, await CreateSessionAsync());

    /// <summary>The snapshot a new connection joining with <paramref name="key"/> (a role's key, or the participant code) gets now.</summary>
    public async Task<SnapshotDto> SnapshotAsync(Roles cast, string key, string? participantToken = null)
    {
        ArgumentNullException.ThrowIfNull(cast);
        await using var again = await SessionClient.ConnectAsync(Server.Address, "joining again");
        return (await again.JoinAsync(cast.Session.Id, key, participantToken)).Snapshot;
    }

    /// <summary>
    /// The cast of the one session of an event's programme, joined with the links its links.csv gives;
    /// <see cref="RescheduleAsync"/> moves it by importing the programme again.
    /// </summary>
    public async Task<(Roles Cast, EventCreatedResponse Event)> NewEventCastAsync()
    {
        var api = new EventApi(Server);
        var created = await api.CreateAsync("Conformance event", "Europe/Zurich");
        await api.ImportAsync(created.Id, created.Key, EventProgramme("10:00"));
        var links = await api.LinksAsync(created.Id, created.Key);
        var id = links[0]["session_id"];
        var participant = links.Single(r => r["session_id"] == id && r["role"] == "participant")["link"];
        var keys = ((string[])["onsiteModerator", "onlineModerator", "rapporteur", "stage"]).ToDictionary(r => r, r => EventApi.KeyOf(links, id, r));
        using var http = Server.CreateHttpClient(bearer: null);
        var summary = await http.GetFromJsonAsync<SessionSummary>($"/api/sessions/{id}", HttpJson.Options, TestContext.Current.CancellationToken);
        var session = new SessionCreatedResponse(id, participant[(participant.LastIndexOf('/') + 1)..], new Dictionary<string, string>(), keys, summary!.Session, []);
        return (await Roles.JoinAsync(Server, session), created);
    }

    /// <summary>Imports the event's programme again with its session at <paramref name="start"/>.</summary>
    public async Task RescheduleAsync(EventCreatedResponse created, string start)
    {
        ArgumentNullException.ThrowIfNull(created);
        await new EventApi(Server).ImportAsync(created.Id, created.Key, EventProgramme(start));
    }

    private static string EventProgramme(string start) =>
        "external id,title,date,start,duration,room,agenda\r\n"
        + $"C-1,Conformance workshop,2026-11-23,{start},30,Room XXIV,\"1. Opening (10 min)\n2. Discussion (20 min)\"\r\n";

    public async Task<SessionCreatedResponse> CreateSessionAsync()
    {
        using var http = Server.CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/sessions", new
        {
            title = "Conformance workshop",
            startsAt = "2026-11-23T15:00:00+01:00",
            timeZone = "Europe/Zurich",
            speakers = new[] { new { id = "han", name = "Liyun Han" }, new { id = "zhong", name = "Rui Zhong" } },
            agenda = SegmentKinds.Select((kind, i) => new
            {
                title = $"Part {i + 1}",
                minutes = 10,
                kind,
                slots = i == SlotsSegment ? new[] { new { speaker = "han", minutes = 5 }, new { speaker = "zhong", minutes = 5 } } : null,
            }),
        }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Creating the conformance session failed: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<SessionCreatedResponse>(body, HttpJson.Options)!;
    }
}
