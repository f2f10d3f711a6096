using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Storage.Embedded;

public static class EmbeddedStoreExtensions
{
    /// <summary>Registers the SQLite store as the <see cref="ISessionStore"/> of a single node.</summary>
    public static IServiceCollection AddEmbeddedSessionStore(this IServiceCollection services)
    {
        services.AddOptions<EmbeddedStoreOptions>()
            .BindConfiguration(EmbeddedStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // One instance per process: it owns the in-process write gate, which only works if every
        // writer shares it. Registered under its own type too so the host can dispose it and tests
        // can reach it.
        services.AddSingleton<SqliteSessionStore>();
        services.AddSingleton<ISessionStore>(sp => sp.GetRequiredService<SqliteSessionStore>());
        return services;
    }
}
