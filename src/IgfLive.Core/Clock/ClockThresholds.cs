namespace IgfLive.Core.Clock;

/// <summary>When the clock turns to warning and critical, and when the takeaways cue fires.</summary>
public sealed record ClockThresholds(TimeSpan Warning, TimeSpan Critical, TimeSpan TakeawaysLead)
{
    /// <summary>Two minutes, thirty seconds, and the seed proposal's "with 5 minutes left".</summary>
    public static ClockThresholds Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
}
