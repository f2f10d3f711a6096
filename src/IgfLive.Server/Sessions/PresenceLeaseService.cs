namespace IgfLive.Server.Sessions;

/// <summary>
/// Keeps this node's presence reports alive while it runs and withdraws them when it begins to
/// stop. Runs on the wall clock, not the application's TimeProvider: leases are about whether a
/// process is alive.
/// </summary>
/// <remarks>
/// SignalR closes its connections from an <see cref="IHostApplicationLifetime.ApplicationStopping"/>
/// callback, registered when the hub is mapped. This service registers its own when it starts,
/// later, so the host runs it first (last registered, first run) and waits for it: the reports are
/// withdrawn before any participant's connection closes.
/// </remarks>
public sealed class PresenceLeaseService(PresenceTracker presence, IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>How long a stopping node waits for its withdrawals before it closes connections anyway.</summary>
    public static readonly TimeSpan WithdrawTimeout = TimeSpan.FromSeconds(3);

    private CancellationTokenRegistration _stopping;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(Withdraw);
        return base.StartAsync(cancellationToken);
    }

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

    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    private void Withdraw()
    {
        // The host waits for its stopping callbacks; a store that does not answer must not hold the
        // shutdown longer than this (the reports then lapse with their lease).
        using var timeout = new CancellationTokenSource(WithdrawTimeout);
        try
        {
            presence.WithdrawAllAsync(timeout.Token).Wait(CancellationToken.None);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            // Timed out: the leases end the reports instead.
        }
    }
}
