namespace IgfLive.Core.Agenda;

/// <summary>A line of the pasted agenda that was not turned into (or not fully turned into) a segment.</summary>
/// <param name="Line">
/// 1-based line number; 0 when the entry concerns the whole input (for example when it is too large to parse).
/// </param>
/// <param name="Text">The line as pasted, trimmed; empty when <paramref name="Line"/> is 0.</param>
/// <param name="Reason">Why the line was skipped, in words an organiser can act on.</param>
public sealed record UnreadLine(int Line, string Text, string Reason);
