using System.Globalization;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Storage;

/// <summary>
/// What every store promises, through its <see cref="IEventLog"/>, <see cref="ISessionCatalog"/>,
/// <see cref="IPresenceStore"/> and <see cref="IStoreProbe"/>. Each store's test class inherits these tests
/// and supplies a fresh, empty store per test.
/// </summary>
public abstract partial class SessionStoreContractTests
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An empty store no other test sees.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task ACreatedSessionIsFoundByIdAndByItsCodeInAnyCase()
    {
        var store = await CreateStoreAsync();
        var session = TestEvents.Record("ws133", "Ws133x");

        Assert.True(await store.Catalog.CreateAsync(session, TestEvents.Created(), Ct));

        AssertSameSession(session, await store.Catalog.FindAsync("ws133", Ct));
        AssertSameSession(session, await store.Catalog.FindByCodeAsync("Ws133x", Ct));
        AssertSameSession(session, await store.Catalog.FindByCodeAsync("WS133X", Ct));
        AssertSameSession(session, await store.Catalog.FindByCodeAsync("ws133x", Ct));
        Assert.Null(await store.Catalog.FindAsync("ws134", Ct));
        Assert.Null(await store.Catalog.FindByCodeAsync("WS134X", Ct));
    }

    [Fact]
    public async Task ACreatedSessionsLogStartsWithItsCreatedEvent()
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();

        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));

        AssertSameEvents([created], await store.Log.ReadAsync("ws133", 0, Ct));
    }

    [Fact]
    public async Task ListingReturnsEverySessionByScheduledStartWhateverItsOffset()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.Catalog.ListAsync(Ct));
        // Inserted out of order, and with offsets chosen so that the text of the start times sorts
        // differently from the instants: 14:30+00:00 is after 15:00+01:00.
        var late = TestEvents.Record("late", "LATE", new DateTimeOffset(2017, 12, 19, 14, 30, 0, TimeSpan.Zero));
        var early = TestEvents.Record("early", "EARLY", new DateTimeOffset(2017, 12, 19, 15, 0, 0, TimeSpan.FromHours(1)));
        var earliest = TestEvents.Record("earliest", "EARLIEST", new DateTimeOffset(2017, 12, 18, 10, 0, 0, TimeSpan.FromHours(-5)));
        foreach (var session in new[] { late, early, earliest })
        {
            Assert.True(await store.Catalog.CreateAsync(session, TestEvents.Created(), Ct));
        }

        var listed = await store.Catalog.ListAsync(Ct);

        Assert.Equal(["earliest", "early", "late"], listed.Select(s => s.Id));
        AssertSameSession(earliest, listed[0]);
        AssertSameSession(early, listed[1]);
        AssertSameSession(late, listed[2]);
    }

    [Fact]
    public async Task CreatingASessionWithATakenIdWritesNothing()
    {
        var store = await CreateStoreAsync();
        var original = TestEvents.Record("ws133", "FIRST");
        var created = TestEvents.Created();
        Assert.True(await store.Catalog.CreateAsync(original, created, Ct));

        Assert.False(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "SECOND"), TestEvents.Created("An impostor"), Ct));

        AssertSameSession(original, await store.Catalog.FindAsync("ws133", Ct));
        Assert.Null(await store.Catalog.FindByCodeAsync("SECOND", Ct));
        AssertSameEvents([created], await store.Log.ReadAsync("ws133", 0, Ct));
        Assert.Single(await store.Catalog.ListAsync(Ct));
    }

    [Fact]
    public async Task CreatingASessionWithATakenCodeInAnotherCaseWritesNothing()
    {
        var store = await CreateStoreAsync();
        var original = TestEvents.Record("ws133", "SHARE1");
        Assert.True(await store.Catalog.CreateAsync(original, TestEvents.Created(), Ct));

        Assert.False(await store.Catalog.CreateAsync(TestEvents.Record("ws134", "share1"), TestEvents.Created(), Ct));

        Assert.Null(await store.Catalog.FindAsync("ws134", Ct));
        Assert.Empty(await store.Log.ReadAsync("ws134", 0, Ct));
        AssertSameSession(original, await store.Catalog.FindByCodeAsync("share1", Ct));
        Assert.Single(await store.Catalog.ListAsync(Ct));
    }

    [Fact]
    public async Task CreatingASessionWhoseLogDoesNotStartAtOneIsAProgrammingErrorAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created() with { Sequence = 2 };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));

        Assert.Null(await store.Catalog.FindAsync("ws133", Ct));
        Assert.Null(await store.Catalog.FindByCodeAsync("WS133", Ct));
        Assert.Empty(await store.Catalog.ListAsync(Ct));
        Assert.Empty(await store.Log.ReadAsync("ws133", 0, Ct));
    }

    [Fact]
    public async Task AMissingArgumentToTheCatalogIsAProgrammingErrorAndWritesNothing()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Catalog.CreateAsync(null!, TestEvents.Created(), Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), null!, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Catalog.FindAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Catalog.FindByCodeAsync(null!, Ct));

        Assert.Empty(await store.Catalog.ListAsync(Ct));
        Assert.Null(await store.Catalog.FindByCodeAsync("WS133", Ct));
    }

    [Fact]
    public async Task AReachableStoreAnswersAPing()
    {
        var store = await CreateStoreAsync();

        // Fails the test by throwing if the store cannot be reached.
        await store.Probe.PingAsync(Ct);
    }

    /// <summary>
    /// Round after round, two appends at the log's current version start together, one through each
    /// store; exactly one must win and the log must hold the winner's event.
    /// </summary>
    protected static async Task AssertRacingAppendsHaveOneWinnerAsync(IEventLog first, IEventLog second, string sessionId, int rounds)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var version = (await first.ReadAsync(sessionId, 0, Ct))[^1].Sequence;
        for (var round = 0; round < rounds; round++)
        {
            var fromFirst = TestEvents.Note(version + 1, $"round {round} from the first writer");
            var fromSecond = TestEvents.Note(version + 1, $"round {round} from the second writer");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = new[]
            {
                Task.Run(async () => { await go.Task; return await first.AppendAsync(sessionId, version, [fromFirst], Ct); }, Ct),
                Task.Run(async () => { await go.Task; return await second.AppendAsync(sessionId, version, [fromSecond], Ct); }, Ct),
            };
            go.SetResult();
            var won = await Task.WhenAll(racers);

            Assert.Equal(1, won.Count(w => w));
            AssertSameEvents([won[0] ? fromFirst : fromSecond], await second.ReadAsync(sessionId, version, Ct));
            version++;
        }
    }

    protected static void AssertSameEvents(IReadOnlyList<RecordedEvent> expected, IReadOnlyList<RecordedEvent> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        // Records holding lists compare those lists by reference, so events are compared by their
        // stored form; the "O" timestamp catches a lost tick or a changed offset.
        static string Describe(RecordedEvent e) =>
            string.Create(CultureInfo.InvariantCulture, $"{e.Sequence} @ {e.At:O} {EventJson.Serialize(e.Event)}");
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
    }

    protected static void AssertSameSession(SessionRecord expected, SessionRecord? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.NotNull(actual);
        static string Describe(SessionRecord s)
        {
            var keys = string.Join(", ", s.KeyHashes.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}"));
            return string.Create(CultureInfo.InvariantCulture,
                $"{s.Id} | {s.ParticipantCode} | {s.Title} | {s.StartsAt:O} | {s.TimeZone} | {s.Room ?? "(no room)"} | {s.CreatedAt:O} | {s.EventId ?? "(no event)"} | {keys}");
        }
        Assert.Equal(Describe(expected), Describe(actual));
    }

    private static string NoteText(int writer, int n) => string.Create(CultureInfo.InvariantCulture, $"writer {writer} note {n}");
}
