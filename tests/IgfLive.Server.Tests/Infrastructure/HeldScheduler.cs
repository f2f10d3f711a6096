using System.IO.Pipelines;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// Runs work on the thread pool, except while held: then it keeps what it is given until
/// <see cref="Release"/>, which runs it (and whatever that schedules) in order on the caller's thread.
/// </summary>
public sealed class HeldScheduler : PipeScheduler
{
    private readonly Lock _gate = new();
    private readonly Queue<(Action<object?> Action, object? State)> _held = new();
    private bool _holding;

    /// <summary>How many pieces of work are waiting.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    public void Hold()
    {
        lock (_gate)
        {
            _holding = true;
        }
    }

    /// <summary>Stops holding and runs everything that was held; returns how many pieces of work ran.</summary>
    public int Release()
    {
        var ran = 0;
        while (true)
        {
            (Action<object?> Action, object? State) next;
            lock (_gate)
            {
                if (!_held.TryDequeue(out next))
                {
                    _holding = false;
                    return ran;
                }
            }
            next.Action(next.State);
            ran++;
        }
    }

    public override void Schedule(Action<object?> action, object? state)
    {
        lock (_gate)
        {
            if (_holding)
            {
                _held.Enqueue((action, state));
                return;
            }
        }
        ThreadPool.Schedule(action, state);
    }
}
