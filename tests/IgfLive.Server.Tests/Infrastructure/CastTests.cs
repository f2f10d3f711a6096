namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// For a test class about one part of the hub: its own server, with the seed session created and
/// the whole cast joined (<see cref="Roles"/>), fresh for every test.
/// </summary>
public abstract class CastTests : IAsyncLifetime
{
    protected TestServer Server { get; private set; } = null!;

    protected Roles Cast { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        Cast = await Roles.JoinAsync(Server, await Seed.CreateAsync(Server));
    }

    public async ValueTask DisposeAsync()
    {
        await Cast.DisposeAsync();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
