using IgfLive.Core.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>The single-node directory of sessions: the <c>sessions</c> table of <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteSessionCatalog(SqliteDatabase database, ILogger<SqliteSessionCatalog> logger) : ISessionCatalog
{
    public async Task<bool> CreateAsync(SessionRecord session, RecordedEvent created, CancellationToken cancellationToken)
    {
        StoreArguments.Create(session, created);
        var rows = SqliteEvents.Rows([created]);

        return await database.WriteAsync(async connection =>
        {
            // Disposing the transaction without committing rolls back, so a refused event row also
            // takes the session row with it.
            await using var transaction = connection.BeginTransaction(deferred: false);
            try
            {
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = $"""
                        INSERT INTO sessions ({SqliteRows.SessionColumns})
                        VALUES ($id, $code, $keyHashes, $title, $startsAt, $timeZone, $room, $createdAt, $eventId);
                        """;
                    SqliteRows.AddSessionParameters(insert, session);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                await SqliteEvents.InsertAsync(connection, transaction, session.Id, rows, cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteDatabase.ConstraintError)
            {
                logger.CreateRefused(session.Id);
                return false;
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        StoreArguments.Session(sessionId);
        return FindOneAsync($"SELECT {SqliteRows.SessionColumns} FROM sessions WHERE id = $value;", sessionId, cancellationToken);
    }

    public Task<SessionRecord?> FindByCodeAsync(string participantCode, CancellationToken cancellationToken)
    {
        StoreArguments.Code(participantCode);
        // The column's NOCASE collation makes this comparison case-insensitive and lets it use the unique index.
        return FindOneAsync($"SELECT {SqliteRows.SessionColumns} FROM sessions WHERE participant_code = $value;", participantCode, cancellationToken);
    }

    public async Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteRows.SessionColumns} FROM sessions;";
        var sessions = new List<SessionRecord>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sessions.Add(SqliteRows.ReadSession(reader));
            }
        }
        // Sorted here, not by ORDER BY starts_at: round-trip text keeps each start's own offset, and
        // text order is not time order across offsets (15:00+01:00 is before 14:30+00:00).
        return [.. sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    private async Task<SessionRecord?> FindOneAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteRows.ReadSession(reader) : null;
    }
}
