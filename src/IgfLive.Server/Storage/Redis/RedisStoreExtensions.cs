using IgfLive.Server.Sessions.Relay;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

public static class RedisStoreExtensions
{
    /// <summary>True when <c>Redis:Configuration</c> is set: the node then runs as a member of a cluster.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{RedisStoreOptions.SectionName}:{nameof(RedisStoreOptions.Configuration)}"]);
    }

    /// <summary>
    /// Registers the Redis store as the <see cref="IEventLog"/>, <see cref="ISessionCatalog"/>,
    /// <see cref="IPresenceStore"/> and <see cref="IStoreProbe"/>, with the one connection multiplexer
    /// every Redis user in the process shares, the resilience pipeline around it, and the
    /// data-protection key ring kept in Redis so that every node reads the tokens every other issues.
    /// </summary>
    public static IServiceCollection AddRedisSessionStore(this IServiceCollection services)
    {
        services.AddOptions<RedisStoreOptions>()
            .BindConfiguration(RedisStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisStoreOptions>, RedisStoreOptionsValidator>());

        services.TryAddSingleton<IConnectionMultiplexer>(Connect);
        services.AddResilienceEnricher();
        services.AddResiliencePipeline(RedisResilience.PipelineKey, (builder, context) =>
            RedisResilience.Configure(builder, context.ServiceProvider.GetRequiredService<IOptions<RedisStoreOptions>>().Value));

        services.AddSingleton(sp => new RedisStoreConnection(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(RedisResilience.PipelineKey),
            sp.GetRequiredService<IOptions<RedisStoreOptions>>()));
        services.AddSingleton<IStoreProbe>(sp => sp.GetRequiredService<RedisStoreConnection>());
        services.AddSingleton<IEventLog, RedisEventLog>();
        // One per process: it keeps the records this node has read.
        services.AddSingleton<ISessionCatalog, RedisSessionCatalog>();
        services.AddSingleton<IPresenceStore, RedisPresenceStore>();
        services.AddSingleton<IProgrammeStore, RedisProgrammeStore>();

        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((keys, sp) =>
            {
                var redis = sp.GetRequiredService<IConnectionMultiplexer>();
                var key = new RedisKeys(sp.GetRequiredService<IOptions<RedisStoreOptions>>().Value.KeyPrefix).DataProtectionKeys;
                keys.XmlRepository = new ResilientXmlRepository(
                    new RedisXmlRepository(() => redis.GetDatabase(), key),
                    sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(RedisResilience.PipelineKey));
            });
        return services;
    }

    /// <summary>
    /// Carries each session's broadcasts between nodes over Redis pub/sub, one channel per session,
    /// on the shared multiplexer (whose channel prefix keeps this deployment's channels apart from
    /// anything else on the server). SignalR itself keeps its default, in-process lifetime manager.
    /// </summary>
    public static IServiceCollection AddRedisSessionRelay(this IServiceCollection services)
    {
        services.AddSingleton<RedisSessionRelay>();
        services.AddSingleton<ISessionRelay>(sp => sp.GetRequiredService<RedisSessionRelay>());
        return services;
    }

    private static IConnectionMultiplexer Connect(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RedisStoreOptions>>().Value;
        var logger = services.GetRequiredService<ILogger<RedisStoreConnection>>();
        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        // Start even while Redis is down (readiness reports it) and reconnect by itself, soon.
        configuration.AbortOnConnectFail = false;
        configuration.ReconnectRetryPolicy = new ExponentialRetry(500, 5000);
        // No queue while disconnected: a call fails at once rather than running later, after its
        // caller has been told it failed. The resilience pipeline decides about retrying.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ChannelPrefix = RedisChannel.Literal(options.ChannelPrefix + ":");
        configuration.LoggerFactory = services.GetService<ILoggerFactory>();

        var redis = ConnectionMultiplexer.Connect(configuration);
        redis.ConnectionFailed += (_, e) =>
        {
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.ConnectionFailed(e.Exception, Describe(e.EndPoint), e.FailureType);
            }
        };
        redis.ConnectionRestored += (_, e) =>
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.ConnectionRestored(Describe(e.EndPoint));
            }
        };
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.ClusterMode(string.Join(", ", configuration.EndPoints), options.KeyPrefix);
        }
        return redis;
    }

    private static string Describe(System.Net.EndPoint? endPoint) => endPoint?.ToString() ?? "(unknown)";
}
