using System.Globalization;
using IgfLive.Core.Notes;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Storage;

/// <summary>
/// What every <see cref="ISessionStore"/> promises. Each store's test class inherits these tests
/// and supplies a fresh, empty store per test.
/// </summary>
public abstract class SessionStoreContractTests
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    /// <summary>An empty store no other test sees.</summary>
    protected abstract Task<ISessionStore> CreateStoreAsync();

    [Fact]
    public async Task ACreatedSessionIsFoundByIdAndByItsCodeInAnyCase()
    {
        var store = await CreateStoreAsync();
        var session = TestEvents.Record("ws133", "Ws133x");

        Assert.True(await store.CreateAsync(session, TestEvents.Created(), Ct));

        AssertSameSession(session, await store.FindAsync("ws133", Ct));
        AssertSameSession(session, await store.FindByCodeAsync("Ws133x", Ct));
        AssertSameSession(session, await store.FindByCodeAsync("WS133X", Ct));
        AssertSameSession(session, await store.FindByCodeAsync("ws133x", Ct));
        Assert.Null(await store.FindAsync("ws134", Ct));
        Assert.Null(await store.FindByCodeAsync("WS134X", Ct));
    }

    [Fact]
    public async Task ACreatedSessionsLogStartsWithItsCreatedEvent()
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();

        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));

        AssertSameEvents([created], await store.ReadAsync("ws133", 0, Ct));
    }

    [Fact]
    public async Task ListingReturnsEverySessionByScheduledStartWhateverItsOffset()
    {
        var store = await CreateStoreAsync();
        Assert.Empty(await store.ListAsync(Ct));
        // Inserted out of order, and with offsets chosen so that the text of the start times sorts
        // differently from the instants: 14:30+00:00 is after 15:00+01:00.
        var late = TestEvents.Record("late", "LATE", new DateTimeOffset(2017, 12, 19, 14, 30, 0, TimeSpan.Zero));
        var early = TestEvents.Record("early", "EARLY", new DateTimeOffset(2017, 12, 19, 15, 0, 0, TimeSpan.FromHours(1)));
        var earliest = TestEvents.Record("earliest", "EARLIEST", new DateTimeOffset(2017, 12, 18, 10, 0, 0, TimeSpan.FromHours(-5)));
        foreach (var session in new[] { late, early, earliest })
        {
            Assert.True(await store.CreateAsync(session, TestEvents.Created(), Ct));
        }

        var listed = await store.ListAsync(Ct);

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
        Assert.True(await store.CreateAsync(original, created, Ct));

        Assert.False(await store.CreateAsync(TestEvents.Record("ws133", "SECOND"), TestEvents.Created("An impostor"), Ct));

        AssertSameSession(original, await store.FindAsync("ws133", Ct));
        Assert.Null(await store.FindByCodeAsync("SECOND", Ct));
        AssertSameEvents([created], await store.ReadAsync("ws133", 0, Ct));
        Assert.Single(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task CreatingASessionWithATakenCodeInAnotherCaseWritesNothing()
    {
        var store = await CreateStoreAsync();
        var original = TestEvents.Record("ws133", "SHARE1");
        Assert.True(await store.CreateAsync(original, TestEvents.Created(), Ct));

        Assert.False(await store.CreateAsync(TestEvents.Record("ws134", "share1"), TestEvents.Created(), Ct));

        Assert.Null(await store.FindAsync("ws134", Ct));
        Assert.Empty(await store.ReadAsync("ws134", 0, Ct));
        AssertSameSession(original, await store.FindByCodeAsync("share1", Ct));
        Assert.Single(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task AppendingAtTheExpectedVersionStoresTheEventsExactlyAsGiven()
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));
        var first = TestEvents.SampleRun(1);
        var second = TestEvents.SampleRun(1 + first.Count);

        Assert.True(await store.AppendAsync("ws133", 1, first, Ct));
        Assert.True(await store.AppendAsync("ws133", first.Count + 1, second, Ct));

        AssertSameEvents([created, .. first, .. second], await store.ReadAsync("ws133", 0, Ct));
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
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));
        var run = TestEvents.SampleRun(1);
        Assert.True(await store.AppendAsync("ws133", 1, run, Ct));

        Assert.False(await store.AppendAsync("ws133", expectedVersion, TestEvents.SampleRun(expectedVersion), Ct));

        AssertSameEvents([created, .. run], await store.ReadAsync("ws133", 0, Ct));
    }

    [Fact]
    public async Task AppendingToAnUnknownSessionFails()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.False(await store.AppendAsync("ws999", 1, TestEvents.SampleRun(1), Ct));
        Assert.False(await store.AppendAsync("ws999", 0, TestEvents.SampleRun(0), Ct));

        Assert.Empty(await store.ReadAsync("ws999", 0, Ct));
        Assert.Single(await store.ReadAsync("ws133", 0, Ct));
    }

    [Fact]
    public async Task AppendingEventsThatDoNotContinueTheExpectedVersionIsAProgrammingError()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        var gap = new[] { TestEvents.Note(2, "two"), TestEvents.Note(4, "four") };
        var wrongStart = new[] { TestEvents.Note(3, "three") };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync("ws133", 1, gap, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync("ws133", 1, wrongStart, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.AppendAsync("ws133", 1, [], Ct));

        Assert.Single(await store.ReadAsync("ws133", 0, Ct));
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
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));
        var run = TestEvents.SampleRun(1);
        Assert.True(await store.AppendAsync("ws133", 1, run, Ct));
        RecordedEvent[] log = [created, .. run];
        Assert.Equal(14, log.Length);

        var read = await store.ReadAsync("ws133", afterSequence, Ct);

        AssertSameEvents([.. log.Where(e => e.Sequence > afterSequence)], read);
    }

    [Fact]
    public async Task ReadingAnUnknownSessionReturnsNothing()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.Empty(await store.ReadAsync("ws999", 0, Ct));
    }

    [Fact]
    public async Task TheLastSequencesOfManySessionsAreAnsweredTogetherAndAnUnknownOneIsAtZero()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.True(await store.CreateAsync(TestEvents.Record("ws134", "WS134"), TestEvents.Created(), Ct));
        var run = TestEvents.SampleRun(1);
        Assert.True(await store.AppendAsync("ws133", 1, run, Ct));

        var last = await store.LastSequencesAsync(["ws133", "ws134", "ws999"], Ct);

        Assert.Equal(new Dictionary<string, long> { ["ws133"] = 1 + run.Count, ["ws134"] = 1, ["ws999"] = 0 }, last);
        Assert.Empty(await store.LastSequencesAsync([], Ct));
    }

    [Fact]
    public async Task ThePeakOfParticipantsOnlineOnlyEverRises()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.True(await store.CreateAsync(TestEvents.Record("ws134", "WS134"), TestEvents.Created(), Ct));
        Assert.Equal(PresenceCount.None, await store.GetPresenceAsync("ws133", Ct));

        Assert.Equal(new PresenceCount(57, 57), await store.ReportPresenceAsync("ws133", "node-a", 57, Lease, Ct));
        Assert.Equal(new PresenceCount(12, 57), await store.ReportPresenceAsync("ws133", "node-a", 12, Lease, Ct));
        Assert.Equal(new PresenceCount(57, 57), await store.ReportPresenceAsync("ws133", "node-a", 57, Lease, Ct));
        Assert.Equal(new PresenceCount(58, 58), await store.ReportPresenceAsync("ws133", "node-a", 58, Lease, Ct));
        Assert.Equal(new PresenceCount(3, 3), await store.ReportPresenceAsync("ws134", "node-a", 3, Lease, Ct));

        Assert.Equal(new PresenceCount(58, 58), await store.GetPresenceAsync("ws133", Ct));
        Assert.Equal(new PresenceCount(3, 3), await store.GetPresenceAsync("ws134", Ct));
    }

    [Fact]
    public async Task ParticipantsOnlineAreAddedUpOverEveryNodeAndANodeCanWithdraw()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.Equal(new PresenceCount(40, 40), await store.ReportPresenceAsync("ws133", "node-a", 40, Lease, Ct));
        Assert.Equal(new PresenceCount(65, 65), await store.ReportPresenceAsync("ws133", "node-b", 25, Lease, Ct));
        // Reports state a count; repeating one adds nothing.
        Assert.Equal(new PresenceCount(65, 65), await store.ReportPresenceAsync("ws133", "node-b", 25, Lease, Ct));
        Assert.Equal(new PresenceCount(25, 65), await store.ReportPresenceAsync("ws133", "node-a", 0, Lease, Ct));

        Assert.Equal(new PresenceCount(25, 65), await store.GetPresenceAsync("ws133", Ct));
    }

    [Fact]
    public async Task ANodeThatStopsReportingStopsCountingWhenItsLeaseRunsOut()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.Equal(new PresenceCount(30, 30), await store.ReportPresenceAsync("ws133", "node-a", 30, Lease, Ct));

        // node-b reports once with a short lease and then, as if it died, never again.
        Assert.Equal(new PresenceCount(50, 50), await store.ReportPresenceAsync("ws133", "node-b", 20, TimeSpan.FromMilliseconds(200), Ct));

        await Eventually.UntilAsync(async () => (await store.GetPresenceAsync("ws133", Ct)).Online == 30, TimeSpan.FromSeconds(10), "node-b's lease to run out");
        Assert.Equal(new PresenceCount(32, 50), await store.ReportPresenceAsync("ws133", "node-a", 32, Lease, Ct));
    }

    [Fact]
    public async Task PresenceInAnUnknownSessionIsNobodyAndIsNotStored()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.Equal(PresenceCount.None, await store.ReportPresenceAsync("ws999", "node-a", 12, Lease, Ct));

        Assert.Equal(PresenceCount.None, await store.GetPresenceAsync("ws999", Ct));
        Assert.Equal(PresenceCount.None, await store.GetPresenceAsync("ws133", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ReportPresenceAsync("ws133", "node-a", -1, Lease, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ReportPresenceAsync("ws133", "", 1, Lease, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ReportPresenceAsync("ws133", "node-a", 1, TimeSpan.Zero, Ct));
    }

    [Fact]
    public async Task AReachableStoreAnswersAPing()
    {
        var store = await CreateStoreAsync();

        // Fails the test by throwing if the store cannot be reached.
        await store.PingAsync(Ct);
    }

    [Fact]
    public async Task ConcurrentAppendsNeverLoseOrDuplicateAnEvent()
    {
        const int Writers = 32;
        const int EventsPerWriter = 25;
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
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
                    var missed = await store.ReadAsync("ws133", version, Ct);
                    version = missed.Count > 0 ? missed[^1].Sequence : version;
                    if (await store.AppendAsync("ws133", version, [TestEvents.Note(version + 1, NoteText(writer, n))], Ct))
                    {
                        version++;
                        break;
                    }
                }
            }
        }, Ct)).ToArray();
        go.SetResult();
        await Task.WhenAll(writers);

        var log = await store.ReadAsync("ws133", 0, Ct);
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
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
        Assert.True(await store.AppendAsync("ws133", 1, TestEvents.SampleRun(1), Ct));
        Assert.Null(await store.ReadSnapshotAsync("ws133", Ct));
        const string AtFive = """{"state":"at five","text":"Trust — «quoted» 信任"}""";

        Assert.True(await store.SaveSnapshotAsync("ws133", 5, AtFive, Ct));
        Assert.Equal(new StoredSnapshot(5, AtFive), await store.ReadSnapshotAsync("ws133", Ct));

        Assert.False(await store.SaveSnapshotAsync("ws133", 5, "same version, other state", Ct));
        Assert.False(await store.SaveSnapshotAsync("ws133", 3, "older", Ct));
        Assert.Equal(new StoredSnapshot(5, AtFive), await store.ReadSnapshotAsync("ws133", Ct));

        Assert.True(await store.SaveSnapshotAsync("ws133", 14, "at the end of the log", Ct));
        Assert.Equal(new StoredSnapshot(14, "at the end of the log"), await store.ReadSnapshotAsync("ws133", Ct));
    }

    [Fact]
    public async Task ASnapshotPastTheEndOfTheLogOrOfAnUnknownSessionIsRefused()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        Assert.False(await store.SaveSnapshotAsync("ws133", 2, "ahead of the log", Ct));
        Assert.False(await store.SaveSnapshotAsync("ws999", 1, "no such session", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveSnapshotAsync("ws133", 0, "before the log", Ct));

        Assert.Null(await store.ReadSnapshotAsync("ws133", Ct));
        Assert.Null(await store.ReadSnapshotAsync("ws999", Ct));
    }

    [Fact]
    public async Task SnapshotsNeverTrimTheLog()
    {
        var store = await CreateStoreAsync();
        var created = TestEvents.Created();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), created, Ct));
        var run = TestEvents.SampleRun(1);
        Assert.True(await store.AppendAsync("ws133", 1, run, Ct));

        Assert.True(await store.SaveSnapshotAsync("ws133", 14, "everything so far", Ct));

        AssertSameEvents([created, .. run], await store.ReadAsync("ws133", 0, Ct));
        Assert.True(await store.AppendAsync("ws133", 14, [TestEvents.Note(15, "after the snapshot")], Ct));
        Assert.Equal(15, (await store.ReadAsync("ws133", 0, Ct)).Count);
    }

    [Fact]
    public async Task TwoAppendsRacingForTheSameVersionHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync();
        Assert.True(await store.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        await AssertRacingAppendsHaveOneWinnerAsync(store, store, "ws133", rounds: 50);
    }

    /// <summary>
    /// Round after round, two appends at the log's current version start together, one through each
    /// store; exactly one must win and the log must hold the winner's event.
    /// </summary>
    protected static async Task AssertRacingAppendsHaveOneWinnerAsync(ISessionStore first, ISessionStore second, string sessionId, int rounds)
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
                $"{s.Id} | {s.ParticipantCode} | {s.Title} | {s.StartsAt:O} | {s.TimeZone} | {s.Room ?? "(no room)"} | {s.CreatedAt:O} | {keys}");
        }
        Assert.Equal(Describe(expected), Describe(actual));
    }

    private static string NoteText(int writer, int n) => string.Create(CultureInfo.InvariantCulture, $"writer {writer} note {n}");
}
