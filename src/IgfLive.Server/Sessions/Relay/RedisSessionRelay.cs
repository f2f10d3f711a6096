using IgfLive.Server.Storage.Redis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IgfLive.Server.Sessions.Relay;

/// <summary>
/// The cluster's session relay: one pub/sub channel per session (<c>{ChannelPrefix}:session:{id}</c>),
/// one PUBLISH per broadcast carrying every audience's projection and every author's own news, and
/// one subscription per node for as long as the node holds a connection of the session. Messages
/// of one session arrive in the order they were published (one channel, read in order), also when
/// they are for different audiences.
/// </summary>
/// <remarks>
/// SignalR's own Redis backplane publishes once per group send — three or more per broadcast — and
/// subscribes once per group, a channel per participant who asked; this relay replaces it, and
/// SignalR runs with its default (in-process) lifetime manager on each node. Every node, the
/// publishing one included, writes to its connections when the message comes back from Redis, so
/// every node sees one session's broadcasts in one order.
/// </remarks>
public sealed class RedisSessionRelay(
    IConnectionMultiplexer redis,
    LocalDelivery delivery,
    IOptions<JsonHubProtocolOptions> protocol,
    ILogger<RedisSessionRelay> logger) : ISessionRelay
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Subscription> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Subscription> _members = new(StringComparer.Ordinal);
    private long _dropped;

    public static RedisChannel Channel(string sessionId) => RedisChannel.Literal($"session:{sessionId}");

    /// <summary>Sessions this node hears now (for tests and diagnostics).</summary>
    public int SubscribedSessions
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>Relayed messages this node could not read and dropped (each also logged).</summary>
    public long DroppedMessages => Interlocked.Read(ref _dropped);

    public async Task EnterAsync(string connectionId, string sessionId, CancellationToken cancellationToken)
    {
        Subscription subscription;
        lock (_gate)
        {
            if (_members.ContainsKey(connectionId))
            {
                throw new InvalidOperationException($"Connection {connectionId} has already entered a session.");
            }
            if (!_sessions.TryGetValue(sessionId, out subscription!))
            {
                subscription = new Subscription(sessionId);
                _sessions.Add(sessionId, subscription);
                subscription.Queue = SubscribeAsync(subscription);
            }
            subscription.Members++;
            _members.Add(connectionId, subscription);
        }
        try
        {
            await subscription.Queue.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Leave(connectionId);
            if (ex is OperationCanceledException)
            {
                throw;
            }
            throw new SessionUnavailableException("Live updates for this session cannot be set up right now; nothing was changed. Try again shortly.", ex);
        }
    }

    public void Leave(string connectionId)
    {
        Subscription? ended;
        lock (_gate)
        {
            if (!_members.Remove(connectionId, out ended) || --ended.Members > 0)
            {
                return;
            }
            if (_sessions.TryGetValue(ended.SessionId, out var current) && current == ended)
            {
                _sessions.Remove(ended.SessionId);
            }
        }
        _ = UnsubscribeAsync(ended);
    }

    public void Publish(string sessionId, IReadOnlyList<SessionSend> sends)
    {
        ArgumentNullException.ThrowIfNull(sends);
        if (sends.Count == 0)
        {
            return;
        }
        var message = RelayMessage.Write(sends, protocol.Value.PayloadSerializerOptions);
        Task publish;
        try
        {
            publish = redis.GetSubscriber().PublishAsync(Channel(sessionId), message);
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            logger.RelayPublishFailed(ex, sessionId);
            return;
        }
        if (!publish.IsCompletedSuccessfully)
        {
            _ = ObservePublishAsync(publish, sessionId);
        }
    }

    private async Task<ChannelMessageQueue> SubscribeAsync(Subscription subscription)
    {
        try
        {
            var queue = await redis.GetSubscriber().SubscribeAsync(Channel(subscription.SessionId)).ConfigureAwait(false);
            // One loop per subscription, one message at a time: the session's order is kept.
            queue.OnMessage(message => Receive(subscription.SessionId, message.Message));
            return queue;
        }
        catch
        {
            // Forget it at once, so that the next connection to arrive tries again.
            lock (_gate)
            {
                if (_sessions.TryGetValue(subscription.SessionId, out var current) && current == subscription)
                {
                    _sessions.Remove(subscription.SessionId);
                }
            }
            throw;
        }
    }

    private async Task UnsubscribeAsync(Subscription subscription)
    {
        ChannelMessageQueue queue;
        try
        {
            queue = await subscription.Queue.ConfigureAwait(false);
        }
        catch (Exception) when (subscription.Queue.IsFaulted || subscription.Queue.IsCanceled)
        {
            // It never subscribed (its connections were told so): nothing to undo.
            return;
        }
        try
        {
            await queue.UnsubscribeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
        {
            // Redis is away: it forgets the subscription with the connection, and the multiplexer
            // resubscribes only what still has a listener here.
            logger.RelayUnsubscribeFailed(ex, subscription.SessionId);
        }
    }

    private void Receive(string sessionId, RedisValue message)
    {
        var sends = RelayMessage.Read(((ReadOnlyMemory<byte>)message).Span, sessionId, out var problem);
        if (sends is null)
        {
            Interlocked.Increment(ref _dropped);
            logger.RelayMessageUnreadable(sessionId, problem!);
            return;
        }
        delivery.Deliver(sessionId, sends);
    }

    private async Task ObservePublishAsync(Task publish, string sessionId)
    {
        try
        {
            await publish.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.RelayPublishFailed(ex, sessionId);
        }
    }

    private sealed class Subscription(string sessionId)
    {
        public string SessionId { get; } = sessionId;

        public int Members { get; set; }

        public Task<ChannelMessageQueue> Queue { get; set; } = null!;
    }
}
