using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IgfLive.Load;

/// <summary>What one scenario run measured; written as JSON for the report.</summary>
internal sealed class ScenarioResult
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Scenario { get; set; } = "";

    public string Label { get; set; } = "";

    public string Target { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; } = DateTimeOffset.UtcNow;

    public List<int> ServerPids { get; set; } = [];

    public Dictionary<string, double> Metrics { get; set; } = [];

    public List<string> Notes { get; set; } = [];

    public Dictionary<string, string> Facts { get; set; } = [];

    public List<Dictionary<string, double>> Steps { get; set; } = [];
}

/// <summary>Samples the servers' resident memory twice a second; keeps the peak.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly Harness _harness;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(Harness harness)
    {
        _harness = harness;
        Start = harness.ServerRssKib();
        Peak = Start;
        _loop = LoopAsync();
    }

    public long Start { get; }

    public long Peak { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    public void Into(string prefix)
    {
        _harness.Metrics[prefix + "rss_start_mib"] = Math.Round(Start / 1024.0, 1);
        _harness.Metrics[prefix + "rss_end_mib"] = Math.Round(_harness.ServerRssKib() / 1024.0, 1);
        _harness.Metrics[prefix + "rss_peak_mib"] = Math.Round(Peak / 1024.0, 1);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(500, _stop.Token);
            Peak = Math.Max(Peak, _harness.ServerRssKib());
        }
    }
}

internal static class Clock
{
    public static double Since(long timestamp) => Stopwatch.GetElapsedTime(timestamp).TotalSeconds;
}
