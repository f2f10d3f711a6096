using System.Globalization;

[assembly: AssemblyFixture(typeof(IgfLive.Server.Tests.Infrastructure.SharedRedis))]

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// One redis-server for the whole test run; every test takes its own key and channel prefix from
/// <see cref="NewPrefix"/>, so tests never see each other's data. Tests that stop Redis start their own.
/// </summary>
public sealed class SharedRedis : IAsyncLifetime
{
    private int _prefixes;

    public RedisServer Server { get; private set; } = null!;

    public string Configuration => Server.Configuration;

    public async ValueTask InitializeAsync() => Server = await RedisServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A key prefix no other test uses.</summary>
    public string NewPrefix() =>
        string.Create(CultureInfo.InvariantCulture, $"t{Environment.ProcessId}-{Interlocked.Increment(ref _prefixes)}");

    /// <summary>Server settings that make a node a cluster member on this Redis under <paramref name="prefix"/>.</summary>
    public Dictionary<string, string?> NodeSettings(string prefix, IDictionary<string, string?>? more = null) =>
        ClusterSettings(Configuration, prefix, more);

    public static Dictionary<string, string?> ClusterSettings(string configuration, string prefix, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = configuration,
            ["Redis:KeyPrefix"] = prefix,
            ["Redis:ChannelPrefix"] = prefix,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }
}
