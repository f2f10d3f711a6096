using IgfLive.Core.Sessions;
using Microsoft.Data.Sqlite;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>The statements on the events table that run inside the store's write transactions.</summary>
internal static class SqliteEvents
{
    /// <summary>Serializes events up front, so the write transaction only binds text.</summary>
    public static IReadOnlyList<EventRow> Rows(IReadOnlyList<RecordedEvent> events) =>
        [.. events.Select(e => new EventRow(e.Sequence, SqliteRows.ToText(e.At), SqliteRows.TypeName(e.Event), EventJson.Serialize(e.Event)))];

    /// <summary>The session's last sequence, or null when it has no log.</summary>
    public static async Task<long?> LastSequenceAsync(SqliteConnection connection, SqliteTransaction? transaction, string sessionId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A session's row and its first event are written together, so no events means no session.
        command.CommandText = "SELECT MAX(seq) FROM events WHERE session_id = $id;";
        command.Parameters.AddWithValue("$id", sessionId);
        return await command.ExecuteScalarAsync(cancellationToken) is long last ? last : null;
    }

    public static async Task InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sessionId, IReadOnlyList<EventRow> rows, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO events (session_id, seq, recorded_at, type, payload) VALUES ($id, $seq, $at, $type, $payload);";
        insert.Parameters.AddWithValue("$id", sessionId);
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        // One command for the whole batch: SQLite prepares the statement once and rebinds it.
        foreach (var row in rows)
        {
            seq.Value = row.Sequence;
            at.Value = row.At;
            type.Value = row.Type;
            payload.Value = row.Payload;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    internal sealed record EventRow(long Sequence, string At, string Type, string Payload);
}
