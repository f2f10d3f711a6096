using IgfLive.Server.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IgfLive.Server.Hosting;

/// <summary>Ready means the store answers: without it no command can be accepted.</summary>
public sealed class StoreHealthCheck(IStoreProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await probe.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy("The session store answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The session store does not answer.", ex);
        }
    }
}
