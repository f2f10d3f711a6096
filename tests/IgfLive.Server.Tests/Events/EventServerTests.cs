using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Events;

/// <summary>A test class of the event API: a server of its own, and an organiser's calls to it.</summary>
public abstract class EventServerTests : IAsyncLifetime
{
    protected TestServer Server { get; private set; } = null!;

    protected EventApi Api { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        Api = new EventApi(Server);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
