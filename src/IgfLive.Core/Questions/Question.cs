using System.Collections.Immutable;

namespace IgfLive.Core.Questions;

/// <summary>An audience question as it stands now.</summary>
/// <param name="OriginalText">The author's words, kept when a moderator edits; null while unedited.</param>
/// <param name="ParticipantId">The asking participant; null for questions recorded by a moderator.</param>
/// <param name="AddressedTo">Speaker id the question is addressed to, if any.</param>
/// <param name="Segment">The agenda segment current when it was asked.</param>
/// <param name="ApprovedAt">When a moderator let it through (approved, or recorded): from then on the room has seen it, whatever follows.</param>
/// <param name="RejectionCode">The code of the preset reason it was rejected for; null when rejected with a typed reason, or not rejected.</param>
public sealed record Question(
    string Id,
    string Text,
    string? OriginalText,
    QuestionAuthor Author,
    string? ParticipantId,
    QuestionChannel Channel,
    string? AddressedTo,
    int Segment,
    QuestionStatus Status,
    DateTimeOffset SubmittedAt,
    ImmutableHashSet<string> Voters,
    string? RejectionReason,
    string? RejectionCode,
    string? MergedInto,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? LiveAt,
    DateTimeOffset? AnsweredAt)
{
    public int Votes => Voters.Count;
}
