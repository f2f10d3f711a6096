using IgfLive.Core.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>The single-node event log: the <c>events</c> and <c>snapshots</c> tables of <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteEventLog(SqliteDatabase database, ILogger<SqliteEventLog> logger) : IEventLog
{
    public async Task<bool> AppendAsync(string sessionId, long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        StoreArguments.Append(sessionId, expectedVersion, events);
        // Serialized before taking the write gate to keep the time under it short.
        var rows = SqliteEvents.Rows(events);

        return await database.WriteAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var last = await SqliteEvents.LastSequenceAsync(connection, transaction, sessionId, cancellationToken);
            if (last is null)
            {
                logger.AppendToUnknownSession(sessionId);
                return false;
            }
            if (last != expectedVersion)
            {
                logger.AppendConflict(sessionId, expectedVersion, last.Value);
                return false;
            }
            try
            {
                await SqliteEvents.InsertAsync(connection, transaction, sessionId, rows, cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteDatabase.ConstraintError)
            {
                // The primary key is the last line of defence should the check above ever be bypassed.
                logger.AppendConstraintViolation(sessionId, expectedVersion);
                return false;
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAsync(string sessionId, long afterSequence, CancellationToken cancellationToken)
    {
        StoreArguments.Session(sessionId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, recorded_at, payload FROM events WHERE session_id = $id AND seq > $after ORDER BY seq;";
        command.Parameters.AddWithValue("$id", sessionId);
        command.Parameters.AddWithValue("$after", afterSequence);
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(SqliteRows.ReadEvent(reader));
        }
        return events;
    }

    public async Task<IReadOnlyDictionary<string, long>> LastSequencesAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        StoreArguments.Sessions(sessionIds);
        var last = new Dictionary<string, long>(sessionIds.Count, StringComparer.Ordinal);
        if (sessionIds.Count == 0)
        {
            return last;
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var sessionId in sessionIds)
        {
            last[sessionId] = await SqliteEvents.LastSequenceAsync(connection, null, sessionId, cancellationToken) ?? 0;
        }
        return last;
    }

    public async Task<bool> SaveSnapshotAsync(string sessionId, long version, string state, CancellationToken cancellationToken)
    {
        StoreArguments.Snapshot(sessionId, version, state);

        return await database.WriteAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var last = await SqliteEvents.LastSequenceAsync(connection, transaction, sessionId, cancellationToken);
            if (last is null || version > last)
            {
                return false;
            }
            var saved = await SqliteSnapshots.SaveAsync(connection, transaction, sessionId, version, state, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return saved;
        }, cancellationToken);
    }

    public async Task<StoredSnapshot?> ReadSnapshotAsync(string sessionId, CancellationToken cancellationToken)
    {
        StoreArguments.Session(sessionId);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await SqliteSnapshots.ReadAsync(connection, sessionId, cancellationToken);
    }
}
