using System.Globalization;
using IgfLive.Server.Storage;
using IgfLive.Server.Storage.Embedded;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Tests.Storage;

/// <summary>The contract, plus what only a store on local disk has to get right. Every store lives in its own temp directory.</summary>
public sealed class SqliteSessionStoreTests : SessionStoreContractTests, IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("igflive-store-");
    private readonly List<SqliteDatabase> _databases = [];

    protected override Task<StoreUnderTest> CreateStoreAsync() =>
        Task.FromResult(Open(Path.Combine(_root.FullName, $"store-{_databases.Count}")));

    [Fact]
    public async Task EverythingStoredSurvivesReopeningTheDatabase()
    {
        var directory = Path.Combine(_root.FullName, "data");
        var session = TestEvents.Record("ws133", "WS133");
        var created = TestEvents.Created();
        var run = TestEvents.SampleRun(1);
        using (var database = OpenDatabase(directory))
        {
            var before = Parts(database);
            Assert.True(await before.Catalog.CreateAsync(session, created, Ct));
            Assert.True(await before.Log.AppendAsync("ws133", 1, run, Ct));
            Assert.Equal(new PresenceCount(140, 140), await before.Presence.ReportPresenceAsync("ws133", "node", 140, TimeSpan.FromMinutes(1), Ct));
        }

        var after = Open(directory);

        AssertSameSession(session, await after.Catalog.FindAsync("ws133", Ct));
        AssertSameSession(session, await after.Catalog.FindByCodeAsync("ws133", Ct));
        AssertSameEvents([created, .. run], await after.Log.ReadAsync("ws133", 0, Ct));
        // The peak is history and kept; who was online is not (a restarted node has nobody connected).
        Assert.Equal(new PresenceCount(0, 140), await after.Presence.GetPresenceAsync("ws133", Ct));
        Assert.True(await after.Log.AppendAsync("ws133", run.Count + 1, [TestEvents.Note(run.Count + 2, "after the restart")], Ct));
    }

    [Fact]
    public async Task AMissingDataDirectoryIsCreated()
    {
        var directory = Path.Combine(_root.FullName, "not", "yet", "there");
        var database = OpenDatabase(directory);
        Assert.False(Directory.Exists(directory));

        await database.PingAsync(Ct);

        Assert.True(File.Exists(Path.Combine(directory, SqliteDatabase.DatabaseFileName)));
        Assert.Equal(Path.Combine(directory, SqliteDatabase.DatabaseFileName), database.DatabasePath);
    }

    [Fact]
    public async Task EveryConnectionUsesTheWalJournalAndSyncsEachCommit()
    {
        var database = OpenDatabase(Path.Combine(_root.FullName, "data"));

        await using var connection = await database.OpenConnectionAsync(Ct);

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal(2L, await PragmaAsync(connection, "synchronous")); // 2 = FULL
        Assert.Equal(5000L, await PragmaAsync(connection, "busy_timeout"));
        Assert.Equal(SqliteSchema.Version, await PragmaAsync(connection, "user_version"));
    }

    [Fact]
    public async Task TwoStoresOnOneFileStillLetExactlyOneAppendWinEachVersion()
    {
        // Two instances have two write gates, so only SQLite's own locking stands between them, as it
        // would between two processes.
        var directory = Path.Combine(_root.FullName, "data");
        var first = Open(directory);
        var second = Open(directory);
        Assert.True(await first.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));

        await AssertRacingAppendsHaveOneWinnerAsync(first.Log, second.Log, "ws133", rounds: 25);
    }

    [Fact]
    public async Task ADatabaseFromANewerSchemaIsLeftUntouched()
    {
        var directory = Path.Combine(_root.FullName, "data");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, SqliteDatabase.DatabaseFileName);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SqliteSchema.Version + 1};";
            await command.ExecuteNonQueryAsync(Ct);
        }
        var store = Open(directory);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Probe.PingAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Catalog.CreateAsync(TestEvents.Record("ws133", "WS133"), TestEvents.Created(), Ct));
    }

    [Fact]
    public async Task ADatabaseWrittenBeforeSnapshotsExistedGainsThemAndKeepsEverything()
    {
        var directory = Path.Combine(_root.FullName, "data");
        Directory.CreateDirectory(directory);
        var created = TestEvents.Created();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteDatabase.DatabaseFileName)};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            // Schema version 1 exactly as the first release wrote it, with one session in it.
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE sessions (
                    id TEXT NOT NULL PRIMARY KEY, participant_code TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    key_hashes TEXT NOT NULL, title TEXT NOT NULL, starts_at TEXT NOT NULL, time_zone TEXT NOT NULL,
                    room TEXT NULL, created_at TEXT NOT NULL, peak_online INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE events (
                    session_id TEXT NOT NULL, seq INTEGER NOT NULL, recorded_at TEXT NOT NULL, type TEXT NOT NULL,
                    payload TEXT NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
                INSERT INTO sessions VALUES ('ws133', 'WS133', '{}', 'Session ws133', '2017-12-19T15:00:00.0000000+01:00', 'Europe/Zurich', NULL, '2017-11-30T09:15:00.0000000+08:00', 31);
                INSERT INTO events VALUES ('ws133', 1, $at, 'SessionCreated', $payload);
                PRAGMA user_version = 1;
                """;
            command.Parameters.AddWithValue("$at", created.At.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$payload", EventJson.Serialize(created.Event));
            await command.ExecuteNonQueryAsync(Ct);
        }

        var database = OpenDatabase(directory);
        var store = Parts(database);

        Assert.Equal("Session ws133", (await store.Catalog.FindAsync("ws133", Ct))?.Title);
        AssertSameEvents([created], await store.Log.ReadAsync("ws133", 0, Ct));
        Assert.Equal(31, (await store.Presence.GetPresenceAsync("ws133", Ct)).Peak);
        Assert.True(await store.Log.SaveSnapshotAsync("ws133", 1, "state", Ct));
        Assert.Equal(new StoredSnapshot(1, "state"), await store.Log.ReadSnapshotAsync("ws133", Ct));
        await using var reopened = await database.OpenConnectionAsync(Ct);
        Assert.Equal(SqliteSchema.Version, await PragmaAsync(reopened, "user_version"));
    }

    [Fact]
    public async Task APingFailsWhenTheDataDirectoryCannotBeMade()
    {
        var blocker = Path.Combine(_root.FullName, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory", Ct);
        var store = Open(Path.Combine(blocker, "data"));

        await Assert.ThrowsAnyAsync<IOException>(() => store.Probe.PingAsync(Ct));
    }

    [Fact]
    public async Task ADisposedStoreRefusesWork()
    {
        var database = OpenDatabase(Path.Combine(_root.FullName, "data"));
        var store = Parts(database);
        await store.Probe.PingAsync(Ct);

        database.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.Probe.PingAsync(Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.Log.AppendAsync("ws133", 1, [TestEvents.Note(2, "late")], Ct));
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
        _root.Delete(recursive: true);
    }

    private StoreUnderTest Open(string dataDirectory) => Parts(OpenDatabase(dataDirectory));

    private SqliteDatabase OpenDatabase(string dataDirectory)
    {
        var database = new SqliteDatabase(
            Options.Create(new EmbeddedStoreOptions { DataDirectory = dataDirectory }),
            NullLogger<SqliteDatabase>.Instance);
        _databases.Add(database);
        return database;
    }

    /// <summary>The store's parts as the embedded registration puts them together, on <paramref name="database"/>.</summary>
    private static StoreUnderTest Parts(SqliteDatabase database) => new(
        new SqliteEventLog(database, NullLogger<SqliteEventLog>.Instance),
        new SqliteSessionCatalog(database, NullLogger<SqliteSessionCatalog>.Instance),
        new SqlitePresenceStore(database),
        database,
        new SqliteProgrammeStore(database));

    private static async Task<object?> PragmaAsync(SqliteConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync(Ct);
    }
}
