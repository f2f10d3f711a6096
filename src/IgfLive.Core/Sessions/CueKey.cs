using IgfLive.Core.Clock;

namespace IgfLive.Core.Sessions;

/// <summary>Identifies a fired cue: the takeaways cue is per session (segment -1), the others per segment.</summary>
public readonly record struct CueKey(CueKind Cue, int Segment)
{
    public static CueKey Of(CueRaised raised)
    {
        ArgumentNullException.ThrowIfNull(raised);
        return new(raised.Cue, raised.Cue == CueKind.Takeaways ? -1 : raised.Segment);
    }
}
