using IgfLive.Server.Endpoints;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>Everyone in a seed session, each on a real connection: the cast of a hybrid workshop.</summary>
public sealed class Roles : IAsyncDisposable
{
    private Roles(SessionCreatedResponse session, SessionClient onsite, SessionClient online, SessionClient rapporteur, SessionClient stage, SessionClient alice, SessionClient bob)
    {
        Session = session;
        Onsite = onsite;
        Online = online;
        Rapporteur = rapporteur;
        Stage = stage;
        Alice = alice;
        Bob = bob;
    }

    public SessionCreatedResponse Session { get; }

    public SessionClient Onsite { get; }

    public SessionClient Online { get; }

    public SessionClient Rapporteur { get; }

    public SessionClient Stage { get; }

    /// <summary>A remote participant.</summary>
    public SessionClient Alice { get; }

    /// <summary>Another remote participant.</summary>
    public SessionClient Bob { get; }

    public IReadOnlyList<SessionClient> All => [Onsite, Online, Rapporteur, Stage, Alice, Bob];

    public IReadOnlyList<SessionClient> Staff => [Onsite, Online, Rapporteur];

    public static Task<Roles> JoinAsync(IServerUnderTest server, SessionCreatedResponse session)
    {
        ArgumentNullException.ThrowIfNull(server);
        return JoinAsync(_ => server, session);
    }

    /// <summary>
    /// The cast spread over two nodes of a cluster: onsite moderator, rapporteur and Alice on
    /// <paramref name="first"/>; online moderator, stage display and Bob on <paramref name="second"/>.
    /// </summary>
    public static Task<Roles> JoinAcrossAsync(IServerUnderTest first, IServerUnderTest second, SessionCreatedResponse session)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return JoinAsync(name => name is "onsite" or "rapporteur" or "alice" ? first : second, session);
    }

    private static async Task<Roles> JoinAsync(Func<string, IServerUnderTest> serverFor, SessionCreatedResponse session)
    {
        ArgumentNullException.ThrowIfNull(session);
        async Task<SessionClient> Join(string name, string key)
        {
            var client = await SessionClient.ConnectAsync(serverFor(name).Address, name);
            await client.JoinAsync(session.Id, key);
            return client;
        }
        return new Roles(
            session,
            await Join("onsite", session.Keys["onsiteModerator"]),
            await Join("online", session.Keys["onlineModerator"]),
            await Join("rapporteur", session.Keys["rapporteur"]),
            await Join("stage", session.Keys["stage"]),
            await Join("alice", session.ParticipantCode),
            await Join("bob", session.ParticipantCode.ToLowerInvariant()));
    }

    /// <summary>Waits until every connection has applied every event up to <paramref name="version"/>.</summary>
    public Task AllReachAsync(long version) => Task.WhenAll(All.Select(c => c.WaitForVersionAsync(version)));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in All)
        {
            await client.DisposeAsync();
        }
    }
}
