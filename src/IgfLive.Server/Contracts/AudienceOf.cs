using IgfLive.Core.Sessions;

namespace IgfLive.Server.Contracts;

/// <summary>Which audience a role belongs to.</summary>
public static class AudienceOf
{
    public static Audience Role(SessionRole role) => role switch
    {
        SessionRole.Participant => Audience.Participant,
        SessionRole.Stage => Audience.Stage,
        _ => Audience.Staff,
    };
}
