using IgfLive.Server.Storage;
using IgfLive.Server.Storage.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Tests.Storage;

public sealed class EmbeddedStoreExtensionsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("igflive-di-");

    [Fact]
    public async Task TheStoreIsOneDatabaseOnTheConfiguredDirectoryBehindEveryPart()
    {
        var directory = Path.Combine(_root.FullName, "configured");
        using var host = BuildHost(directory);
        await host.StartAsync(TestContext.Current.CancellationToken);

        var database = host.Services.GetRequiredService<SqliteDatabase>();

        Assert.Same(database, host.Services.GetRequiredService<IStoreProbe>());
        Assert.IsType<SqliteEventLog>(host.Services.GetRequiredService<IEventLog>());
        Assert.IsType<SqliteSessionCatalog>(host.Services.GetRequiredService<ISessionCatalog>());
        Assert.IsType<SqlitePresenceStore>(host.Services.GetRequiredService<IPresenceStore>());
        Assert.Same(host.Services.GetRequiredService<IPresenceStore>(), host.Services.GetRequiredService<IPresenceStore>());
        Assert.Equal(Path.Combine(directory, SqliteDatabase.DatabaseFileName), database.DatabasePath);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnEmptyDataDirectoryStopsTheHostFromStarting()
    {
        using var host = BuildHost("");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(nameof(EmbeddedStoreOptions.DataDirectory), error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private static IHost BuildHost(string dataDirectory)
    {
        // No default sources: an IGFLIVE or Storage__ variable on the machine must not change the test.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new($"{EmbeddedStoreOptions.SectionName}:DataDirectory", dataDirectory)]);
        builder.Services.AddLogging();
        builder.Services.AddEmbeddedSessionStore();
        return builder.Build();
    }
}
