namespace IgfLive.Server.Hubs.KeepAlive;

/// <summary>
/// Deals members out over the steps of a round so that each is due once a round and every step
/// has about the same number: N members over S steps are ⌈N/S⌉ or ⌊N/S⌋ a step while they join
/// in turn. Thread-safe; members join and leave at any time.
/// </summary>
public sealed class KeepAliveSchedule<T> where T : class
{
    private readonly HashSet<T>[] _steps;
    private readonly Dictionary<T, int> _stepOf = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();
    private int _next;

    public KeepAliveSchedule(int stepsPerRound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepsPerRound, 1);
        _steps = new HashSet<T>[stepsPerRound];
        for (var i = 0; i < stepsPerRound; i++)
        {
            _steps[i] = new HashSet<T>(ReferenceEqualityComparer.Instance);
        }
    }

    public int StepsPerRound => _steps.Length;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _stepOf.Count;
            }
        }
    }

    /// <summary>Adds a member to the next step in turn; false when it is already scheduled.</summary>
    public bool Add(T member)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            if (_stepOf.ContainsKey(member))
            {
                return false;
            }
            var step = _next;
            _next = (_next + 1) % _steps.Length;
            _stepOf.Add(member, step);
            _steps[step].Add(member);
            return true;
        }
    }

    public bool Remove(T member)
    {
        ArgumentNullException.ThrowIfNull(member);
        lock (_gate)
        {
            if (!_stepOf.Remove(member, out var step))
            {
                return false;
            }
            _steps[step].Remove(member);
            return true;
        }
    }

    /// <summary>
    /// Replaces the contents of <paramref name="due"/> with the members due at <paramref name="step"/>
    /// (any step number; it is taken round by round), so the caller acts on them outside the lock.
    /// </summary>
    public void CopyDue(long step, List<T> due)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentNullException.ThrowIfNull(due);
        due.Clear();
        lock (_gate)
        {
            due.AddRange(_steps[(int)(step % _steps.Length)]);
        }
    }
}
