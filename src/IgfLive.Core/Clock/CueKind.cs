namespace IgfLive.Core.Clock;

/// <summary>A moment the moderator and speaker are told about.</summary>
public enum CueKind
{
    /// <summary>The segment has reached its warning threshold ("2 minutes left").</summary>
    Warning,

    /// <summary>The segment has reached its critical threshold.</summary>
    Critical,

    /// <summary>The segment ran past its planned (and adjusted) length.</summary>
    Overtime,

    /// <summary>The session is close to its end: ask for the top takeaways. Fires once per session.</summary>
    Takeaways,
}
