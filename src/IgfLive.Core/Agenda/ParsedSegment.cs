namespace IgfLive.Core.Agenda;

/// <summary>One timed segment read from a pasted agenda.</summary>
/// <param name="Line">1-based line number in the pasted text where the segment starts.</param>
/// <param name="Title">Short title (at most 80 characters, never empty).</param>
/// <param name="Minutes">
/// Length of the segment, 1–600. Null only when the line gave a per-speaker slot but neither a total
/// nor a speaker count; the parser then also reports the line in <see cref="AgendaParseResult.Unread"/>.
/// </param>
/// <param name="Kind">What the segment is for, inferred from its wording.</param>
/// <param name="Description">
/// The rest of the line's text and any continuation lines (sub-points, indented lines), one per line; null when there is none.
/// </param>
/// <param name="PerSpeaker">Per-speaker slot when the line gave one (for example "5-6 minutes each").</param>
public sealed record ParsedSegment(
    int Line,
    string Title,
    int? Minutes,
    SegmentKind Kind,
    string? Description,
    PerSpeakerRange? PerSpeaker);
