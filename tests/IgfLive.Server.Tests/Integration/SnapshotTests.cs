using System.Text.Json;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// A long session is loaded from its latest snapshot plus the events after it, on a node that has
/// never seen it; the state is the same as folding the whole log, and resync still hands out the
/// exact events, because the log is never trimmed.
/// </summary>
public sealed class SnapshotTests(SharedRedis redis) : IAsyncLifetime
{
    private const int SnapshotEvery = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly List<TestServer> _nodes = [];
    private string _prefix = null!;

    public ValueTask InitializeAsync()
    {
        _prefix = redis.NewPrefix();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task ANodeThatNeverSawTheSessionLoadsTheSameStateFromTheSnapshotAndResyncIsExact()
    {
        var first = await NodeAsync();
        var (session, last) = await LongSessionAsync(first, notes: 25);
        var store = first.Services.GetRequiredService<IEventLog>();
        var log = await store.ReadAsync(session.Id, 0, Ct);
        Assert.Equal(last, log.Count);
        var snapshot = await store.ReadSnapshotAsync(session.Id, Ct);
        Assert.NotNull(snapshot);
        Assert.True(snapshot.Version >= last - SnapshotEvery, $"The latest snapshot is at {snapshot.Version} of {last}.");

        var second = await NodeAsync();
        var loaded = await second.Services.GetRequiredService<SessionService>().GetStateAsync(session.Id, Ct);

        Assert.Equal(Json(SessionState.Fold(session.Id, log)), Json(loaded!));
        await using var late = await SessionClient.ConnectAsync(second.Address, "rapporteur joining late");
        await late.JoinAsync(session.Id, session.Keys["rapporteur"]);
        var resync = await late.CallAsync<ResyncResult>("Resync", 0L);
        Assert.Equal(log.Select(e => (e.Sequence, e.At, e.Event.GetType().Name)), resync.Events.Select(e => (e.Seq, e.At, e.Type)));
    }

    [Fact]
    public async Task ANodeLoadsFromTheSnapshotInsteadOfReplayingTheLog()
    {
        // A snapshot that disagrees with the log on purpose shows which one the node read.
        var first = await NodeAsync();
        var (session, last) = await LongSessionAsync(first, notes: 11);
        var store = first.Services.GetRequiredService<IEventLog>();
        var truth = SessionState.Fold(session.Id, await store.ReadAsync(session.Id, 0, Ct));
        var planted = truth with { Definition = truth.Definition with { Title = "Planted in the snapshot" } };
        Assert.True(await store.SaveSnapshotAsync(session.Id, last, StateSnapshots.Write(planted), Ct));

        var second = await NodeAsync();
        var loaded = await second.Services.GetRequiredService<SessionService>().GetStateAsync(session.Id, Ct);

        Assert.Equal("Planted in the snapshot", loaded!.Definition.Title);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"format":999,"state":{}}""")]
    [InlineData("""{"format":1,"state":{"sessionId":"someone-else"}}""")]
    public async Task ASnapshotThatCannotBeTrustedIsIgnoredAndTheLogIsFolded(string damaged)
    {
        var first = await NodeAsync();
        var (session, last) = await LongSessionAsync(first, notes: 11);
        var store = first.Services.GetRequiredService<IEventLog>();
        Assert.True(await store.SaveSnapshotAsync(session.Id, last, damaged, Ct));

        var second = await NodeAsync();
        var loaded = await second.Services.GetRequiredService<SessionService>().GetStateAsync(session.Id, Ct);

        Assert.Equal(Json(SessionState.Fold(session.Id, await store.ReadAsync(session.Id, 0, Ct))), Json(loaded!));
    }

    [Fact]
    public async Task TheEmbeddedStoreKeepsSnapshotsToo()
    {
        var node = await TestServer.StartAsync(settings: Settings());
        _nodes.Add(node);
        var (session, last) = await LongSessionAsync(node, notes: 25);

        var snapshot = await node.Services.GetRequiredService<IEventLog>().ReadSnapshotAsync(session.Id, Ct);

        Assert.NotNull(snapshot);
        Assert.True(snapshot.Version > last - SnapshotEvery);
        Assert.Equal(snapshot.Version, StateSnapshots.TryRead(session.Id, snapshot)?.Version);
    }

    private async Task<TestServer> NodeAsync()
    {
        var node = await TestServer.StartAsync(settings: redis.NodeSettings(_prefix, Settings()));
        _nodes.Add(node);
        return node;
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["IgfLive:SnapshotEvery"] = SnapshotEvery.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Limits:CallsPerSecond"] = "1000",
        ["Limits:QuestionsPerMinute"] = "100",
    };

    /// <summary>
    /// A session with questions, votes, clock moves and <paramref name="notes"/> notes; returns its last
    /// version (8 + notes: 11 notes end at 19, a version the node has not snapshotted itself, so a test can plant one there).
    /// </summary>
    private static async Task<(Endpoints.SessionCreatedResponse Session, long Last)> LongSessionAsync(TestServer node, int notes)
    {
        var session = await Seed.CreateAsync(node);
        await using var cast = await Roles.JoinAsync(node, session);
        await cast.Onsite.SendAsync("StartClock");
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Will this survive a snapshot?", "Alice", null, null, null));
        await cast.Online.SendAsync("ApproveQuestion", asked.Id);
        await cast.Bob.SendAsync("VoteQuestion", asked.Id);
        await cast.Onsite.SendAsync("NextSegment");
        await cast.Onsite.SendAsync("SendStageMessage", "Two minutes", false);
        var last = 0L;
        for (var i = 0; i < notes; i++)
        {
            last = (await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", $"Point {i}", null, null, null))).Version;
        }
        return (session, last);
    }

    private static string Json(SessionState state) => JsonSerializer.Serialize(state, EventJson.Options);
}
