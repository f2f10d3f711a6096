namespace IgfLive.Core.Programme;

/// <summary>Something in a programme an organiser should fix or accept knowingly; it never stops an import.</summary>
/// <param name="Sessions">The external ids of the sessions concerned, in programme order.</param>
/// <param name="Detail">One sentence for the organiser, naming the room, person or minutes.</param>
public sealed record ProgrammeConflict(ConflictKind Kind, IReadOnlyList<string> Sessions, string Detail);
