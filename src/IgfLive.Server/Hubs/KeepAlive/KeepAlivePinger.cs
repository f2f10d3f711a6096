using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace IgfLive.Server.Hubs.KeepAlive;

/// <summary>
/// Pings every hub connection once per <see cref="Interval"/>, a few connections every
/// <see cref="Step"/>, so that a page hears from the server even when its session is quiet.
/// </summary>
/// <remarks>
/// SignalR's own keep-alive pings, in one pass on the server's once-a-second heartbeat, every
/// connection whose interval has run out — with thousands connected, a burst of hundreds of socket
/// writes each second that held up the commands arriving during it (docs/decisions.md). Here the
/// same pings are spread evenly: 6,000 connections at 30 s are 20 every 100 ms. SignalR's own
/// keep-alive is switched off (<see cref="KeepAliveRegistration"/>). Runs on the application's
/// <see cref="TimeProvider"/>, so tests move it with a fake clock.
/// </remarks>
public sealed class KeepAlivePinger(TimeProvider time) : BackgroundService
{
    /// <summary>Each connection is pinged once in this time. The browser client gives up on a server silent for twice as long.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>The pinger wakes this often and pings the connections dealt to that step.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private static readonly SerializedHubMessage Ping = new(PingMessage.Instance);

    private readonly KeepAliveSchedule<HubConnectionContext> _schedule = new((int)(Interval / Step));

    /// <summary>
    /// Pings a slow reader has not taken yet; such a connection is skipped until it has. Weak, so a
    /// connection that closes while its ping is being written leaves nothing behind.
    /// </summary>
    private readonly ConditionalWeakTable<HubConnectionContext, Task> _unfinished = new();

    private long _stepsDone;

    /// <summary>Connections being pinged.</summary>
    public int Count => _schedule.Count;

    /// <summary>Steps taken since start-up.</summary>
    public long StepsDone => Volatile.Read(ref _stepsDone);

    /// <summary>Called once the connection's handshake is done. Transports that keep themselves alive (long polling) are left alone.</summary>
    public void Track(HubConnectionContext connection)
    {
        if (connection.Features.Get<IConnectionInherentKeepAliveFeature>()?.HasInherentKeepAlive != true)
        {
            _schedule.Add(connection);
        }
    }

    public void Forget(HubConnectionContext connection)
    {
        _schedule.Remove(connection);
        _unfinished.Remove(connection);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var due = new List<HubConnectionContext>();
        using var timer = new PeriodicTimer(Step, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // A late wake (a busy machine, a long GC) takes the steps it missed, at most a whole
                // round, so that no connection goes a round without its ping.
                var reached = (long)(time.GetElapsedTime(started) / Step);
                for (var step = Math.Max(StepsDone, reached - _schedule.StepsPerRound); step < reached; step++)
                {
                    _schedule.CopyDue(step, due);
                    foreach (var connection in due)
                    {
                        PingOne(connection);
                    }
                }
                Volatile.Write(ref _stepsDone, Math.Max(StepsDone, reached));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void PingOne(HubConnectionContext connection)
    {
        if (_unfinished.TryGetValue(connection, out var previous))
        {
            if (!previous.IsCompleted)
            {
                return;
            }
            _unfinished.Remove(connection);
        }
        // Writes never throw: SignalR closes a connection whose write fails.
        var write = connection.WriteAsync(Ping);
        if (!write.IsCompleted)
        {
            _unfinished.AddOrUpdate(connection, write.AsTask());
        }
    }
}
