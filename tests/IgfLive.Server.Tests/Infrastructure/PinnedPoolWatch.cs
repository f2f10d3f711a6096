using System.Diagnostics.Metrics;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// How much of one server's pinned memory pool (Kestrel's send and receive buffers) is lent out,
/// from the pool's own meter: allocated − evicted − pooled, counted from when the watch starts.
/// Only the instruments of the given server's meter factory are read, so servers of other tests
/// running beside it do not count.
/// </summary>
public sealed class PinnedPoolWatch : IDisposable
{
    private const string MeterName = "Microsoft.AspNetCore.MemoryPool";

    private readonly MeterListener _listener = new();
    private long _allocated;
    private long _evicted;
    private long _pooled;

    public PinnedPoolWatch(IMeterFactory serversMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && ReferenceEquals(instrument.Meter.Scope, serversMeters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, bytes, _, _) =>
        {
            switch (instrument.Name)
            {
                case "aspnetcore.memory_pool.allocated": Interlocked.Add(ref _allocated, bytes); break;
                case "aspnetcore.memory_pool.evicted": Interlocked.Add(ref _evicted, bytes); break;
                case "aspnetcore.memory_pool.pooled": Interlocked.Add(ref _pooled, bytes); break;
            }
        });
        _listener.Start();
    }

    /// <summary>Bytes lent out now, less those lent out when the watch started.</summary>
    public long LentSinceStart => Interlocked.Read(ref _allocated) - Interlocked.Read(ref _evicted) - Interlocked.Read(ref _pooled);

    public void Dispose() => _listener.Dispose();
}
