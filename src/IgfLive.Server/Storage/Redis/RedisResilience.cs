using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// The one resilience pipeline every Redis call runs through, outermost first: a timeout on the
/// whole call, retries with jitter (only for calls marked safe to repeat), a circuit breaker shared
/// by every call, and a timeout per attempt.
/// </summary>
/// <remarks>
/// Reads, and writes whose repetition changes nothing (a maximum, a create that recognises itself),
/// are marked <see cref="Repeatable"/>. An append is not: if it times out it may have landed, and
/// <see cref="RedisEventLog"/> finds out from the log instead of sending it again blindly.
/// </remarks>
public static class RedisResilience
{
    public const string PipelineKey = "igflive-redis";

    /// <summary>Set to true on a call's context when sending it twice has the same effect as once.</summary>
    public static readonly ResiliencePropertyKey<bool> Repeatable = new("igflive.redis.repeatable");

    // Attempts while Redis is away: the first plus three, with 50, 100, 200 ms (jittered) between them.
    private const int MaxRetries = 3;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(50);

    public static void Configure(ResiliencePipelineBuilder builder, RedisStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        // Network time, not the application's TimeProvider: tests that fake the session clock must not
        // freeze the store's timeouts and retry delays.
        builder.TimeProvider = TimeProvider.System;
        builder
            .AddTimeout(new TimeoutStrategyOptions { Name = "redis-call", Timeout = options.OperationTimeout })
            .AddRetry(new RetryStrategyOptions
            {
                Name = "redis-retry",
                MaxRetryAttempts = MaxRetries,
                Delay = FirstRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.Properties.GetValue(Repeatable, false) && IsTransient(args.Outcome.Exception)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                Name = "redis-circuit",
                // Half of the calls in 10 s failing, with at least 8 calls (two failed commands' worth
                // of attempts), opens the circuit: later calls fail at once instead of queueing up.
                FailureRatio = 0.5,
                MinimumThroughput = 8,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = options.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
            })
            .AddTimeout(new TimeoutStrategyOptions { Name = "redis-attempt", Timeout = AttemptTimeout(options) });
    }

    /// <summary>A third of the call's budget: room for a slow attempt and a retry or two.</summary>
    public static TimeSpan AttemptTimeout(RedisStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OperationTimeout / 3;
    }

    /// <summary>A fault that may pass if tried again: connection lost, no answer in time, or a server busy loading its data.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        RedisConnectionException or RedisTimeoutException or TimeoutRejectedException => true,
        // After a restart Redis answers LOADING until its append-only file is read back.
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("BUSY", StringComparison.Ordinal)
            || server.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("CLUSTERDOWN", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>What the store reports as "unavailable" rather than as a bug: transient faults and an open circuit.</summary>
    public static bool IsUnavailable(Exception exception) => IsTransient(exception) || exception is BrokenCircuitException;
}
