using Microsoft.Extensions.Options;
using Polly;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// What the Redis event log, session catalog and presence store share: the multiplexer, the key
/// layout in <see cref="RedisKeys"/>, and the pipeline described in <see cref="RedisResilience"/>
/// that every call runs through.
/// </summary>
/// <remarks>
/// Durability is Redis's: a write that returned is in Redis's memory and its append-only file, and
/// survives a crash of Redis itself only when Redis runs with <c>appendonly yes</c> and
/// <c>appendfsync always</c> (with <c>everysec</c>, up to a second of acknowledged writes can be lost).
/// </remarks>
public sealed class RedisStoreConnection : IStoreProbe
{
    private readonly IConnectionMultiplexer _redis;
    private readonly ResiliencePipeline _pipeline;

    public RedisStoreConnection(IConnectionMultiplexer redis, ResiliencePipeline pipeline, IOptions<RedisStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        _redis = redis;
        _pipeline = pipeline;
        Keys = new RedisKeys(options.Value.KeyPrefix);
        OperationTimeout = options.Value.OperationTimeout;
    }

    public RedisKeys Keys { get; }

    /// <summary>The budget of one call, retries included.</summary>
    public TimeSpan OperationTimeout { get; }

    public Task PingAsync(CancellationToken cancellationToken) =>
        CallAsync(db => db.PingAsync(), repeatable: true, cancellationToken);

    /// <summary>Runs a Lua script of <see cref="RedisScripts"/> that answers 1 for yes and 0 for no.</summary>
    internal async Task<bool> ScriptAsync(string script, RedisKey[] keys, RedisValue[] values, bool repeatable, CancellationToken cancellationToken)
    {
        var result = await CallAsync(db => db.ScriptEvaluateAsync(script, keys, values), repeatable, cancellationToken).ConfigureAwait(false);
        return (long)result == 1;
    }

    /// <summary>A call through the pipeline, with "store unavailable" reported as <see cref="StoreUnavailableException"/>.</summary>
    internal async Task<T> CallAsync<T>(Func<IDatabase, Task<T>> call, bool repeatable, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(call, repeatable, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisResilience.IsUnavailable(ex))
        {
            throw new StoreUnavailableException("The session store is unavailable; nothing was changed.", ex);
        }
    }

    /// <summary>A call through the pipeline, its faults left as they are for a caller that must tell them apart.</summary>
    internal async Task<T> ExecuteAsync<T>(Func<IDatabase, Task<T>> call, bool repeatable, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RedisResilience.Repeatable, repeatable);
        try
        {
            // StackExchange.Redis calls take no cancellation token; WaitAsync lets the pipeline's
            // timeouts abandon an attempt that does not answer.
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.call(state.db).WaitAsync(ctx.CancellationToken).ConfigureAwait(false),
                context,
                (call, db: _redis.GetDatabase())).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
