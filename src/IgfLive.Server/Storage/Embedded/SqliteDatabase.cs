using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>
/// The single-node store's one SQLite file, in WAL mode with every commit fsynced, shared by the
/// event log, the session catalog and the presence store. Each operation opens its own (pooled)
/// connection, so callers on any thread can use the file at once.
/// </summary>
/// <remarks>
/// SQLite allows one writer at a time. Writers in this process queue on an async gate instead of
/// blocking threads in SQLite's busy handler; the write transaction is still <c>BEGIN IMMEDIATE</c>
/// with its checks inside it, which is what makes appends correct when another process (or a
/// second instance) writes to the same file. Many writers retrying on one session still cost one
/// failed attempt each per successful append; keeping a hot session's commands in line is the
/// session service's job, not the store's.
/// </remarks>
public sealed class SqliteDatabase : IStoreProbe, IDisposable
{
    public const string DatabaseFileName = "igflive.db";

    /// <summary>SQLITE_CONSTRAINT: a primary key or unique index refused the row.</summary>
    internal const int ConstraintError = 19;

    private readonly string _dataDirectory;
    private readonly string _connectionString;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _schemaReady;
    private volatile bool _disposed;

    public SqliteDatabase(IOptions<EmbeddedStoreOptions> options, ILogger<SqliteDatabase> logger)
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

    /// <summary>An open connection with the store's settings applied, for reading (and for tests to check those settings).</summary>
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

    /// <summary>Runs <paramref name="write"/> on a connection of its own, after every other write of this process has finished.</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
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
}
