using System.Text.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// One person's real SignalR connection to the hub, recording every event it receives in order,
/// the way a browser would: events already seen are dropped, a gap triggers a resync.
/// Waits are on events with a timeout, never on the clock.
/// </summary>
public sealed class SessionClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly HubConnection _connection;
    private readonly List<EventDto> _received = [];
    private readonly List<EventDto> _applied = [];
    private readonly List<PresenceDto> _presence = [];
    private readonly List<QuestionDto> _myQuestions = [];
    private readonly List<string> _calls = [];
    private readonly ReceivedChanges _changes = new();

    private SessionClient(HubConnection connection, string name)
    {
        _connection = connection;
        Name = name;
        _connection.On<IReadOnlyList<EventDto>>("EventsRecorded", events => OnEvents(events, $"EventsRecorded {string.Join(',', events.Select(e => e.Seq))}"));
        _connection.On<PresenceDto>("PresenceChanged", presence => Record(() => _presence.Add(presence), $"PresenceChanged {presence.Online}"));
        _connection.On<QuestionDto>("MyQuestionChanged", question => Record(() => _myQuestions.Add(question), $"MyQuestionChanged {question.Id}"));
    }

    public string Name { get; }


    public JoinResult? Joined { get; private set; }

    /// <summary>The last sequence number applied with no gap before it.</summary>
    public long Version { get; private set; }

    public HubConnection Connection => _connection;

    /// <summary>Every event applied, in order, each sequence number once.</summary>
    public IReadOnlyList<EventDto> Events => _changes.Copy(_applied);

    public IReadOnlyList<QuestionDto> MyQuestions => _changes.Copy(_myQuestions);

    /// <summary>Every call the server made, in order, e.g. <c>"EventsRecorded 4,5"</c> (the sequence numbers it carried) or <c>"MyQuestionChanged q1"</c>.</summary>
    public IReadOnlyList<string> Calls => _changes.Copy(_calls);

    /// <summary>Every event as it arrived, repeats included (the server may send one twice around a join).</summary>
    public IReadOnlyList<EventDto> Received => _changes.Copy(_received);

    public IReadOnlyList<PresenceDto> Presence => _changes.Copy(_presence);

    public static async Task<SessionClient> ConnectAsync(Uri server, string name)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/session"))
            .AddJsonProtocol(o =>
            {
                HttpJson.Configure(o.PayloadSerializerOptions);
                // The server knows only its contracts; a test client also sends what no browser would
                // (a number for a string, an anonymous object) and reads replies of its own shapes.
                o.PayloadSerializerOptions.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
            })
            // As the web client: the server pings every 30 s, so SignalR's default 30 s would be too tight.
            .WithServerTimeout(IgfLiveServiceExtensions.ClientServerTimeout)
            .Build();
        var client = new SessionClient(connection, name);
        await connection.StartAsync();
        return client;
    }

    public async Task<JoinResult> JoinAsync(string sessionId, string key, string? participantToken = null)
    {
        var result = await CallAsync<JoinResult>("Join", new JoinRequest(sessionId, key, participantToken));
        lock (_changes.Gate)
        {
            Joined = result;
            Version = result.Snapshot.Version;
        }
        return result;
    }

    public Task<CommandResult> SendAsync(string method, params object?[] args) => CallAsync<CommandResult>(method, args);

    /// <summary>Calls a hub method that must succeed and returns its reply's value; a refusal throws <see cref="RefusedCallException"/>.</summary>
    public async Task<T> CallAsync<T>(string method, params object?[] args) where T : class
    {
        var reply = await _connection.InvokeCoreAsync<HubReply<T>>(method, args);
        Assert.NotNull(reply);
        if (reply.Error is { } error)
        {
            throw new RefusedCallException(method, error);
        }
        Assert.NotNull(reply.Value);
        return reply.Value;
    }

    /// <summary>Calls a hub method that must be refused, and returns the error code of its reply.</summary>
    public async Task<string> RefusedAsync(string method, params object?[] args) => (await RefusalAsync(method, args)).Code;

    /// <summary>Calls a hub method that must be refused, and returns its reply's error: the reply carries no value.</summary>
    public async Task<HubError> RefusalAsync(string method, params object?[] args)
    {
        var reply = await _connection.InvokeCoreAsync<HubReply<object>>(method, args);
        Assert.NotNull(reply);
        Assert.Null(reply.Value);
        Assert.NotNull(reply.Error);
        Assert.False(string.IsNullOrWhiteSpace(reply.Error.Message), $"{method} was refused ({reply.Error.Code}) without a message.");
        return reply.Error;
    }

    /// <summary>Waits until this client has applied every event up to <paramref name="sequence"/>.</summary>
    public Task WaitForVersionAsync(long sequence) => WaitUntilAsync(() => Version >= sequence, $"{Name} to reach event {sequence} (at {Version})");

    /// <summary>Waits for news of one of this participant's own questions (MyQuestionChanged) that <paramref name="match"/> accepts.</summary>
    public Task<QuestionDto> WaitForMyQuestionAsync(Func<QuestionDto, bool> match) =>
        WaitForAsync(() =>
        {
            lock (_changes.Gate)
            {
                return _myQuestions.LastOrDefault(match);
            }
        }, $"{Name} to hear about their own question");

    public Task<EventDto> WaitForEventAsync(string type, Func<EventDto, bool>? match = null) =>
        WaitForAsync(() => Events.LastOrDefault(e => e.Type == type && (match?.Invoke(e) ?? true)), $"{Name} to receive {type}");

    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        await WaitForAsync(() => condition() ? (object?)true : null, what);
    }

    public Task<T> WaitForAsync<T>(Func<T?> probe, string what) where T : class => _changes.WaitForAsync(probe, what);

    /// <summary>Asks the server for everything after <paramref name="afterSequence"/>, as a client does after a reconnect.</summary>
    public async Task<ResyncResult> ResyncAsync(long afterSequence)
    {
        var result = await CallAsync<ResyncResult>("Resync", afterSequence);
        OnEvents(result.Events);
        return result;
    }

    public static T Data<T>(EventDto e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return ((JsonElement)e.Data!).Deserialize<T>(HttpJson.Options)!;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void OnEvents(IReadOnlyList<EventDto> events, string? call = null)
    {
        var gap = false;
        Record(() =>
        {
            foreach (var e in events)
            {
                _received.Add(e);
                if (e.Seq == Version + 1)
                {
                    _applied.Add(e);
                    Version = e.Seq;
                }
                else if (e.Seq > Version + 1)
                {
                    gap = true;
                }
            }
        }, call);
        if (gap)
        {
            _ = ResyncAsync(Version);
        }
    }

    private void Record(Action change, string? call) => _changes.Record(() =>
    {
        if (call is not null)
        {
            _calls.Add(call);
        }
        change();
    });
}
