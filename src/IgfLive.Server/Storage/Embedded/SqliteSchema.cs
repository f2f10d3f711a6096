using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>The database layout and the per-connection settings the store's guarantees rest on.</summary>
internal static class SqliteSchema
{
    /// <summary>
    /// 2 added the snapshots table; 3 the event programmes and each session's event. An older file
    /// gains what it lacks on first open and keeps its data.
    /// </summary>
    public const long Version = 3;

    /// <summary>
    /// Run on every connection the store opens: both settings belong to the connection, not to the
    /// file. <c>synchronous=FULL</c> makes each commit fsync the WAL before returning, so an append that
    /// returned true survives a killed process and a power cut (NORMAL would only survive the former).
    /// The busy timeout makes a writer wait for another process's write lock instead of failing.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;";

    // participant_code is NOCASE so the unique index itself refuses "ABC" next to "abc" and serves
    // the case-insensitive lookup. Timestamps are round-trip ("O") text so offsets come back as given.
    // events has no rowid because (session_id, seq) is the only way it is ever read.
    // snapshots holds one folded state per session, only ever replaced by a later one.
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS sessions (
            id               TEXT NOT NULL PRIMARY KEY,
            participant_code TEXT NOT NULL UNIQUE COLLATE NOCASE,
            key_hashes       TEXT NOT NULL,
            title            TEXT NOT NULL,
            starts_at        TEXT NOT NULL,
            time_zone        TEXT NOT NULL,
            room             TEXT NULL,
            created_at       TEXT NOT NULL,
            peak_online      INTEGER NOT NULL DEFAULT 0,
            event_id         TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS events (
            session_id  TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            recorded_at TEXT NOT NULL,
            type        TEXT NOT NULL,
            payload     TEXT NOT NULL,
            PRIMARY KEY (session_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS snapshots (
            session_id  TEXT NOT NULL PRIMARY KEY,
            version     INTEGER NOT NULL,
            state       TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS programmes (
            event_id    TEXT NOT NULL PRIMARY KEY,
            record      TEXT NOT NULL,
            version     INTEGER NOT NULL,
            programme   TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        """;

    /// <summary>What a file made before version 3 lacks that CREATE TABLE IF NOT EXISTS cannot add.</summary>
    private const string AddEventColumn = "ALTER TABLE sessions ADD COLUMN event_id TEXT NULL;";

    /// <summary>Brings a freshly opened database to <see cref="Version"/>; returns whether it had to create it.</summary>
    /// <exception cref="InvalidOperationException">The file was written by a newer build.</exception>
    public static async Task<bool> EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers run beside the writer and is remembered by the file. It cannot be switched
        // inside a transaction, so it goes first.
        var mode = await ScalarAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The session database could not be switched to WAL mode (it reports '{mode}').");
        }

        // IMMEDIATE so that two processes opening a new file at once do not both create it.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var found = Convert.ToInt64(await ScalarAsync(connection, transaction, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
        if (found > Version)
        {
            throw new InvalidOperationException(
                $"The session database has schema version {found}; this build understands up to {Version}. Refusing to touch it.");
        }
        if (found == Version)
        {
            return false;
        }

        // Every statement is CREATE ... IF NOT EXISTS, so the same script brings an older file up to date.
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            // user_version cannot be parameterised; Version is a compile-time constant.
            var upgrade = found is > 0 and < 3 ? AddEventColumn : string.Empty;
            create.CommandText = CreateTables + upgrade + $"PRAGMA user_version = {Version.ToString(CultureInfo.InvariantCulture)};";
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
