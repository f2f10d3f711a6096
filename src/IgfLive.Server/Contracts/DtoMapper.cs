using System.Globalization;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Stage;
using IgfLive.Server.Hubs;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Contracts;

/// <summary>Explicit mapping from domain types to wire contracts; the only place that knows both.</summary>
public static class DtoMapper
{
    public static SessionInfoDto Info(SessionRecord record, SessionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(definition);
        var t = definition.Thresholds;
        return new SessionInfoDto(
            record.Id,
            definition.Title,
            definition.StartsAt,
            definition.TimeZone,
            definition.Room,
            record.ParticipantCode,
            definition.AllowAnonymousQuestions,
            new ThresholdsDto((int)t.Warning.TotalSeconds, (int)t.Critical.TotalSeconds, (int)t.TakeawaysLead.TotalSeconds),
            Speakers(definition),
            Segments(definition),
            definition.ScheduledEnd);
    }

    /// <summary>What a session moved by its event's programme now is, for <c>SessionRescheduled</c>.</summary>
    public static RescheduledData Rescheduled(SessionDefinition definition, ClockDto clock)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new RescheduledData(clock, definition.Title, definition.StartsAt, definition.Room, definition.ScheduledEnd, Speakers(definition), Segments(definition));
    }

    private static IReadOnlyList<SpeakerDto> Speakers(SessionDefinition definition) =>
        [.. definition.Speakers.Select(s => new SpeakerDto(s.Id, s.Name, s.Organisation, s.StakeholderGroup, s.Region))];

    private static IReadOnlyList<SegmentDto> Segments(SessionDefinition definition) =>
        [.. definition.Segments.Select((s, i) => new SegmentDto(
            i, s.Title, (int)s.PlannedDuration.TotalSeconds, s.Kind.ToString(),
            [.. s.Slots.Select(slot => new SlotDto(slot.SpeakerId, (int)slot.PlannedDuration.TotalSeconds))]))];

    public static ClockDto Clock(SessionState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var v = ClockEvaluator.Evaluate(state, now);
        return new ClockDto(
            v.Status.ToString(),
            v.Segment,
            v.SegmentTitle,
            v.Slot,
            v.SpeakerId,
            v.At,
            Ms(v.SegmentPlanned),
            Ms(v.SegmentElapsed),
            Ms(v.SegmentRemaining),
            v.SlotPlanned is { } sp ? Ms(sp) : null,
            v.SlotRemaining is { } sr ? Ms(sr) : null,
            v.Threshold.ToString(),
            Ms(v.SessionElapsed),
            state.Clock.StartedAt,
            state.Clock.EndedAt,
            v.ScheduledEnd,
            v.ProjectedEnd,
            Ms(v.Drift),
            Ms(v.TimeToEnd),
            [.. v.Segments.Select(s => new SegmentTimingDto(s.Index, Ms(s.Planned), Ms(s.Adjusted), s.ActualStart, s.ActualEnd, Ms(s.Elapsed)))]);
    }

    /// <summary>The question as <paramref name="viewer"/> sees it; <paramref name="viewerParticipantId"/> is the participant's own id, or null.</summary>
    public static QuestionDto Question(Question q, SessionRole viewer, string? viewerParticipantId)
    {
        ArgumentNullException.ThrowIfNull(q);
        var audience = AudienceOf.Role(viewer);
        return new QuestionDto(
            q.Id,
            q.Text,
            audience == Audience.Staff ? q.OriginalText : null,
            q.Author.Name,
            q.Author.Organisation,
            q.Author.StakeholderGroup,
            q.Channel.ToString(),
            q.AddressedTo,
            q.Segment,
            q.Status.ToString(),
            q.Votes,
            q.SubmittedAt,
            q.RejectionReason,
            q.RejectionCode,
            q.MergedInto,
            viewerParticipantId is not null && q.ParticipantId == viewerParticipantId,
            audience == Audience.Staff ? QuestionActions.For(viewer, q.Status) : []);
    }

    public static NoteDto Note(Note n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new NoteDto(n.Id, n.Kind.ToString(), n.Text, n.Segment, n.SpeakerId, n.QuestionId, Ms(n.SessionTime), n.CreatedAt, n.EditedAt, n.Deleted);
    }

    public static StageMessageDto? Stage(StageMessage? m) => m is null ? null : new StageMessageDto(m.Id, m.Text, m.SentAt, m.AcknowledgedAt, m.Pinned);

    public static QueueAdviceDto Advice(SessionState state, DateTimeOffset now)
    {
        var advice = OnsiteQueueAdvice.For(state, now);
        return new QueueAdviceDto(advice.SuggestedOrder, advice.FitInTimeLeft, (int)advice.AverageAnswer.TotalSeconds);
    }

    /// <summary>Participants see questions once a moderator has let them into the room's view, and their own always.</summary>
    public static bool IsPublic(Question q, string? viewerParticipantId) =>
        q.Status is QuestionStatus.Approved or QuestionStatus.Forwarded or QuestionStatus.Live or QuestionStatus.Answered
        || (viewerParticipantId is not null && q.ParticipantId == viewerParticipantId);

    public static string Cue(CueKey key) => key.Segment < 0
        ? key.Cue.ToString()
        : string.Create(CultureInfo.InvariantCulture, $"{key.Cue}:{key.Segment}");

    private static long Ms(TimeSpan t) => (long)t.TotalMilliseconds;
}
