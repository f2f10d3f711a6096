using Microsoft.Data.Sqlite;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>The statements on the snapshots table: one row per session, only ever replaced by a later version.</summary>
internal static class SqliteSnapshots
{
    /// <summary>Stores the snapshot unless one at this version or later is stored; true when stored.</summary>
    public static async Task<bool> SaveAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sessionId, long version, string state, CancellationToken cancellationToken)
    {
        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        // The WHERE keeps a slower writer's older snapshot from replacing a newer one.
        upsert.CommandText = """
            INSERT INTO snapshots (session_id, version, state) VALUES ($id, $version, $state)
            ON CONFLICT (session_id) DO UPDATE SET version = excluded.version, state = excluded.state
            WHERE excluded.version > snapshots.version;
            """;
        upsert.Parameters.AddWithValue("$id", sessionId);
        upsert.Parameters.AddWithValue("$version", version);
        upsert.Parameters.AddWithValue("$state", state);
        return await upsert.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public static async Task<StoredSnapshot?> ReadAsync(SqliteConnection connection, string sessionId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, state FROM snapshots WHERE session_id = $id;";
        command.Parameters.AddWithValue("$id", sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredSnapshot(reader.GetInt64(0), reader.GetString(1)) : null;
    }
}
