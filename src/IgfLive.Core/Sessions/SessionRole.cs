namespace IgfLive.Core.Sessions;

/// <summary>Who is acting in a session. Each role but the participant has its own secret link.</summary>
public enum SessionRole
{
    Participant,
    OnlineModerator,
    OnsiteModerator,
    Rapporteur,

    /// <summary>The speakers' stage display: sees the clock and stage messages, acknowledges them.</summary>
    Stage,
}
