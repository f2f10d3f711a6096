namespace IgfLive.Core.Agenda;

/// <summary>What <see cref="AgendaParser.Parse"/> made of a pasted agenda.</summary>
/// <param name="Segments">Timed segments in the order they appear.</param>
/// <param name="Unread">Every non-blank line that was skipped, with the reason, in line order.</param>
public sealed record AgendaParseResult(IReadOnlyList<ParsedSegment> Segments, IReadOnlyList<UnreadLine> Unread)
{
    /// <summary>Sum of the segments' known lengths; segments without a total count as zero.</summary>
    public int TotalMinutes => Segments.Sum(s => s.Minutes ?? 0);
}
