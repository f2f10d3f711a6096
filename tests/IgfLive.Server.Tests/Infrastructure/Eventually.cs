namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// Waits for a condition that nothing announces (a health endpoint turning, a row appearing in a
/// store), by asking again every <see cref="Interval"/> until it holds or the timeout passes.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        using var deadline = new CancellationTokenSource(timeout);
        using var ticks = new PeriodicTimer(Interval);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            try
            {
                await ticks.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}.");
            }
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return GetAsync(async () => await condition() ? (object?)true : null, timeout, what);
    }
}
