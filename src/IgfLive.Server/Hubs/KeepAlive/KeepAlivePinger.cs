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

    private static readonly SerializedHubMessage SerializedPing = new(PingMessage.Instance);

    private readonly KeepAliveSchedule<HubConnectionContext> _schedule = new((int)(Interval / Step));

    /// <summary>Connections being pinged.</summary>
    public int Count => _schedule.Count;

    /// <summary>Called once the connection's handshake is done. Transports that keep themselves alive (long polling) are left alone.</summary>
    public void Track(HubConnectionContext connection)
    {
        if (connection.Features.Get<IConnectionInherentKeepAliveFeature>()?.HasInherentKeepAlive != true)
        {
            _schedule.Add(connection);
        }
    }

    public void Forget(HubConnectionContext connection) => _schedule.Remove(connection);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        long done = 0;
        var due = new List<HubConnectionContext>();
        using var timer = new PeriodicTimer(Step, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // A late wake (a busy machine, a long GC) takes the steps it missed, at most a whole
                // round, so that no connection goes a round without its ping.
                var reached = (long)(time.GetElapsedTime(started) / Step);
                for (var step = Math.Max(done, reached - _schedule.StepsPerRound); step < reached; step++)
                {
                    _schedule.CopyDue(step, due);
                    foreach (var connection in due)
                    {
                        Ping(connection);
                    }
                }
                done = Math.Max(done, reached);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Writes a ping and does not wait for it. It never throws (SignalR closes a connection whose write
    /// fails); behind a client that stopped reading it waits for the write before it, until SignalR's
    /// send timeout closes that connection — at most one ping, as a round is longer than the timeout.
    /// </summary>
    private static void Ping(HubConnectionContext connection) => _ = connection.WriteAsync(SerializedPing).AsTask();
}
