using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace IgfLive.Load;

/// <summary>
/// A server's garbage-collection pauses and lock contentions during a phase, from the runtime's own
/// events over EventPipe (what <c>dotnet-trace</c> records with the GC and contention keywords),
/// and what Kestrel's pinned memory pool allocated and evicted (its meter, once a second, as
/// <c>dotnet-counters</c> reads it). Only these two keywords at Informational and one meter: a few
/// dozen events a minute, so watching costs the generator's core nothing measurable.
/// </summary>
internal sealed class PauseWatch : IAsyncDisposable
{
    private const string MetricsProvider = "System.Diagnostics.Metrics";
    private const long MetricsTimeSeriesKeyword = 0x2;
    private const string MemoryPoolMeter = "Microsoft.AspNetCore.MemoryPool";

    private readonly EventPipeSession _session;
    private readonly Task _processing;
    private readonly long _began = Environment.TickCount64;
    private readonly List<double> _pauses = [];
    private readonly List<Interval> _pauseIntervals = [];
    // Event times are wall-clock; these two readings place them on this process's Stopwatch.
    private readonly DateTime _anchorUtc = DateTime.UtcNow;
    private readonly long _anchorTimestamp = Stopwatch.GetTimestamp();
    private readonly List<double> _contentions = [];
    private readonly int[] _collections = new int[3];
    private readonly List<string> _gen2 = [];
    private double _poolAllocated;
    private double _poolEvicted;
    private double _suspendedAt = double.NaN;
    private long _suspendedStamp;
    private long _ended;

