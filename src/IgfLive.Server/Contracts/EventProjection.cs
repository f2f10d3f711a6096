using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Stage;

namespace IgfLive.Server.Contracts;

/// <summary>
/// What each audience is told about an event. Staff see everything; participants and the stage
/// display never see questions a moderator has not let through, notes, or participant ids. The
/// projection is the same for every holder of a role, live and on resync (the staff's roles differ
/// only in what each may do to a question, <see cref="QuestionDto.Actions"/>); what is personal
/// (one's own questions) travels separately. Data reflects the session as it is when sent (the
/// state given to <see cref="Project(IReadOnlyList{RecordedEvent}, SessionState, SessionRole, DateTimeOffset)"/>), so a replayed event never brings back an older picture
/// than the one the client already has.
/// </summary>
public static class EventProjection
{
    public const string Hidden = "Hidden";

    public static IReadOnlyList<EventDto> Project(IReadOnlyList<RecordedEvent> events, SessionState state, SessionRole viewer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        ClockDto? clock = null;
        var result = new EventDto[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            result[i] = Project(events[i], state, viewer, () => clock ??= DtoMapper.Clock(state, now));
        }
        return result;
    }

    /// <summary>The participants' questions that <paramref name="events"/> changed, each once, as they stand in <paramref name="state"/>.</summary>
    public static IEnumerable<Question> AskedByParticipants(IReadOnlyList<RecordedEvent> events, SessionState state)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(state);
        return events
            .Where(e => e.Event is QuestionSubmitted or QuestionApproved or QuestionRejected or QuestionEdited or QuestionMerged
                or QuestionForwarded or QuestionMadeLive or QuestionAnswered or QuestionWithdrawn)
            .Select(e => state.Questions[QuestionIdOf(e.Event)])
            .Where(q => q.ParticipantId is not null)
            .DistinctBy(q => q.Id);
    }

    private static EventDto Project(RecordedEvent recorded, SessionState state, SessionRole viewer, Func<ClockDto> clock)
    {
        var audience = AudienceOf.Role(viewer);
        var type = recorded.Event.GetType().Name;
        object? data = recorded.Event switch
        {
            SessionCreated => null,
            CueRaised c => new ClockEventData(clock(), c.Segment, null, c.Cue.ToString()),
            SegmentEntered e => new ClockEventData(clock(), e.Segment, null, null),
            SpeakerSlotEntered e => new ClockEventData(clock(), null, e.Slot, null),
            SegmentAdjusted e => new ClockEventData(clock(), e.Segment, e.Seconds, null),
            ClockStarted or ClockPaused or ClockResumed or SessionEnded => new ClockEventData(clock(), null, null, null),
            NoteAdded or NoteEdited or NoteDeleted or NoteRestored => audience == Audience.Staff
                ? new NoteEventData(DtoMapper.Note(state.Notes[NoteIdOf(recorded.Event)]))
                : null,
            StageMessageSent or StageMessageAcknowledged or StageMessageCleared => audience != Audience.Participant
                ? new StageEventData(StageIdOf(recorded.Event), DtoMapper.Stage(state.StageMessage))
                : null,
            SessionDeleted => new SessionDeletedData(state.SessionId),
            SessionRescheduled => DtoMapper.Rescheduled(state.Definition, clock()),
            QuestionsClosed or QuestionsOpened => new QuestionsOpenData(state.QuestionsOpen),
            // Who may act is staff's business and the stage display's (its own link may be the one replaced); the hash stays in the log.
            RoleKeyRotated r => audience != Audience.Participant ? new RoleKeyEventData(r.Role.ToString()) : null,
            _ => QuestionData(recorded.Event, state, viewer),
        };
        var hidden = data is null && recorded.Event is not SessionCreated;
        return new EventDto(recorded.Sequence, recorded.At, hidden ? Hidden : type, data);
    }

    private static QuestionEventData? QuestionData(SessionEvent @event, SessionState state, SessionRole viewer)
    {
        var audience = AudienceOf.Role(viewer);
        var id = QuestionIdOf(@event);
        var question = state.Questions[id];
        // A merge changes two questions: the duplicate ends, and the one it joins gains its voters.
        var into = @event is QuestionMerged merged ? state.Questions[merged.IntoQuestionId] : null;
        if (audience == Audience.Staff)
        {
            return new QuestionEventData(
                id, DtoMapper.Question(question, viewer, null), question.Votes, state.OnlineQueue, state.OnsiteQueue, state.LiveQuestionId,
                into is null ? null : DtoMapper.Question(into, viewer, null));
        }
        var intoDto = into is not null && DtoMapper.IsPublic(into, null) ? DtoMapper.Question(into, viewer, null) : null;
        var visible = DtoMapper.IsPublic(question, null);
        // A question the room has seen leaves its views when it is rejected, merged or withdrawn: that is
        // told by id, without its words. One the room never saw stays Hidden to the end (its author hears
        // of it through MyQuestionChanged).
        var leaving = @event is QuestionRejected or QuestionMerged or QuestionWithdrawn && question.ApprovedAt is not null;
        if (!visible && !leaving)
        {
            return null;
        }
        var dto = visible
            ? DtoMapper.Question(question, viewer, null)
            : DtoMapper.Question(question, viewer, null) with { Text = string.Empty, AuthorName = null, Organisation = null, StakeholderGroup = null, RejectionReason = null, RejectionCode = null };
        return new QuestionEventData(id, dto, question.Votes, null, null, state.LiveQuestionId, intoDto);
    }

    private static string QuestionIdOf(SessionEvent e) => e switch
    {
        QuestionSubmitted x => x.QuestionId,
        QuestionApproved x => x.QuestionId,
        QuestionRejected x => x.QuestionId,
        QuestionEdited x => x.QuestionId,
        QuestionMerged x => x.QuestionId,
        QuestionMoved x => x.QuestionId,
        QuestionForwarded x => x.QuestionId,
        QuestionMadeLive x => x.QuestionId,
        QuestionAnswered x => x.QuestionId,
        QuestionWithdrawn x => x.QuestionId,
        QuestionVoted x => x.QuestionId,
        QuestionUnvoted x => x.QuestionId,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Not a question event."),
    };

    private static string NoteIdOf(SessionEvent e) => e switch
    {
        NoteAdded x => x.NoteId,
        NoteEdited x => x.NoteId,
        NoteDeleted x => x.NoteId,
        NoteRestored x => x.NoteId,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Not a note event."),
    };

    private static string StageIdOf(SessionEvent e) => e switch
    {
        StageMessageSent x => x.MessageId,
        StageMessageAcknowledged x => x.MessageId,
        StageMessageCleared x => x.MessageId,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "Not a stage event."),
    };
}
