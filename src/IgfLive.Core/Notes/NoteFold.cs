using IgfLive.Core.Sessions;

namespace IgfLive.Core.Notes;

/// <summary>How note events change a session's state. Events were validated when decided.</summary>
internal static class NoteFold
{
    public static SessionState Apply(SessionState state, RecordedEvent recorded) => recorded.Event switch
    {
        NoteAdded e => state with
        {
            Notes = state.Notes.Add(e.NoteId, new Note(
                e.NoteId, e.Kind, e.Text, e.Segment, e.SpeakerId, e.QuestionId, e.SessionTime, recorded.At, null, false, e.RequestId)),
        },
        NoteEdited e => Set(state, e.NoteId, n => n with
        {
            Kind = e.Kind,
            Text = e.Text,
            Segment = e.Segment,
            SpeakerId = e.SpeakerId,
            EditedAt = recorded.At,
        }),
        NoteDeleted e => Set(state, e.NoteId, n => n with { Deleted = true }),
        NoteRestored e => Set(state, e.NoteId, n => n with { Deleted = false }),
        _ => state,
    };

    private static SessionState Set(SessionState state, string id, Func<Note, Note> change) =>
        state with { Notes = state.Notes.SetItem(id, change(state.Notes[id])) };
}
