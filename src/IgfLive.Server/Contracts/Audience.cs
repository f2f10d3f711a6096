using IgfLive.Core.Sessions;

namespace IgfLive.Server.Contracts;

/// <summary>The three ways a session is shown: everything, the public view, and the stage display.</summary>
public enum Audience
{
    Staff,
    Participant,
    Stage,
}

public static class AudienceOf
{
    public static Audience Role(SessionRole role) => role switch
    {
        SessionRole.Participant => Audience.Participant,
        SessionRole.Stage => Audience.Stage,
        _ => Audience.Staff,
    };
}
