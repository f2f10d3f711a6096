using IgfLive.Server.Access;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Hubs;
using IgfLive.Server.Programme;
using IgfLive.Server.Rooms;
using IgfLive.Server.Sessions;
using IgfLive.Server.Sessions.Relay;
using IgfLive.Server.Storage;
using IgfLive.Server.Storage.Embedded;
using IgfLive.Server.Storage.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Hosting;

/// <summary>Registers IgfLive's services; the table of contents of the server.</summary>
public static class IgfLiveServiceExtensions
{
    /// <summary>Largest hub message accepted: the longest note plus its envelope, with room to spare.</summary>
    public const long MaxHubMessageBytes = 32 * 1024;

    /// <summary>
    /// SignalR pings a connection it has sent nothing to for this long (its default is 15 s; a big
    /// session's idle crowd costs half as many pings). The browser client waits
    /// <see cref="ClientServerTimeout"/> without hearing from the server before it reconnects.
    /// </summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(30);

    /// <summary>The browser client's server timeout: twice <see cref="KeepAliveInterval"/>, as SignalR advises. Mirrored in the web client's connection.ts.</summary>
    public static readonly TimeSpan ClientServerTimeout = 2 * KeepAliveInterval;

    /// <summary>The server closes a connection it has not heard from in this long; browsers ping every 15 s.</summary>
    public static readonly TimeSpan ClientTimeoutInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Everything a node needs. With <c>Redis:Configuration</c> set the node joins a cluster (Redis
    /// store, session relay, key ring in Redis); without it, it runs alone on the embedded store.
    /// </summary>
    public static IServiceCollection AddIgfLive(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var clustered = RedisStoreExtensions.IsConfigured(configuration);
        services.AddIgfLiveOptions(environment);
        services.TryAddSingleton(TimeProvider.System);
        services.AddIgfLiveDataProtection();
        services.AddSingleton<LocalDelivery>();
        if (clustered)
        {
            services.AddRedisSessionStore();
            services.AddRedisSessionRelay();
        }
        else
        {
            services.AddEmbeddedSessionStore();
            services.AddLocalKeyRing();
            services.AddSingleton<ISessionRelay>(sp => sp.GetRequiredService<LocalDelivery>());
        }
        services.AddSingleton<IgfLiveMetrics>();
        services.AddSingleton<SessionBroadcaster>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<SessionDirectory>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<ParticipantTokens>();
        services.AddSingleton<OrganiserAccess>();
        services.AddSingleton<EventAccess>();
        services.AddSingleton<RoleKeySeal>();
        services.AddSingleton<RoomKeys>();
        services.AddSingleton<EventSessions>();
        services.AddSingleton<ProgrammeImport>();
        services.AddSingleton<EventLinksCsv>();
        services.AddSingleton<SessionGateway>();
        services.AddSingleton<HubGuardFilter>();
        services.AddHostedService<CueService>();
        services.AddHostedService<PresenceLeaseService>();
        services.AddSingleton<EventWatchers>();
        services.AddSingleton<EventBoard>();
        services.AddHostedService<RoomWatchService>();
        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = MaxHubMessageBytes;
                options.KeepAliveInterval = KeepAliveInterval;
                options.ClientTimeoutInterval = ClientTimeoutInterval;
                options.AddFilter<HubGuardFilter>();
            })
            .AddJsonProtocol(options => HttpJson.Configure(options.PayloadSerializerOptions));
        services.ConfigureHttpJsonOptions(options => HttpJson.Configure(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<StoreUnavailableHandler>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        return services;
    }

    private static string DevelopmentOrganiserKey(string dataDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "organiser-key.development");
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= IgfLiveOptions.MinimumKeyLength } kept)
        {
            return kept;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = SecretKeys.NewKey();
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return key;
    }

    private static void AddIgfLiveOptions(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<IgfLiveOptions>()
            .BindConfiguration(IgfLiveOptions.SectionName)
            .PostConfigure<IOptions<EmbeddedStoreOptions>>((options, storage) =>
            {
                // A development machine gets a key of its own, printed at start-up, so "dotnet run" just
                // works; it is kept in the data directory so the key in a developer's scripts survives a restart.
                if (string.IsNullOrWhiteSpace(options.OrganiserKey) && environment.IsDevelopment())
                {
                    options.OrganiserKey = DevelopmentOrganiserKey(storage.Value.DataDirectory);
                    options.OrganiserKeyGenerated = true;
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.OrganiserKey), "IgfLive:OrganiserKey is required outside Development (environment variable IgfLive__OrganiserKey).")
            .ValidateOnStart();
        services.AddOptions<LimitsOptions>()
            .BindConfiguration(LimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SocketTransportOptions>()
            .Configure<IOptions<LimitsOptions>>((transport, limits) => transport.MaxWriteBufferSize = limits.Value.SendBufferKiB * 1024L);
    }

    /// <summary>
    /// Participant tokens must outlive a restart and, in a cluster, be readable by every node: one
    /// application name everywhere, and the key ring kept where every node sees it.
    /// </summary>
    private static void AddIgfLiveDataProtection(this IServiceCollection services) =>
        services.AddDataProtection().SetApplicationName("IgfLive");

    /// <summary>A single node keeps its key ring beside its data.</summary>
    private static void AddLocalKeyRing(this IServiceCollection services)
    {
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<IOptions<EmbeddedStoreOptions>>((keys, store) =>
                keys.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(store.Value.DataDirectory, "keys")),
                    Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
    }
}
