using System.Text.Json;
using IgfLive.Load;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"IgfLive.Load: {ex.Message}");
    Console.Error.WriteLine("usage: IgfLive.Load fanout|throughput|idle|joinstorm|slowreaders|day|event --url http://127.0.0.1:PORT [--raw] [--clients N] [--rate B] [--seconds T] …");
    Console.Error.WriteLine("       IgfLive.Load report --dir RESULTS [--markdown FILE]");
    return 2;
}

if (options.Scenario == "report")
{
    return Report.Print(options);
}

// Thousands of sockets finish connecting at once; don't let the thread pool ramp up slowly.
ThreadPool.SetMinThreads(Math.Max(Environment.ProcessorCount * 4, 8), 8);

var harness = new Harness(options);
Console.Error.WriteLine($"{harness.Result.Label}: {options.Clients} clients, {options.Rate}/s for {options.Seconds}s against {string.Join(", ", options.Urls)} (server pids {string.Join(",", harness.Servers.Select(s => s.Pid))})");
try
{
    await (options.Scenario switch
    {
        "fanout" or "cluster" => Scenarios.FanoutAsync(harness),
        "slowreaders" => Scenarios.FanoutAsync(harness, slowReaders: true),
        "throughput" => Scenarios.ThroughputAsync(harness),
        "idle" => Scenarios.IdleAsync(harness),
        "joinstorm" => Scenarios.JoinStormAsync(harness),
        "day" => Scenarios.DayAsync(harness),
        "event" => Scenarios.EventAsync(harness),
        _ => throw new ArgumentException($"Unknown scenario {options.Scenario}."),
    });
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or HttpRequestException)
{
    harness.Result.Notes.Add($"failed: {ex.Message}");
    harness.Metrics["failed"] = 1;
    Console.Error.WriteLine($"{harness.Result.Label} failed: {ex}");
}

foreach (var (name, value) in harness.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
{
    Console.Error.WriteLine($"  {name} = {value:0.###}");
}
await harness.DisposeAsync();
var json = JsonSerializer.Serialize(harness.Result, ScenarioResult.Json);
if (options.Out is { } path)
{
    await File.WriteAllTextAsync(path, json);
}
else
{
    Console.WriteLine(json);
}
return harness.Metrics.ContainsKey("failed") ? 1 : 0;
