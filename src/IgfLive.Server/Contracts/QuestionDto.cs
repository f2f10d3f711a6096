namespace IgfLive.Server.Contracts;

/// <summary>
/// A question as a client sees it. <see cref="OriginalText"/> is sent to staff only; participants
/// never see another participant's id, only whether a question is their own. A rejection's reason,
/// and the code of a preset one, go to staff and the author alone.
/// </summary>
/// <param name="Actions">What the viewer's role may send for the question now, by hub method
/// (<see cref="Hubs.QuestionActions"/>); empty for participants and the stage display.</param>
public sealed record QuestionDto(
    string Id,
    string Text,
    string? OriginalText,
    string? AuthorName,
    string? Organisation,
    string? StakeholderGroup,
    string Channel,
    string? AddressedTo,
    int Segment,
    string Status,
    int Votes,
    DateTimeOffset SubmittedAt,
    string? RejectionReason,
    string? RejectionCode,
    string? MergedInto,
    bool Mine,
    IReadOnlyList<string> Actions);
