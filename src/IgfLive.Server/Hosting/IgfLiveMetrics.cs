using System.Diagnostics.Metrics;

namespace IgfLive.Server.Hosting;

/// <summary>The service's own instruments (meter "IgfLive"): connections, commands and their latency.</summary>
public sealed class IgfLiveMetrics
{
    public const string MeterName = "IgfLive";

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _cues;

    public IgfLiveMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _commands = meter.CreateCounter<long>("igflive.commands", description: "Hub commands handled, by command and outcome");
        _commandDuration = meter.CreateHistogram<double>("igflive.command.duration", unit: "ms", description: "Time from a hub command's arrival to its events being stored and broadcast");
        _connections = meter.CreateUpDownCounter<long>("igflive.connections", description: "Open hub connections");
        _cues = meter.CreateCounter<long>("igflive.cues", description: "Threshold cues raised by this node");
    }

    public void CommandCompleted(string command, bool accepted, TimeSpan duration)
    {
        var tags = new KeyValuePair<string, object?>[] { new("command", command), new("outcome", accepted ? "accepted" : "refused") };
        _commands.Add(1, tags);
        _commandDuration.Record(duration.TotalMilliseconds, tags);
    }

    public void ConnectionOpened() => _connections.Add(1);

    public void ConnectionClosed() => _connections.Add(-1);

    public void CueRaised(string cue) => _cues.Add(1, new KeyValuePair<string, object?>("cue", cue));
}
