using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>The single-node events: the <c>programmes</c> table of <see cref="SqliteDatabase"/>, one row per event.</summary>
public sealed class SqliteProgrammeStore(SqliteDatabase database) : IProgrammeStore
{
    public async Task<bool> CreateAsync(EventRecord record, EventProgramme programme, CancellationToken cancellationToken)
    {
        StoreArguments.CreateEvent(record, programme);
        return await database.WriteAsync(async connection =>
        {
            await using var insert = connection.CreateCommand();
            // OR IGNORE: a taken id inserts nothing, which the count of changed rows tells.
            insert.CommandText = """
                INSERT OR IGNORE INTO programmes (event_id, record, version, programme, created_at)
                VALUES ($id, $record, 0, $programme, $createdAt);
                """;
            insert.Parameters.AddWithValue("$id", record.Id);
            insert.Parameters.AddWithValue("$record", JsonSerializer.Serialize(record, StoredJsonContext.Default.EventRecord));
            insert.Parameters.AddWithValue("$programme", JsonSerializer.Serialize(programme, StoredJsonContext.Default.EventProgramme));
            insert.Parameters.AddWithValue("$createdAt", SqliteRows.ToText(record.CreatedAt));
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public async Task<StoredEvent?> FindAsync(string eventId, CancellationToken cancellationToken)
    {
        StoreArguments.Event(eventId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record, programme FROM programmes WHERE event_id = $id;";
        command.Parameters.AddWithValue("$id", eventId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredEvent(ReadRecord(reader.GetString(0)), ReadProgramme(reader.GetString(1)))
            : null;
    }

    public async Task<bool> SaveAsync(string eventId, EventProgramme programme, CancellationToken cancellationToken)
    {
        StoreArguments.SaveProgramme(eventId, programme);
        return await database.WriteAsync(async connection =>
        {
            await using var update = connection.CreateCommand();
            // The version check and the write are one statement, so two saves cannot both replace version N.
            update.CommandText = "UPDATE programmes SET programme = $programme, version = $version WHERE event_id = $id AND version = $expected;";
            update.Parameters.AddWithValue("$id", eventId);
            update.Parameters.AddWithValue("$programme", JsonSerializer.Serialize(programme, StoredJsonContext.Default.EventProgramme));
            update.Parameters.AddWithValue("$version", programme.Version);
            update.Parameters.AddWithValue("$expected", programme.Version - 1);
            return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<EventRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM programmes;";
        var records = new List<EventRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(ReadRecord(reader.GetString(0)));
            }
        }
        return [.. records.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static EventRecord ReadRecord(string json) =>
        JsonSerializer.Deserialize(json, StoredJsonContext.Default.EventRecord) ?? throw new JsonException("A stored event record was null.");

    private static EventProgramme ReadProgramme(string json) =>
        JsonSerializer.Deserialize(json, StoredJsonContext.Default.EventProgramme) ?? throw new JsonException("A stored programme was null.");
}
