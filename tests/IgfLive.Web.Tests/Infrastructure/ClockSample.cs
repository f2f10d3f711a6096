namespace IgfLive.Web.Tests.Infrastructure;

/// <summary>A clock reading from one page.</summary>
public readonly record struct ClockSample(double RemainingMs, double RenderedAt, double ReadAt)
{
    /// <summary>What the page's countdown stands at at <paramref name="instant"/> (browser Unix ms), for a running clock.</summary>
    public double RemainingAt(double instant) => RemainingMs - (instant - RenderedAt);
}
