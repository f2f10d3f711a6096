using IgfLive.Core.Agenda;

namespace IgfLive.Server.Endpoints;

/// <summary>The parser's result on the wire.</summary>
public sealed record AgendaPreview(IReadOnlyList<AgendaPreviewSegment> Segments, IReadOnlyList<UnreadLine> Unread, int TotalMinutes)
{
    public static AgendaPreview Of(AgendaParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AgendaPreview(
            [.. result.Segments.Select(s => new AgendaPreviewSegment(s.Line, s.Title, s.Minutes, s.Kind.ToString(), s.Description, s.PerSpeaker))],
            result.Unread,
            result.TotalMinutes);
    }
}

public sealed record AgendaPreviewSegment(int Line, string Title, int? Minutes, string Kind, string? Description, PerSpeakerRange? PerSpeaker);
