namespace IgfLive.Server.Sessions;

/// <summary>
/// Keeps this node's presence reports alive while it runs and withdraws them when it stops. Runs on
/// the wall clock, not the application's TimeProvider: leases are about whether a process is alive.
/// </summary>
public sealed class PresenceLeaseService(PresenceTracker presence) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PresenceTracker.RenewEvery, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await presence.RenewAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await presence.WithdrawAllAsync(cancellationToken);
    }
}
