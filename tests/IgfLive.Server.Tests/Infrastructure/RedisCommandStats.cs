using System.Globalization;
using StackExchange.Redis;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>What a test's own Redis counts of the commands it was sent.</summary>
public static class RedisCommandStats
{
    /// <summary>Calls of each Redis command since start or the last reset (INFO commandstats).</summary>
    public static async Task<Dictionary<string, long>> CallsAsync(IDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stats = (string)(await db.ExecuteAsync("INFO", "commandstats"))!;
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in stats.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // cmdstat_llen:calls=3,usec=12,usec_per_call=4.00,…
            if (line.StartsWith("cmdstat_", StringComparison.Ordinal) && line.IndexOf(":calls=", StringComparison.Ordinal) is var at and > 0)
            {
                var value = line[(at + ":calls=".Length)..];
                calls[line["cmdstat_".Length..at]] = long.Parse(value[..value.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            }
        }
        return calls;
    }
}
