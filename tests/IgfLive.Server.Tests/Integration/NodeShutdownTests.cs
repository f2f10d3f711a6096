using IgfLive.Server.Storage;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// A node that stops (a restart, a rolling deploy) withdraws its participants from the cluster's
/// count before it closes their connections, so that when they reconnect to another node they are
/// never counted on both, and the session's peak (which goes into its report) is not raised by it.
/// </summary>
public sealed class NodeShutdownTests(SharedRedis redis) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestServer _stopping = null!;
    private TestServer _staying = null!;
    private bool _stopped;

    public async ValueTask InitializeAsync()
    {
        var settings = redis.NodeSettings(redis.NewPrefix());
        _stopping = await TestServer.StartAsync(settings: settings);
        _staying = await TestServer.StartAsync(settings: settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _stopping.DisposeAsync();
        }
        await _staying.DisposeAsync();
    }

    [Fact]
    public async Task AStoppingNodesParticipantsNoLongerCountWhenTheirConnectionsClose()
    {
        const int Participants = 20;
        var session = await Seed.CreateAsync(_staying);
        var store = _staying.Services.GetRequiredService<IPresenceStore>();
        await using var people = new SessionClientCollection();
        // What the cluster counts at the moment the first of them sees its connection closed.
        var countedAtFirstClose = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < Participants; i++)
        {
            var person = await SessionClient.ConnectAsync(_stopping.Address, $"participant {i} on the stopping node");
            people.Add(person);
            await person.JoinAsync(session.Id, session.ParticipantCode);
            person.Connection.Closed += async _ =>
            {
                if (!countedAtFirstClose.Task.IsCompleted)
                {
                    countedAtFirstClose.TrySetResult((await store.GetPresenceAsync(session.Id, Ct)).Online);
                }
            };
        }
        await Eventually.UntilAsync(
            async () => (await store.GetPresenceAsync(session.Id, Ct)).Online == Participants,
            TimeSpan.FromSeconds(10),
            "every participant counted");

        _stopped = true;
        await _stopping.DisposeAsync();

        // Reported one by one as the connections closed, most would still count at the first close.
        Assert.Equal(0, await countedAtFirstClose.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct));
        var after = await store.GetPresenceAsync(session.Id, Ct);
        Assert.Equal(0, after.Online);
        Assert.Equal(Participants, after.Peak);
    }
}
