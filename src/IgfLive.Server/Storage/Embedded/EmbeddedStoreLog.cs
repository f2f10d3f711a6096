using Microsoft.Extensions.Logging;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>The embedded store's log events. Ids 1100–1199 belong to this store; never reuse one.</summary>
internal static partial class EmbeddedStoreLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Session database opened at {Path} (schema version {SchemaVersion})")]
    public static partial void DatabaseOpened(this ILogger logger, string path, long schemaVersion);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Session database schema created at {Path}")]
    public static partial void SchemaCreated(this ILogger logger, string path);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Append to session {SessionId} refused: expected version {ExpectedVersion}, log is at {ActualVersion}")]
    public static partial void AppendConflict(this ILogger logger, string sessionId, long expectedVersion, long actualVersion);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Append to unknown session {SessionId} refused")]
    public static partial void AppendToUnknownSession(this ILogger logger, string sessionId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "Session {SessionId} not created: its id or participant code is taken")]
    public static partial void CreateRefused(this ILogger logger, string sessionId);

    // Warning, not Debug: the version check inside the write transaction should make this
    // unreachable, so hitting it means something else is writing to the file.
    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Append to session {SessionId} at version {ExpectedVersion} hit a sequence already taken; refused")]
    public static partial void AppendConstraintViolation(this ILogger logger, string sessionId, long expectedVersion);
}
