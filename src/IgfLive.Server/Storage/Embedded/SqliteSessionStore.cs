using IgfLive.Core.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>
/// The single-node store: one SQLite file in WAL mode, every commit fsynced. Each operation opens its
/// own (pooled) connection, so callers on any thread can use the store at once.
/// </summary>
/// <remarks>
/// SQLite allows one writer at a time. Writers in this process queue on an async gate instead of
/// blocking threads in SQLite's busy handler; the write transaction is still <c>BEGIN IMMEDIATE</c>
/// with the version check inside it, which is what makes appends correct when another process (or
/// a second instance) writes to the same file. Many writers retrying on one session still cost one
/// failed attempt each per successful append; keeping a hot session's commands in line is the
/// session service's job, not the store's.
/// <para>
/// Who is online is not history: the nodes' presence reports live in this process's memory (a
/// restarted node starts with nobody connected anyway); only the peak is written to the file.
/// </para>
/// </remarks>
public sealed class SqliteSessionStore : ISessionStore, IDisposable
{
    public const string DatabaseFileName = "igflive.db";

    // SQLITE_CONSTRAINT: a primary key or unique index refused the row.
    private const int SqliteConstraint = 19;

    private readonly string _dataDirectory;
    private readonly string _connectionString;
    private readonly ILogger<SqliteSessionStore> _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly PresenceLeases _presence = new();
    private volatile bool _schemaReady;
    private volatile bool _disposed;

    public SqliteSessionStore(IOptions<EmbeddedStoreOptions> options, ILogger<SqliteSessionStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _dataDirectory = Path.GetFullPath(options.Value.DataDirectory);
        DatabasePath = Path.Combine(_dataDirectory, DatabaseFileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Seconds Microsoft.Data.Sqlite keeps retrying a busy statement; matches busy_timeout.
            DefaultTimeout = 5,
        }.ToString();
    }

    public string DatabasePath { get; }

    public async Task<bool> CreateAsync(SessionRecord session, RecordedEvent created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(created);
        if (created.Sequence != 1)
        {
            throw new ArgumentException($"A session's log starts at sequence 1, not {created.Sequence}.", nameof(created));
        }
        var rows = SqliteEvents.Rows([created]);

        return await WriteAsync(async connection =>
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
                        VALUES ($id, $code, $keyHashes, $title, $startsAt, $timeZone, $room, $createdAt);
                        """;
                    SqliteRows.AddSessionParameters(insert, session);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                await SqliteEvents.InsertAsync(connection, transaction, session.Id, rows, cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
            {
                _logger.CreateRefused(session.Id);
                return false;
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return FindOneAsync($"SELECT {SqliteRows.SessionColumns} FROM sessions WHERE id = $value;", sessionId, cancellationToken);
    }

    public Task<SessionRecord?> FindByCodeAsync(string participantCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participantCode);
        // The column's NOCASE collation makes this comparison case-insensitive and lets it use the unique index.
        return FindOneAsync($"SELECT {SqliteRows.SessionColumns} FROM sessions WHERE participant_code = $value;", participantCode, cancellationToken);
    }

    public async Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
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

    public async Task<bool> AppendAsync(string sessionId, long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (events.Count == 0)
        {
            throw new ArgumentException("There is nothing to append.", nameof(events));
        }
        for (var i = 0; i < events.Count; i++)
        {
            var wanted = expectedVersion + 1 + i;
            if (events[i] is null || events[i].Sequence != wanted)
            {
                throw new ArgumentException(
                    $"Appending after {expectedVersion}, event {i} must have sequence {wanted}, not {events[i]?.Sequence}.", nameof(events));
            }
        }
        // Serialized before taking the write gate to keep the time under it short.
        var rows = SqliteEvents.Rows(events);

        return await WriteAsync(async connection =>
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var last = await SqliteEvents.LastSequenceAsync(connection, transaction, sessionId, cancellationToken);
            if (last is null)
            {
                _logger.AppendToUnknownSession(sessionId);
                return false;
            }
            if (last != expectedVersion)
            {
                _logger.AppendConflict(sessionId, expectedVersion, last.Value);
                return false;
            }
            try
            {
                await SqliteEvents.InsertAsync(connection, transaction, sessionId, rows, cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
            {
                // The primary key is the last line of defence should the check above ever be bypassed.
                _logger.AppendConstraintViolation(sessionId, expectedVersion);
                return false;
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, long>> LastSequencesAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        var last = new Dictionary<string, long>(sessionIds.Count, StringComparer.Ordinal);
        if (sessionIds.Count == 0)
        {
            return last;
        }
        await using var connection = await OpenConnectionAsync(cancellationToken);
        foreach (var sessionId in sessionIds)
        {
            last[sessionId] = await SqliteEvents.LastSequenceAsync(connection, null, sessionId, cancellationToken) ?? 0;
        }
        return last;
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAsync(string sessionId, long afterSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
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

    public async Task<PresenceCount> ReportPresenceAsync(string sessionId, string nodeId, int online, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentOutOfRangeException.ThrowIfNegative(online);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (await ReadPeakAsync(sessionId, cancellationToken) is not { } peak)
        {
            return PresenceCount.None;
        }
        var total = _presence.Report(sessionId, nodeId, online, lease);
        // The peak only rises, so a total at or below the peak read above needs no write (and no fsync).
        if (total <= peak)
        {
            return new PresenceCount(total, peak);
        }
        return await WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE sessions SET peak_online = MAX(peak_online, $online) WHERE id = $id RETURNING peak_online;";
            command.Parameters.AddWithValue("$id", sessionId);
            command.Parameters.AddWithValue("$online", total);
            return new PresenceCount(total, await command.ExecuteScalarAsync(cancellationToken) is long stored ? (int)stored : total);
        }, cancellationToken);
    }

    public async Task<PresenceCount> GetPresenceAsync(string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return await ReadPeakAsync(sessionId, cancellationToken) is { } peak
            ? new PresenceCount(_presence.Total(sessionId), peak)
            : PresenceCount.None;
    }

    /// <summary>The session's peak, or null when there is no such session.</summary>
    private async Task<int?> ReadPeakAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT peak_online FROM sessions WHERE id = $id;";
        command.Parameters.AddWithValue("$id", sessionId);
        return await command.ExecuteScalarAsync(cancellationToken) is long peak ? (int)peak : null;
    }

    public async Task<bool> SaveSnapshotAsync(string sessionId, long version, string state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);

        return await WriteAsync(async connection =>
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
        ArgumentNullException.ThrowIfNull(sessionId);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await SqliteSnapshots.ReadAsync(connection, sessionId, cancellationToken);
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        // Closes this file's idle pooled connections now, releasing the file and checkpointing the
        // WAL, instead of leaving that to process exit.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        _writeGate.Dispose();
        _schemaGate.Dispose();
    }

    /// <summary>An open connection with the store's settings applied. Internal so tests can check those settings.</summary>
    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_schemaReady)
        {
            await InitializeAsync(cancellationToken);
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqliteSchema.ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            // Not a Lazy<Task>: a failed first attempt (disk full, directory not yet mounted) must not
            // poison the store for the life of the process.
            if (_schemaReady)
            {
                return;
            }
            Directory.CreateDirectory(_dataDirectory);
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            if (await SqliteSchema.EnsureAsync(connection, cancellationToken))
            {
                _logger.SchemaCreated(DatabasePath);
            }
            _logger.DatabaseOpened(DatabasePath, SqliteSchema.Version);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            return await write(connection);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<SessionRecord?> FindOneAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteRows.ReadSession(reader) : null;
    }
}
