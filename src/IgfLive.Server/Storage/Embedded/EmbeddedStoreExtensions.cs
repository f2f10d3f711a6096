using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Storage.Embedded;

public static class EmbeddedStoreExtensions
{
    /// <summary>
    /// Registers the SQLite store as the <see cref="IEventLog"/>, <see cref="ISessionCatalog"/>,
    /// <see cref="IPresenceStore"/>, <see cref="IProgrammeStore"/> and <see cref="IStoreProbe"/> of a single node.
    /// </summary>
    public static IServiceCollection AddEmbeddedSessionStore(this IServiceCollection services)
    {
        services.AddOptions<EmbeddedStoreOptions>()
            .BindConfiguration(EmbeddedStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // One database per process: it owns the in-process write gate, which only works if every
        // writer shares it. Registered under its own type too so the host can dispose it and tests
        // can reach it. The presence store is one per process as well: it holds the leases.
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IStoreProbe>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<IEventLog, SqliteEventLog>();
        services.AddSingleton<ISessionCatalog, SqliteSessionCatalog>();
        services.AddSingleton<IPresenceStore, SqlitePresenceStore>();
        services.AddSingleton<IProgrammeStore, SqliteProgrammeStore>();
        return services;
    }
}
