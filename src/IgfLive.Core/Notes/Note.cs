namespace IgfLive.Core.Notes;

/// <summary>A rapporteur's entry, tied to where the session was when it was taken.</summary>
/// <param name="SessionTime">Time since the clock started when the note was taken.</param>
/// <param name="Deleted">Soft-deleted notes stay in the log and can be restored; the report leaves them out.</param>
/// <param name="RequestId">The id the client gave when adding it, so that a resend finds it (see <see cref="Sessions.AddNote"/>).</param>
public sealed record Note(
    string Id,
    NoteKind Kind,
    string Text,
    int Segment,
    string? SpeakerId,
    string? QuestionId,
    TimeSpan SessionTime,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    string? RequestId);
