namespace IgfLive.Core.Programme;

/// <summary>
/// What a programme reader made of a file: the entries it could read, a problem for each one it could
/// not (those rows are not in <see cref="Entries"/>), and the columns it ignored.
/// </summary>
/// <param name="Malformed">Set when the file as a whole cannot be read (not XML, no header row, no entries at all…): then there are no entries.</param>
/// <param name="IgnoredColumns">CSV columns that name nothing the reader knows, in file order; empty for other formats.</param>
public sealed record ProgrammeFile(
    IReadOnlyList<ProgrammeEntry> Entries,
    IReadOnlyList<ProgrammeProblem> Errors,
    IReadOnlyList<string> IgnoredColumns,
    ProgrammeProblem? Malformed = null)
{
    public static ProgrammeFile Unreadable(int line, string message) => new([], [], [], new ProgrammeProblem(line, message));
}
