using System.Globalization;
using System.Text;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Endpoints;

/// <summary>
/// The question log as CSV (RFC 4180). Cells that a spreadsheet would run as a formula are
/// prefixed with an apostrophe: a question is text, even when it starts with "=".
/// </summary>
public static class QuestionLogCsv
{
    private static readonly string[] Header =
    [
        "id", "submitted_at", "status", "channel", "text", "original_text", "author", "organisation",
        "stakeholder_group", "addressed_to", "segment", "votes", "live_at", "answered_at", "rejection_reason", "merged_into",
    ];

    public static string Write(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        var questions = state.Questions.Values.OrderBy(q => q.SubmittedAt).ThenBy(q => q.Id.Length).ThenBy(q => q.Id, StringComparer.Ordinal);
        foreach (var q in questions)
        {
            var segment = q.Segment < state.Definition.Segments.Count ? state.Definition.Segments[q.Segment].Title : string.Empty;
            string?[] row =
            [
                q.Id, Time(q.SubmittedAt), q.Status.ToString(), q.Channel.ToString(), q.Text, q.OriginalText,
                q.Author.Name, q.Author.Organisation, q.Author.StakeholderGroup,
                state.Definition.Speakers.FirstOrDefault(s => s.Id == q.AddressedTo)?.Name,
                segment, q.Votes.ToString(CultureInfo.InvariantCulture), Time(q.LiveAt), Time(q.AnsweredAt), q.RejectionReason, q.MergedInto,
            ];
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string? Time(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
