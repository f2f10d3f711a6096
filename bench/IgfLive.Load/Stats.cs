using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>Nearest-rank percentiles of a sample.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values)
    {
        _sorted = [.. values];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public double this[double percentile] => _sorted.Length == 0
        ? double.NaN
        : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public void Into(Dictionary<string, double> metrics, string name)
    {
        metrics[$"{name}_p50_ms"] = this[50];
        metrics[$"{name}_p95_ms"] = this[95];
        metrics[$"{name}_p99_ms"] = this[99];
        metrics[$"{name}_max_ms"] = Max;
        metrics[$"{name}_n"] = Count;
    }
}

/// <summary>A thread-safe list of latencies in milliseconds.</summary>
internal sealed class LatencyLog
{
    private readonly List<double> _values = [];
    private readonly List<Interval> _intervals = [];

    public void Add(double milliseconds)
    {
        lock (_values)
        {
            _values.Add(milliseconds);
        }
    }

    /// <summary>Records the time from <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp) to now, and when it was.</summary>
    public void AddSince(long started)
    {
        var ended = Stopwatch.GetTimestamp();
        lock (_values)
        {
            _values.Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);
            _intervals.Add(new Interval(started, ended));
        }
    }

    /// <summary>When each latency recorded with <see cref="AddSince"/> began and ended.</summary>
    public IReadOnlyList<Interval> Intervals()
    {
        lock (_values)
        {
            return [.. _intervals];
        }
    }

    public Percentiles Snapshot()
    {
        lock (_values)
        {
            return new Percentiles(_values);
        }
    }
}

/// <summary>An interval between two <see cref="Stopwatch"/> timestamps.</summary>
internal readonly record struct Interval(long Start, long End)
{
    public double Milliseconds => Stopwatch.GetElapsedTime(Start, End).TotalMilliseconds;

    public bool Overlaps(Interval other) => Start <= other.End && other.Start <= End;
}
