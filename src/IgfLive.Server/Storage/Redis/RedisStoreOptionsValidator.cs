using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>Refuses, at start-up, a Redis configuration string StackExchange.Redis could not use.</summary>
public sealed class RedisStoreOptionsValidator : IValidateOptions<RedisStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Configuration))
        {
            return ValidateOptionsResult.Fail("Redis:Configuration is empty; leave the whole setting out to run a single node on the embedded store.");
        }
        try
        {
            var parsed = ConfigurationOptions.Parse(options.Configuration);
            return parsed.EndPoints.Count == 0
                ? ValidateOptionsResult.Fail("Redis:Configuration names no server; expected something like \"redis.internal:6379\".")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"Redis:Configuration is not a valid StackExchange.Redis configuration string: {ex.Message}");
        }
    }
}
