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

    public void Add(double milliseconds)
    {
        lock (_values)
        {
            _values.Add(milliseconds);
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
