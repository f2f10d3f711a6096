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
    public async Task TheStoreIsOneInstanceOnTheConfiguredDirectory()
    {
        var directory = Path.Combine(_root.FullName, "configured");
        using var host = BuildHost(directory);
        await host.StartAsync(TestContext.Current.CancellationToken);

        var store = host.Services.GetRequiredService<SqliteSessionStore>();

        Assert.Same(store, host.Services.GetRequiredService<ISessionStore>());
        Assert.Equal(Path.Combine(directory, SqliteSessionStore.DatabaseFileName), store.DatabasePath);
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
