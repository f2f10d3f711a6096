using IgfLive.Core.Sessions;

namespace IgfLive.Core.Notes;

public sealed record NoteAdded(
    string NoteId,
    NoteKind Kind,
    string Text,
    int Segment,
    string? SpeakerId,
    string? QuestionId,
    TimeSpan SessionTime) : SessionEvent;

public sealed record NoteEdited(string NoteId, NoteKind Kind, string Text, int Segment, string? SpeakerId) : SessionEvent;

public sealed record NoteDeleted(string NoteId) : SessionEvent;

public sealed record NoteRestored(string NoteId) : SessionEvent;
