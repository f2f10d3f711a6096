using System.ComponentModel.DataAnnotations;

namespace IgfLive.Server.Hosting;

/// <summary>Per-participant rate limits (section "Limits"): enough for a person, too little for a script.</summary>
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
}
