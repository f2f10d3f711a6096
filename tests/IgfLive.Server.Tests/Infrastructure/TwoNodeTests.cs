namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// For a test class about the cluster: two nodes on the shared Redis, under a key and channel prefix
/// of their own, fresh for every test. <paramref name="settings"/> go to both nodes.
/// </summary>
public abstract class TwoNodeTests(SharedRedis redis, IDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected SharedRedis Redis => redis;

    /// <summary>The nodes' key and channel prefix.</summary>
    protected string Prefix { get; private set; } = null!;

    protected TestServer First { get; private set; } = null!;

    protected TestServer Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Prefix = redis.NewPrefix();
        var nodeSettings = redis.NodeSettings(Prefix, settings);
        First = await TestServer.StartAsync(settings: nodeSettings);
        Second = await TestServer.StartAsync(settings: nodeSettings);
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