    private PauseWatch(EventPipeSession session)
    {
        _session = session;
        var source = new EventPipeEventSource(session.EventStream);
        var clr = new ClrTraceEventParser(source);
        clr.GCStart += e =>
        {
            lock (_pauses)
            {
                _collections[Math.Clamp(e.Depth, 0, 2)]++;
                if (e.Depth >= 2)
                {
                    _gen2.Add($"{e.Type} for {e.Reason}");
                }
            }
        };
        // A pause runs from the runtime suspending managed threads to it resuming them.
        clr.GCSuspendEEStart += e =>
        {
            _suspendedAt = e.TimeStampRelativeMSec;
            _suspendedStamp = ToTimestamp(e.TimeStamp);
        };
        clr.GCRestartEEStop += e =>
        {
            if (!double.IsNaN(_suspendedAt))
            {
                lock (_pauses)
                {
                    _pauses.Add(e.TimeStampRelativeMSec - _suspendedAt);
                    _pauseIntervals.Add(new Interval(_suspendedStamp, ToTimestamp(e.TimeStamp)));
                }
                _suspendedAt = double.NaN;
            }
        };
        clr.ContentionStop += e =>
        {
            lock (_pauses)
            {
                _contentions.Add(e.DurationNs / 1e6);
            }
        };
        // The meter's counters arrive as the change over each interval ("rate"), as text.
        source.Dynamic.All += e =>
        {
            if (e.ProviderName != MetricsProvider || e.EventName != "CounterRateValuePublished"
                || e.PayloadByName("meterName") as string != MemoryPoolMeter
                || !double.TryParse(e.PayloadByName("rate") as string, NumberStyles.Float, CultureInfo.InvariantCulture, out var bytes))
            {
                return;
            }
            lock (_pauses)
            {
                switch (e.PayloadByName("instrumentName") as string)
                {
                    case "aspnetcore.memory_pool.allocated": _poolAllocated += bytes; break;
                    case "aspnetcore.memory_pool.evicted": _poolEvicted += bytes; break;
                }
            }
        };
        _processing = Task.Factory.StartNew(source.Process, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Starts watching the process; null (with a note on stderr) when its runtime cannot be reached.</summary>
    public static PauseWatch? Start(int pid)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Contention);
        var meter = new Dictionary<string, string>
        {
            ["SessionId"] = Guid.NewGuid().ToString("N"),
            ["Metrics"] = MemoryPoolMeter,
            ["RefreshInterval"] = "1",
            ["MaxTimeSeries"] = "100",
            ["MaxHistograms"] = "10",
        };
        try
        {
            var session = new DiagnosticsClient(pid).StartEventPipeSession(
                [
                    new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords),
                    new EventPipeProvider(MetricsProvider, EventLevel.Informational, MetricsTimeSeriesKeyword, meter),
                ],
                requestRundown: false);
            return new PauseWatch(session);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"not watching the GC of process {pid}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Ends the watch and adds what it saw as <c>{prefix}gc_*</c>, <c>{prefix}lock_*</c> and
    /// <c>{prefix}pool_*</c> metrics (the pool's: KiB allocated — pinned, so counted towards a
    /// large-object collection — and evicted while watched).
    /// </summary>
    public async Task IntoAsync(Dictionary<string, double> metrics, string prefix)
    {
        await StopAsync();
        lock (_pauses)
        {
            var seconds = Math.Max((_ended - _began) / 1000.0, 0.001);
            metrics[$"{prefix}gc_pauses"] = _pauses.Count;
            metrics[$"{prefix}gc_gen0"] = _collections[0];
            metrics[$"{prefix}gc_gen1"] = _collections[1];
            metrics[$"{prefix}gc_gen2"] = _collections[2];
            metrics[$"{prefix}gc_pause_total_ms"] = Math.Round(_pauses.Sum(), 1);
            metrics[$"{prefix}gc_paused_percent"] = Math.Round(_pauses.Sum() / 10 / seconds, 2);
            metrics[$"{prefix}lock_contentions"] = _contentions.Count;
            metrics[$"{prefix}pool_allocated_kib"] = Math.Round(_poolAllocated / 1024);
            metrics[$"{prefix}pool_evicted_kib"] = Math.Round(_poolEvicted / 1024);
            if (_pauses.Count > 0)
            {
                new Percentiles(_pauses).Into(metrics, $"{prefix}gc_pause");
            }
            if (_contentions.Count > 0)
            {
                metrics[$"{prefix}lock_contention_max_ms"] = Math.Round(_contentions.Max(), 1);
            }
        }
    }

    /// <summary>Each gen2 collection seen, as "{type} for {reason}" (e.g. "NonConcurrentGC for AllocSmall").</summary>
    public IReadOnlyList<string> Gen2Collections
    {
        get
        {
            lock (_pauses)
            {
                return [.. _gen2];
            }
        }
    }

    /// <summary>
    /// Sets latencies against the pauses (after <see cref="IntoAsync"/>): how many of those over
    /// <paramref name="slowMs"/> were under way while the server was paused, as
    /// <c>{name}_over_{slowMs}ms</c> and <c>…_met_gc</c>, and the percentiles of those that met no pause
    /// as <c>{name}_outside_gc_*</c>.
    /// </summary>
    public void Attribute(IReadOnlyList<Interval> latencies, int slowMs, Dictionary<string, double> metrics, string name)
    {
        Interval[] pauses;
        lock (_pauses)
        {
            pauses = [.. _pauseIntervals];
        }
        bool MetPause(Interval interval) => pauses.Any(interval.Overlaps);
        var slow = latencies.Where(l => l.Milliseconds > slowMs).ToList();
        metrics[$"{name}_over_{slowMs}ms"] = slow.Count;
        metrics[$"{name}_over_{slowMs}ms_met_gc"] = slow.Count(MetPause);
        new Percentiles(latencies.Where(l => !MetPause(l)).Select(l => l.Milliseconds)).Into(metrics, $"{name}_outside_gc");
    }

    private long ToTimestamp(DateTime time) =>
        _anchorTimestamp + (long)((time.ToUniversalTime() - _anchorUtc).TotalSeconds * Stopwatch.Frequency);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _session.Dispose();
    }

    private async Task StopAsync()
    {
        if (Interlocked.CompareExchange(ref _ended, Environment.TickCount64, 0) != 0)
        {
            return;
        }
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException)
        {
            // The process ended first; what was read so far stands.
        }
        await _processing;
    }
}
