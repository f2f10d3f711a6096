namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>The clients of one test that it opens in a loop, closed together when the test ends.</summary>
public sealed class SessionClientCollection : List<SessionClient>, IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var client in this)
        {
            await client.DisposeAsync();
        }
    }
}
