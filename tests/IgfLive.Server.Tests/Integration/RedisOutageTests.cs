using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hubs;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// Redis is killed in the middle of a session and started again on the same port and directory:
/// meanwhile commands fail fast with a clear code and the node reports itself not ready; afterwards
/// the node carries on by itself, with every event acknowledged before the outage still there.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    /// <summary>The bound a caller may rely on while Redis is down (Redis:OperationTimeout).</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(2);

    // Its own Redis, since it is going to be killed. appendfsync always: an acknowledged append is
    // on disk before Redis answers, so a SIGKILL cannot take it away.
    private RedisServer _redis = null!;
    private TestServer _node = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync("--appendfsync", "always");
        _node = await TestServer.StartAsync(settings: SharedRedis.ClusterSettings(_redis.Configuration, "outage"));
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task WhileRedisIsDownCommandsFailFastAndTheNodeRecoversByItselfWithNothingLost()
    {
        var ct = TestContext.Current.CancellationToken;
        var session = await Seed.CreateAsync(_node);
        await using var cast = await Roles.JoinAsync(_node, session);
        await cast.Onsite.SendAsync("StartClock");
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Is anything lost when Redis dies?", "Alice", null, null, null));
        await cast.Online.SendAsync("ApproveQuestion", asked.Id);
        await cast.Bob.SendAsync("VoteQuestion", asked.Id);
        var acknowledged = (await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", "Written just before the outage", null, null, null))).Version;
        var store = _node.Services.GetRequiredService<IEventLog>();
        var before = await store.ReadAsync(session.Id, 0, ct);
        Assert.Equal(acknowledged, before.Count);
        await cast.AllReachAsync(acknowledged);
        using var http = _node.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", ct)).StatusCode);

        await _redis.KillAsync();

        // Every role's command fails, each within the bound, with the code clients act on; the
        // circuit opens along the way and later ones fail at once.
        foreach (var (client, method, args) in new (SessionClient, string, object?[])[]
        {
            (cast.Rapporteur, "AddNote", [new AddNoteRequest("Point", "Written during the outage", null, null, null)]),
            (cast.Onsite, "NextSegment", []),
            (cast.Alice, "SubmitQuestion", [new SubmitQuestionRequest("Does this get through?", null, null, null, null)]),
            (cast.Bob, "UnvoteQuestion", [asked.Id]),
            (cast.Online, "ForwardQuestion", [asked.Id]),
            (cast.Onsite, "PauseClock", []),
        })
        {
            var watch = Stopwatch.StartNew();
            Assert.Equal(HubErrors.StoreUnavailable, await client.RefusedAsync(method, args));
            Assert.True(watch.Elapsed <= FailFast, $"{method} took {watch.Elapsed} to fail.");
        }
        var ready = await http.GetAsync("/health/ready", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live", ct)).StatusCode);
        var report = await http.GetAsync($"/api/sessions/{session.Id}/report.md", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
        using (var problem = JsonDocument.Parse(await report.Content.ReadAsStringAsync(ct)))
        {
            Assert.Equal(HubErrors.StoreUnavailable, problem.RootElement.GetProperty("code").GetString());
        }

        await _redis.RestartAsync();

        await Eventually.UntilAsync(
            async () => (await http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the node to report ready again");
        var after = await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", "Written after the outage", null, null, null));
        // Nothing refused during the outage slipped in, and nothing acknowledged before it went missing.
        Assert.Equal(acknowledged + 1, after.Version);
        var log = await store.ReadAsync(session.Id, 0, ct);
        Assert.Equal(before.Select(Describe), log.Take(before.Count).Select(Describe));
        Assert.IsType<Core.Notes.NoteAdded>(log[^1].Event);
        // The session relay is back too: every client hears of the new note.
        await cast.AllReachAsync(after.Version);
    }

    private static string Describe(RecordedEvent e) =>
        $"{e.Sequence} {e.At:O} {EventJson.Serialize(e.Event)}";
}
