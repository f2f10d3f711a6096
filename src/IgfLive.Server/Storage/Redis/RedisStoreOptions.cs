using System.ComponentModel.DataAnnotations;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// Settings under "Redis" (environment: Redis__Configuration, …). Setting <see cref="Configuration"/>
/// turns a node into a cluster member: Redis store, session relay and shared data-protection keys.
/// </summary>
public sealed class RedisStoreOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// Start of every key this deployment writes. Two deployments sharing one Redis need different
    /// prefixes; every node of one deployment needs the same one.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Redis:KeyPrefix must be 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string KeyPrefix { get; set; } = "igflive";

    /// <summary>Start of the session relay's pub/sub channel names; same rule as <see cref="KeyPrefix"/>.</summary>
    [RegularExpression("^[A-Za-z0-9._-]{1,64}$", ErrorMessage = "Redis:ChannelPrefix must be 1 to 64 letters, digits, '.', '_' or '-'.")]
    public string ChannelPrefix { get; set; } = "igflive";

    /// <summary>
    /// The longest one store call may take, retries included, before the caller is told the store is
    /// unavailable. A command makes at most two such calls in a row on the unhappy path.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.2", "00:01:00", ErrorMessage = "Redis:OperationTimeout must be between 0.2 seconds and 1 minute.")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the circuit stays open (calls refused at once) after Redis kept failing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:05:00", ErrorMessage = "Redis:BreakDuration must be between 0.5 seconds and 5 minutes.")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(2);
}
