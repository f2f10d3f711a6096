using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Properties;

/// <summary>
/// A random session: the seed agenda (with or without per-speaker slots), opened some minutes
/// before or after its scheduled start or years later, then 1 to 200 commands of every kind.
/// </summary>
public sealed record Script(bool Slots, bool AllowAnonymous, bool TightThresholds, TimeSpan OpenedAfterStart, ScriptStep[] Steps)
{
    public SessionDefinition Definition()
    {
        var builder = new SessionBuilder().AllowingAnonymousQuestions(AllowAnonymous);
        if (Slots)
        {
            builder.WithPresentationSlots();
        }
        if (TightThresholds)
        {
            builder.WithThresholds(new ClockThresholds(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15)));
        }
        return builder.Build();
    }
}
