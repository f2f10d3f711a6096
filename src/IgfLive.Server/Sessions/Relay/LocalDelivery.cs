using System.Collections.Concurrent;
using System.IO.Pipelines;
using IgfLive.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Sessions.Relay;

/// <summary>
/// Writes sends to this node's connections, each session's in the order they were delivered.
/// <para>
/// <see cref="Deliver"/> only queues: a session's sends are written by one work item at a time on
/// the thread pool, so the caller (which holds the session's gate, or is the relay's one loop for
/// the session) does not wait for thousands of connections. When a session's sends arrive faster
/// than they can be written, the next work item finds several broadcasts waiting and writes each
/// group's events of a run of them as one <c>EventsRecorded</c> call: a client then gets one
/// message with several events instead of several messages — the same events, in the same order.
/// Any other send (a participant's <c>MyQuestionChanged</c>, <c>PresenceChanged</c>) ends a run,
/// so every connection still hears everything in the order it was published.
/// </para>
/// <para>
/// Group sends are started in order and not awaited: a group send writes to every connection whose
/// buffers have room before it returns; its task stays pending only while some connection's buffers
/// are full — a client that has stopped reading. Awaiting it would hold the session, and so every
/// other client, for as long as that one client stalls. Later writes to a stalled connection queue
/// behind the pending one, in order, until SignalR's transport send timeout (10 s without progress)
/// closes that connection and releases them; the client then reconnects and resyncs.
/// </para>
/// </summary>
/// <para>
/// A node on its own is also its own <see cref="ISessionRelay"/>: every connection of every session
/// is here, so publishing is delivering. In a cluster <see cref="RedisSessionRelay"/> brings each
/// broadcast back from Redis to <see cref="Deliver"/> on every node.
/// </para>
/// <param name="scheduler">Runs the writing; the thread pool unless a test holds it back to line broadcasts up.</param>
public sealed partial class LocalDelivery(IHubContext<SessionHub> hub, ILogger<LocalDelivery> logger, PipeScheduler? scheduler = null) : ISessionRelay
{
    /// <summary>The methods a send may call: those of <see cref="ISessionClient"/>.</summary>
    public static readonly IReadOnlySet<string> Methods = typeof(ISessionClient).GetMethods().Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    private const string EventsRecorded = nameof(ISessionClient.EventsRecorded);

    private readonly ConcurrentDictionary<string, Outbox> _outboxes = new(StringComparer.Ordinal);
    private readonly PipeScheduler _scheduler = scheduler ?? PipeScheduler.ThreadPool;

    /// <summary>Queues <paramref name="sends"/> after the session's earlier ones; returns at once.</summary>
    public void Deliver(string sessionId, IEnumerable<SessionSend> sends)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(sends);
        while (true)
        {
            var outbox = _outboxes.GetOrAdd(sessionId, static id => new Outbox(id));
            switch (outbox.Add(sends))
            {
                case Outbox.Added.Scheduled:
                    Schedule(outbox);
                    return;
                case Outbox.Added.Queued:
                    return;
                default:
                    // It emptied and was dropped while we held it (its writer may not have taken it
                    // out of the map yet): the session gets a new one.
                    _outboxes.TryRemove(KeyValuePair.Create(sessionId, outbox));
                    continue;
            }
        }
    }

    Task ISessionRelay.EnterAsync(string connectionId, string sessionId, CancellationToken cancellationToken) => Task.CompletedTask;

    void ISessionRelay.Leave(string connectionId)
    {
    }

    void ISessionRelay.Publish(string sessionId, IReadOnlyList<SessionSend> sends) => Deliver(sessionId, sends);

    /// <summary>
    /// Merges each group's <c>EventsRecorded</c> sends within a run of them (up to the next send of
    /// another method) into one, at the place of the group's first; everything else keeps its place.
    /// A send whose argument is not a list of events is left as it is and ends the run too.
    /// </summary>
    public static List<SessionSend> Coalesce(IReadOnlyList<SessionSend> sends)
    {
        ArgumentNullException.ThrowIfNull(sends);
        var result = new List<SessionSend>(sends.Count);
        var inRun = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var send in sends)
        {
            if (send.Method != EventsRecorded || !EventBatch.CanHold(send.Argument))
            {
                inRun.Clear();
                result.Add(send);
            }
            else if (inRun.TryGetValue(send.Group, out var at))
            {
                result[at] = result[at] with { Argument = EventBatch.Combine(result[at].Argument, send.Argument) };
            }
            else
            {
                inRun.Add(send.Group, result.Count);
                result.Add(send);
            }
        }
        return result;
    }

    private void Schedule(Outbox outbox) => _scheduler.Schedule(static state =>
    {
        var (delivery, outbox) = ((LocalDelivery, Outbox))state!;
        delivery.Write(outbox);
    }, (this, outbox));

    private void Write(Outbox outbox)
    {
        foreach (var send in Coalesce(outbox.TakeAll()))
        {
            try
            {
                Observe(hub.Clients.Group(send.Group).SendCoreAsync(send.Method, [send.Argument]), outbox.SessionId);
            }
            catch (Exception ex)
            {
                // Nothing may end a session's writing (or, on the thread pool, the process): the
                // clients that missed this send resync at the next event.
                Log.SendFailed(logger, ex, outbox.SessionId);
            }
        }
        if (outbox.Finish())
        {
            // More arrived meanwhile: write it after what is already scheduled (this write's own
            // transport sends among it), so that whatever else arrives by then goes in the same write.
            Schedule(outbox);
            return;
        }
        _outboxes.TryRemove(KeyValuePair.Create(outbox.SessionId, outbox));
    }

    private void Observe(Task send, string sessionId)
    {
        if (!send.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(send, sessionId);
        }
    }

    private async Task ObserveAsync(Task send, string sessionId)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SendFailed(logger, ex, sessionId);
        }
    }

    /// <summary>A session's sends waiting to be written, and whether a work item is writing them.</summary>
    private sealed class Outbox(string sessionId)
    {
        private readonly Lock _lock = new();
        private List<SessionSend> _waiting = [];
        private bool _writing; // a writer is scheduled or running; it stays so until the outbox is dropped
        private bool _dropped;

        public enum Added
        {
            Queued,
            Scheduled,
            Dropped,
        }

        public string SessionId { get; } = sessionId;

        public Added Add(IEnumerable<SessionSend> sends)
        {
            lock (_lock)
            {
                if (_dropped)
                {
                    return Added.Dropped;
                }
                _waiting.AddRange(sends);
                if (_writing)
                {
                    return Added.Queued;
                }
                _writing = true;
                return Added.Scheduled;
            }
        }

        public List<SessionSend> TakeAll()
        {
            lock (_lock)
            {
                var taken = _waiting;
                _waiting = [];
                return taken;
            }
        }

        /// <summary>True when more is waiting (the writer goes on); otherwise the outbox is dropped.</summary>
        public bool Finish()
        {
            lock (_lock)
            {
                if (_waiting.Count > 0)
                {
                    return true;
                }
                // Never written to again: the next broadcast of the session starts a new outbox.
                _dropped = true;
                return false;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Session {SessionId}: a send to clients failed; they will resync")]
        public static partial void SendFailed(ILogger logger, Exception exception, string sessionId);
    }
}
