using System.Globalization;
using IgfLive.Core.Notes;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Storage;

// The contract of IEventLog: appends, reads and snapshots.
public abstract partial class SessionStoreContractTests
{
    [Fact]
    public async Task AppendingAtTheExpectedVersionStoresTheEventsExactlyAsGiven()
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));
        var first = TestEvents.SampleRun(1);
        var second = TestEvents.SampleRun(1 + first.Count);

        Assert.True(await store.Log.AppendAsync("ws133", 1, first, Ct));
        Assert.True(await store.Log.AppendAsync("ws133", first.Count + 1, second, Ct));

        AssertSameEvents([created, .. first, .. second], await store.Log.ReadAsync("ws133", 0, Ct));
    }

    [Theory]
    [InlineData(0)] // the log is at 1 + the run: every stale version is refused
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)] // ahead of the log
    public async Task AppendingAtAnyOtherVersionFailsAndWritesNothing(long expectedVersion)
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));
        var run = TestEvents.SampleRun(1);
        Assert.True(await store.Log.AppendAsync("ws133", 1, run, Ct));

        Assert.False(await store.Log.AppendAsync("ws133", expectedVersion, TestEvents.SampleRun(expectedVersion), Ct));

        AssertSameEvents([created, .. run], await store.Log.ReadAsync("ws133", 0, Ct));
    }

    [Fact]
    public async Task AppendingToAnUnknownSessionFails()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.False(await store.Log.AppendAsync("ws999", 1, TestEvents.SampleRun(1), Ct));
        Assert.False(await store.Log.AppendAsync("ws999", 0, TestEvents.SampleRun(0), Ct));

        Assert.Empty(await store.Log.ReadAsync("ws999", 0, Ct));
        Assert.Single(await store.Log.ReadAsync("ws133", 0, Ct));
    }

    [Fact]
    public async Task AppendingEventsThatDoNotContinueTheExpectedVersionIsAProgrammingError()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        var gap = new[] { TestEvents.Note(2, "two"), TestEvents.Note(4, "four") };
        var wrongStart = new[] { TestEvents.Note(3, "three") };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Log.AppendAsync("ws133", 1, gap, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Log.AppendAsync("ws133", 1, wrongStart, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Log.AppendAsync("ws133", 1, [], Ct));

        Assert.Single(await store.Log.ReadAsync("ws133", 0, Ct));
    }

    [Theory]
    [InlineData(-3)] // before the log: everything
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(14)] // the last event
    [InlineData(15)] // beyond it
    public async Task ReadingAfterASequenceReturnsExactlyTheEventsAfterIt(long afterSequence)
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));
        var run = TestEvents.SampleRun(1);
        Assert.True(await store.Log.AppendAsync("ws133", 1, run, Ct));
        RecordedEvent[] log = [created, .. run];
        Assert.Equal(14, log.Length);

        var read = await store.Log.ReadAsync("ws133", afterSequence, Ct);

        AssertSameEvents([.. log.Where(e => e.Sequence > afterSequence)], read);
    }

    [Fact]
    public async Task ReadingAnUnknownSessionReturnsNothing()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.Empty(await store.Log.ReadAsync("ws999", 0, Ct));
    }

    [Fact]
    public async Task TheLastSequencesOfManySessionsAreAnsweredTogetherAndAnUnknownOneIsAtZero()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws134", "WS134"), TestEvents.Created(), Ct));
        var run = TestEvents.SampleRun(1);
        Assert.True(await store.Log.AppendAsync("ws133", 1, run, Ct));

        var last = await store.Log.LastSequencesAsync(["ws133", "ws134", "ws999"], Ct);

        Assert.Equal(new Dictionary<string, long> { ["ws133"] = 1 + run.Count, ["ws134"] = 1, ["ws999"] = 0 }, last);
        Assert.Empty(await store.Log.LastSequencesAsync([], Ct));
    }

    [Fact]
    public async Task AMissingArgumentOrANegativeVersionToTheLogIsAProgrammingErrorAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Log.AppendAsync(null!, 1, [TestEvents.Note(2, "two")], Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Log.AppendAsync("ws133", 1, null!, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Log.AppendAsync("ws133", 1, [null!], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Log.AppendAsync("ws133", -1, [TestEvents.Note(0, "zero")], Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Log.ReadAsync(null!, 0, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Log.LastSequencesAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Log.SaveSnapshotAsync(null!, 1, "state", Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Log.SaveSnapshotAsync("ws133", 1, null!, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Log.SaveSnapshotAsync("ws133", -1, "state", Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.Log.ReadSnapshotAsync(null!, Ct));

        AssertSameEvents([created], await store.Log.ReadAsync("ws133", 0, Ct));
        Assert.Null(await store.Log.ReadSnapshotAsync("ws133", Ct));
    }

    [Fact]
    public async Task ConcurrentAppendsNeverLoseOrDuplicateAnEvent()
    {
        const int Writers = 32;
        const int EventsPerWriter = 25;
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each writer does what the command service does: catch up, append at the version it knows,
        // and on a conflict catch up again and retry.
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            await go.Task;
            var version = 0L;
            for (var n = 0; n < EventsPerWriter; n++)
            {
                while (true)
                {
                    var missed = await store.Log.ReadAsync("ws133", version, Ct);
                    version = missed.Count > 0 ? missed[^1].Sequence : version;
                    if (await store.Log.AppendAsync("ws133", version, [TestEvents.Note(version + 1, NoteText(writer, n))], Ct))
                    {
                        version++;
                        break;
                    }
                }
            }
        }, Ct)).ToArray();
        go.SetResult();
        await Task.WhenAll(writers);

        var log = await store.Log.ReadAsync("ws133", 0, Ct);
        Assert.Equal(Enumerable.Range(1, (Writers * EventsPerWriter) + 1).Select(i => (long)i), log.Select(e => e.Sequence));
        Assert.IsType<SessionCreated>(log[0].Event);
        var notes = log.Skip(1).Select(e => Assert.IsType<NoteAdded>(e.Event).Text).ToList();
        for (var writer = 0; writer < Writers; writer++)
        {
            // Every note of this writer exactly once, in the order it wrote them.
            var writerId = writer.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(
                Enumerable.Range(0, EventsPerWriter).Select(n => NoteText(writer, n)),
                notes.Where(text => text.Split(' ')[1] == writerId));
        }
        Assert.Equal(Writers * EventsPerWriter, notes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task ASnapshotReadsBackAsSavedAndOnlyALaterOneReplacesIt()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.True(await store.Log.AppendAsync("ws133", 1, TestEvents.SampleRun(1), Ct));
        Assert.Null(await store.Log.ReadSnapshotAsync("ws133", Ct));
        const string AtFive = """{"state":"at five","text":"Trust — «quoted» 信任"}""";

        Assert.True(await store.Log.SaveSnapshotAsync("ws133", 5, AtFive, Ct));
        Assert.Equal(new StoredSnapshot(5, AtFive), await store.Log.ReadSnapshotAsync("ws133", Ct));

        Assert.False(await store.Log.SaveSnapshotAsync("ws133", 5, "same version, other state", Ct));
        Assert.False(await store.Log.SaveSnapshotAsync("ws133", 3, "older", Ct));
        Assert.Equal(new StoredSnapshot(5, AtFive), await store.Log.ReadSnapshotAsync("ws133", Ct));

        Assert.True(await store.Log.SaveSnapshotAsync("ws133", 14, "at the end of the log", Ct));
        Assert.Equal(new StoredSnapshot(14, "at the end of the log"), await store.Log.ReadSnapshotAsync("ws133", Ct));
    }

    [Fact]
    public async Task ASnapshotPastTheEndOfTheLogOrOfAnUnknownSessionIsRefused()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.False(await store.Log.SaveSnapshotAsync("ws133", 2, "ahead of the log", Ct));
        Assert.False(await store.Log.SaveSnapshotAsync("ws999", 1, "no such session", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.Log.SaveSnapshotAsync("ws133", 0, "before the log", Ct));

        Assert.Null(await store.Log.ReadSnapshotAsync("ws133", Ct));
        Assert.Null(await store.Log.ReadSnapshotAsync("ws999", Ct));
    }

    [Fact]
    public async Task SnapshotsNeverTrimTheLog()
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));
        var run = TestEvents.SampleRun(1);
        Assert.True(await store.Log.AppendAsync("ws133", 1, run, Ct));

        Assert.True(await store.Log.SaveSnapshotAsync("ws133", 14, "everything so far", Ct));

        AssertSameEvents([created, .. run], await store.Log.ReadAsync("ws133", 0, Ct));
        Assert.True(await store.Log.AppendAsync("ws133", 14, [TestEvents.Note(15, "after the snapshot")], Ct));
        Assert.Equal(15, (await store.Log.ReadAsync("ws133", 0, Ct)).Count);
    }

    [Fact]
    public async Task TwoAppendsRacingForTheSameVersionHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        await AssertRacingAppendsHaveOneWinnerAsync(store.Log, store.Log, "ws133", rounds: 50);
    }
}
