using System.ComponentModel.DataAnnotations;

namespace IgfLive.Server.Hosting;

/// <summary>Settings under "IgfLive" (environment: IgfLive__OrganiserKey, …).</summary>
public sealed class IgfLiveOptions
{
    public const string SectionName = "IgfLive";

    public const int MinimumKeyLength = 16;

    /// <summary>
    /// The secret organisers present as "Authorization: Bearer …" to create and list sessions.
    /// Required outside Development; in Development one is generated once, kept in the data
    /// directory and printed at start-up.
    /// </summary>
    [MinLength(MinimumKeyLength, ErrorMessage = "IgfLive:OrganiserKey must be at least 16 characters.")]
    public string? OrganiserKey { get; set; }

    /// <summary>True when the key was generated at start-up (Development only) and must be shown to the developer.</summary>
    public bool OrganiserKeyGenerated { get; set; }

    /// <summary>Base address used in role links (e.g. https://live.example.org). Defaults to the request's own.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// A session's folded state is saved every this many events, so loading it replays at most this
    /// many. The event log itself is kept whole: resync always returns exact events.
    /// </summary>
    [Range(10, 100_000, ErrorMessage = "IgfLive:SnapshotEvery must be between 10 and 100000 events.")]
    public int SnapshotEvery { get; set; } = 200;
}
