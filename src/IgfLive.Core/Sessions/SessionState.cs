using System.Collections.Immutable;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Stage;

namespace IgfLive.Core.Sessions;

/// <summary>
/// A session as it stands after its events up to <see cref="Version"/>. Immutable: applying an
/// event returns a new state, so a command can be decided against a state without touching it.
/// </summary>
/// <param name="Version">The sequence number of the last event folded in.</param>
/// <param name="OnlineQueue">Approved questions, in the online moderator's order.</param>
/// <param name="OnsiteQueue">Forwarded questions, in the order they were forwarded unless the onsite moderator reordered them.</param>
/// <param name="RotatedKeyHashes">
/// The hash of each replaced role key's replacement (the latest). A role without one is still opened by
/// the key it was given at creation, which the server keeps beside the log.
/// </param>
/// <param name="Deleted">The organiser deleted the session before it started; it refuses every command.</param>
/// <param name="QuestionsOpen">Whether participants may ask: true from creation until a moderator closes questions or the session ends.</param>
public sealed record SessionState(
    string SessionId,
    long Version,
    SessionDefinition Definition,
    ClockState Clock,
    ImmutableDictionary<string, Question> Questions,
    ImmutableList<string> OnlineQueue,
    ImmutableList<string> OnsiteQueue,
    string? LiveQuestionId,
    ImmutableDictionary<string, Note> Notes,
    StageMessage? StageMessage,
    int StageMessagesSent,
    ImmutableHashSet<CueKey> RaisedCues,
    ImmutableDictionary<SessionRole, string> RotatedKeyHashes,
    bool Deleted,
    bool QuestionsOpen)
{
    /// <summary>Folds a session's whole log, which must begin with <see cref="SessionCreated"/> at sequence 1.</summary>
    public static SessionState Fold(string sessionId, IEnumerable<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        SessionState? state = null;
        foreach (var recorded in events)
        {
            state = state is null ? Create(sessionId, recorded) : state.Apply(recorded);
        }
        return state ?? throw new InvalidOperationException($"Session {sessionId} has no events.");
    }

    public static SessionState Create(string sessionId, RecordedEvent first)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (first is not { Sequence: 1, Event: SessionCreated created })
        {
            throw new InvalidOperationException($"Session {sessionId} must begin with SessionCreated at sequence 1.");
        }
        return new SessionState(
            sessionId,
            1,
            created.Definition,
            ClockState.Initial(created.Definition),
            ImmutableDictionary<string, Question>.Empty,
            [],
            [],
            null,
            ImmutableDictionary<string, Note>.Empty,
            null,
            0,
            [],
            ImmutableDictionary<SessionRole, string>.Empty,
            false,
            true);
    }

    /// <summary>Applies the next event. A gap or repeat in the sequence means a broken log and throws.</summary>
    public SessionState Apply(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.Sequence != Version + 1)
        {
            throw new InvalidOperationException(
                $"Session {SessionId}: expected event {Version + 1}, got {recorded.Sequence}.");
        }
        var next = this with { Version = recorded.Sequence };
        return recorded.Event switch
        {
            SessionCreated => throw new InvalidOperationException($"Session {SessionId} was created twice."),
            CueRaised cue => next with { RaisedCues = RaisedCues.Add(CueKey.Of(cue)) },
            QuestionSubmitted or QuestionApproved or QuestionRejected or QuestionEdited or QuestionMerged
                or QuestionMoved or QuestionForwarded or QuestionMadeLive or QuestionAnswered
                or QuestionWithdrawn or QuestionVoted or QuestionUnvoted => QuestionFold.Apply(next, recorded),
            NoteAdded or NoteEdited or NoteDeleted or NoteRestored => NoteFold.Apply(next, recorded),
            StageMessageSent sent => next with
            {
                StageMessage = new StageMessage(sent.MessageId, sent.Text, recorded.At, null, sent.Pinned),
                StageMessagesSent = StageMessagesSent + 1,
            },
            StageMessageAcknowledged ack when StageMessage?.Id == ack.MessageId =>
                next with { StageMessage = StageMessage with { AcknowledgedAt = recorded.At } },
            StageMessageCleared cleared when StageMessage?.Id == cleared.MessageId => next with { StageMessage = null },
            RoleKeyRotated rotated => next with { RotatedKeyHashes = RotatedKeyHashes.SetItem(rotated.Role, rotated.KeyHash) },
            SessionDeleted => next with { Deleted = true },
            SessionRescheduled r => next with { Definition = r.Definition, Clock = ClockState.Initial(r.Definition) },
            QuestionsClosed => next with { QuestionsOpen = false },
            QuestionsOpened => next with { QuestionsOpen = true },
            _ => next with { Clock = Clock.Apply(Definition, recorded.Event, recorded.At) },
        };
    }

    public bool HasRaised(CueKind cue, int? segment) => RaisedCues.Contains(new CueKey(cue, cue == CueKind.Takeaways ? -1 : segment ?? -1));

    public Question? FindQuestion(string? id) => id is not null && Questions.TryGetValue(id, out var q) ? q : null;

    public Note? FindNote(string? id) => id is not null && Notes.TryGetValue(id, out var n) ? n : null;

    /// <summary>The note added with this request id, if any (a rapporteur's session holds a few hundred notes at most).</summary>
    public Note? FindNoteByRequest(string? requestId) =>
        requestId is null ? null : Notes.Values.FirstOrDefault(n => string.Equals(n.RequestId, requestId, StringComparison.Ordinal));
}
