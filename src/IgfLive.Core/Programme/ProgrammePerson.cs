namespace IgfLive.Core.Programme;

/// <summary>Someone a programme names for a session, in one role.</summary>
public sealed record ProgrammePerson(string Name, string? Organisation, string? StakeholderGroup, string? Region, ProgrammeRole Role);
