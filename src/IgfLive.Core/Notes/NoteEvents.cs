using IgfLive.Core.Sessions;

namespace IgfLive.Core.Notes;

/// <param name="RequestId">The client's id for the note, if it gave one (null in events recorded before request ids).</param>
public sealed record NoteAdded(
    string NoteId,
    NoteKind Kind,
    string Text,
    int Segment,
    string? SpeakerId,
    string? QuestionId,
    TimeSpan SessionTime,
    string? RequestId = null) : SessionEvent;

public sealed record NoteEdited(string NoteId, NoteKind Kind, string Text, int Segment, string? SpeakerId) : SessionEvent;

public sealed record NoteDeleted(string NoteId) : SessionEvent;

public sealed record NoteRestored(string NoteId) : SessionEvent;
