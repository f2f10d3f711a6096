using Microsoft.Extensions.Logging;

namespace IgfLive.Server.Storage.Redis;

/// <summary>The Redis store's log events. Ids 1200–1299 belong to this store; never reuse one.</summary>
internal static partial class RedisStoreLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Append to session {SessionId} refused: expected version {ExpectedVersion}, log is at {ActualVersion}")]
    public static partial void AppendConflict(this ILogger logger, string sessionId, long expectedVersion, long actualVersion);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Append to unknown session {SessionId} refused")]
    public static partial void AppendToUnknownSession(this ILogger logger, string sessionId);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Session {SessionId} not created: its id or participant code is taken")]
    public static partial void CreateRefused(this ILogger logger, string sessionId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Append to session {SessionId} at version {ExpectedVersion} was interrupted (attempt {Attempt}); reading the log to see whether it landed")]
    public static partial void AppendOutcomeUnknown(this ILogger logger, string sessionId, long expectedVersion, int attempt);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Error, Message = "Append to {EventsKey} at version {ExpectedVersion} could not be confirmed or ruled out before Redis stopped answering")]
    public static partial void AppendUnresolved(this ILogger logger, string eventsKey, long expectedVersion);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "Connection to Redis {EndPoint} failed ({FailureType})")]
    public static partial void ConnectionFailed(this ILogger logger, Exception? exception, string endPoint, StackExchange.Redis.ConnectionFailureType failureType);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Information, Message = "Connection to Redis {EndPoint} restored")]
    public static partial void ConnectionRestored(this ILogger logger, string endPoint);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "Cluster mode: session store, session relay and data-protection keys on Redis {EndPoints} (key prefix {KeyPrefix})")]
    public static partial void ClusterMode(this ILogger logger, string endPoints, string keyPrefix);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "Session {SessionId}: a broadcast could not be published to the other nodes; their clients will resync")]
    public static partial void RelayPublishFailed(this ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Warning, Message = "Session {SessionId}: a relayed message was dropped: {Problem}")]
    public static partial void RelayMessageUnreadable(this ILogger logger, string sessionId, string problem);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Session {SessionId}: leaving its channel failed; Redis drops it with the connection")]
    public static partial void RelayUnsubscribeFailed(this ILogger logger, Exception exception, string sessionId);
}
