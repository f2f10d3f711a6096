namespace IgfLive.Server.Contracts;

/// <summary>The three ways a session is shown: everything, the public view, and the stage display.</summary>
public enum Audience
{
    Staff,
    Participant,
    Stage,
}
