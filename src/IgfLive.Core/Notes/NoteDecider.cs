using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Notes;

/// <summary>Decides the rapporteur's commands.</summary>
internal static class NoteDecider
{
    public static Decision Decide(SessionState state, SessionCommand command, DateTimeOffset now) => command switch
    {
        AddNote c => CheckRequestId(c.RequestId)
            ?? (state.FindNoteByRequest(c.RequestId) is null ? Add(state, c.Kind, c.Text, c.Segment, c.SpeakerId, c.QuestionId, now, c.RequestId) : Decision.Nothing),
        EditNote c => With(state, c.NoteId, note => note.Deleted
            ? Decision.Reject(RejectionCode.IllegalTransition, $"Note {c.NoteId} is deleted; restore it before editing.")
            : CheckKind(c.Kind)
                ?? TextRules.Check(c.Text, TextRules.NoteMax, "note", out var text)
                ?? CheckPlace(state, c.Segment ?? note.Segment, c.SpeakerId)
                ?? Edited(note, new NoteEdited(c.NoteId, c.Kind, text, c.Segment ?? note.Segment, c.SpeakerId))),
        DeleteNote c => With(state, c.NoteId, note => note.Deleted
            ? Decision.Reject(RejectionCode.IllegalTransition, $"Note {c.NoteId} is already deleted.")
            : Decision.Accept(new NoteDeleted(c.NoteId))),
        RestoreNote c => With(state, c.NoteId, note => note.Deleted
            ? Decision.Accept(new NoteRestored(c.NoteId))
            : Decision.Reject(RejectionCode.IllegalTransition, $"Note {c.NoteId} is not deleted.")),
        PromoteQuestion c => QuestionDecider.With(state, c.QuestionId, QuestionAction.Promote, question =>
            TextRules.CheckOptional(c.Answer, TextRules.NoteMax, "answer", out var answer)
            ?? Add(state, c.Kind, PromotedText(question, answer), question.Segment, question.AddressedTo, question.Id, now, null)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a note command."),
    };

    private static Decision Add(SessionState state, NoteKind kind, string text, int? segment, string? speakerId, string? questionId, DateTimeOffset now, string? requestId)
    {
        var place = segment ?? state.Clock.Segment;
        // A note without a speaker is tied to whoever holds the floor now.
        var speaker = speakerId ?? (segment is null ? Clock.ClockEvaluator.Evaluate(state, now).SpeakerId : null);
        var rejection = TextRules.Check(text, TextRules.NoteMax, "note", out var cleaned) ?? CheckKind(kind) ?? CheckPlace(state, place, speaker);
        if (rejection is not null)
        {
            return rejection;
        }
        if (questionId is not null && state.FindQuestion(questionId) is null)
        {
            return Decision.Reject(RejectionCode.NotFound, $"There is no question {questionId} in this session.");
        }
        var sessionTime = state.Clock.StartedAt is { } started ? (state.Clock.EndedAt ?? now) - started : TimeSpan.Zero;
        return Decision.Accept(new NoteAdded($"n{state.Notes.Count + 1}", kind, cleaned, place, speaker, questionId, sessionTime, requestId));
    }

    /// <summary>An edit that leaves the note as it is (a save with nothing changed) records nothing.</summary>
    private static Decision Edited(Note note, NoteEdited edit) =>
        edit.Kind == note.Kind && edit.Text == note.Text && edit.Segment == note.Segment && edit.SpeakerId == note.SpeakerId
            ? Decision.Nothing
            : Decision.Accept(edit);

    private static string PromotedText(Question question, string? answer)
    {
        var asker = question.Author.IsAnonymous ? "anonymous" : question.Author.Name;
        var text = $"Q ({asker}): {question.Text}";
        return answer is null ? text : $"{text}\nA: {answer}";
    }

    private static Rejection? CheckRequestId(string? requestId) =>
        requestId is null || (requestId.Length is > 0 and <= TextRules.RequestIdMax && requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            ? null
            : new Rejection(RejectionCode.InvalidInput, $"A request id is 1 to {TextRules.RequestIdMax} letters, digits, '_' or '-'.");

    private static Rejection? CheckKind(NoteKind kind) => Enum.IsDefined(kind)
        ? null
        : new Rejection(RejectionCode.InvalidInput, $"{(int)kind} is not a kind of note.");

    private static Rejection? CheckPlace(SessionState state, int segment, string? speakerId)
    {
        if (segment < 0 || segment >= state.Definition.Segments.Count)
        {
            return new Rejection(RejectionCode.NotFound, $"There is no segment {segment} in this session.");
        }
        return speakerId is not null && state.Definition.Speakers.All(s => s.Id != speakerId)
            ? new Rejection(RejectionCode.NotFound, $"There is no speaker {speakerId} in this session.")
            : null;
    }

    private static Decision With(SessionState state, string noteId, Func<Note, Decision> decide) =>
        state.FindNote(noteId) is { } note
            ? decide(note)
            : Decision.Reject(RejectionCode.NotFound, $"There is no note {noteId} in this session.");
}
