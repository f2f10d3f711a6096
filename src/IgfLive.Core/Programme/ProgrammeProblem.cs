namespace IgfLive.Core.Programme;

/// <summary>Something wrong in a programme file, at a line (CSV) or entry number (iCalendar, frab); 0 for the file as a whole.</summary>
public sealed record ProgrammeProblem(int Line, string Message);
