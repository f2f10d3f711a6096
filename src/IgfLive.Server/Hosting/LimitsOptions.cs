using System.ComponentModel.DataAnnotations;

namespace IgfLive.Server.Hosting;

/// <summary>
/// Per-participant rate limits (section "Limits"): enough for a person, too little for a script;
/// and how much the server holds for a connection that does not read.
/// </summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    [Range(1, 1000)]
    public int QuestionsPerMinute { get; set; } = 5;

    [Range(1, 10000)]
    public int VotesPerMinute { get; set; } = 60;

    /// <summary>Any hub call, by any role, per connection per second: a flood guard.</summary>
    [Range(1, 10000)]
    public int CallsPerSecond { get; set; } = 20;

    /// <summary>
    /// What Kestrel queues for one connection beyond its socket before the writer waits (Kestrel's
    /// default is 64 KiB). A client that stops reading — a frozen laptop — fills it, then SignalR's
    /// own 64 KiB, and is closed 10 s after its sends stop moving. This part is pinned memory, which
    /// the runtime counts towards its large-object collections: 1 % of a 5,000-person session
    /// stalled pinned 3.2 MiB at 64 KiB and a blocking gen2 collection often followed. A reading
    /// connection's queue rarely reaches it, and under load the rest waits in SignalR's buffer
    /// (docs/decisions.md; docs/benchmarks.md, P6).
    /// </summary>
    [Range(4, 1024)]
    public int SendBufferKiB { get; set; } = 16;
}
