namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// The lock that guards what a test client has received, and a wait for the next change to it: a
/// test waits for what it expects to arrive, never for a length of time.
/// </summary>
public sealed class ReceivedChanges
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Held to read or change what the client keeps.</summary>
    public Lock Gate { get; } = new();

    /// <summary>A copy of one of the lists the client keeps, taken under the lock.</summary>
    public IReadOnlyList<T> Copy<T>(List<T> list)
    {
        lock (Gate)
        {
            return [.. list];
        }
    }

    /// <summary>Makes a change under the lock, then wakes whoever waits.</summary>
    public void Record(Action change)
    {
        ArgumentNullException.ThrowIfNull(change);
        TaskCompletionSource done;
        lock (Gate)
        {
            change();
            done = _changed;
            _changed = NewSignal();
        }
        done.TrySetResult();
    }

    /// <summary>Waits until <paramref name="probe"/> finds something, looking again after each change.</summary>
    public async Task<T> WaitForAsync<T>(Func<T?> probe, string what) where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        using var timeout = new CancellationTokenSource(SessionClient.Timeout);
        while (true)
        {
            Task changed;
            lock (Gate)
            {
                changed = _changed.Task;
            }
            if (probe() is { } found)
            {
                return found;
            }
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {SessionClient.Timeout.TotalSeconds} s waiting for {what}.");
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
