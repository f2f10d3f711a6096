namespace IgfLive.Core.Programme;

/// <summary>The part a person the programme names plays in a session.</summary>
public enum ProgrammeRole
{
    Speaker,
    OnsiteModerator,
    OnlineModerator,
    Rapporteur,
}
