using System.Globalization;

namespace IgfLive.Server.Hosting;

/// <summary>
/// How many arrays of each size the runtime's shared array pool keeps per core. Every message a
/// SignalR connection sends or receives, keep-alive pings included, passes through a 4 KiB segment
/// rented from that pool; a broadcast to a big session, or the heartbeat pinging hundreds of idle
/// connections in one pass, rents one per connection at once. Beyond the default of 32 every rented
/// array is new and turns into garbage when it comes back to a full pool. 8,192 covers a broadcast
/// to a 5,000-person session; what the pool keeps is never more than what was rented at once, and
/// the runtime trims what goes unused. Measured in docs/benchmarks.md. An operator's own setting
/// of the variable wins.
/// </summary>
public static class SharedArrayPoolSize
{
    public const string Variable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    public const int ArraysPerPartition = 8192;

    /// <summary>
    /// Sets the variable unless it is set already. The runtime reads it once, when the pool is first
    /// used, so this runs first thing in <c>Main</c>.
    /// </summary>
    public static void Apply()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Environment.SetEnvironmentVariable(Variable, ArraysPerPartition.ToString(CultureInfo.InvariantCulture));
        }
    }
}
