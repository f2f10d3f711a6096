using System.Collections.Immutable;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Questions;

/// <summary>How question events change a session's state. Events were validated when decided.</summary>
internal static class QuestionFold
{
    public static SessionState Apply(SessionState state, RecordedEvent recorded) => recorded.Event switch
    {
        QuestionSubmitted e => state with
        {
            Questions = state.Questions.Add(e.QuestionId, new Question(
                e.QuestionId, e.Text, null, e.Author, e.ParticipantId, e.Channel, e.AddressedTo, e.Segment,
                QuestionStatus.Submitted, recorded.At, [], null, null, null, null, null, null)),
        },
        QuestionApproved e => Set(state, e.QuestionId, q => q with { Status = QuestionStatus.Approved, ApprovedAt = recorded.At }) with
        {
            OnlineQueue = state.OnlineQueue.Add(e.QuestionId),
        },
        QuestionRejected e => Leave(Set(state, e.QuestionId, q => q with
        {
            Status = QuestionStatus.Rejected,
            RejectionReason = e.Reason,
            RejectionCode = e.ReasonCode,
        }), e.QuestionId),
        QuestionEdited e => Set(state, e.QuestionId, q => q with { Text = e.Text, OriginalText = q.OriginalText ?? q.Text }),
        QuestionMerged e => Merge(state, e),
        QuestionMoved e => state.OnsiteQueue.Contains(e.QuestionId)
            ? state with { OnsiteQueue = MoveWithin(state.OnsiteQueue, e) }
            : state with { OnlineQueue = MoveWithin(state.OnlineQueue, e) },
        QuestionForwarded e => Set(state, e.QuestionId, q => q with { Status = QuestionStatus.Forwarded }) with
        {
            OnlineQueue = state.OnlineQueue.Remove(e.QuestionId),
            OnsiteQueue = state.OnsiteQueue.Add(e.QuestionId),
        },
        QuestionMadeLive e => Set(state, e.QuestionId, q => q with { Status = QuestionStatus.Live, LiveAt = recorded.At }) with
        {
            OnsiteQueue = state.OnsiteQueue.Remove(e.QuestionId),
            LiveQuestionId = e.QuestionId,
        },
        QuestionAnswered e => Set(state, e.QuestionId, q => q with { Status = QuestionStatus.Answered, AnsweredAt = recorded.At }) with
        {
            LiveQuestionId = state.LiveQuestionId == e.QuestionId ? null : state.LiveQuestionId,
        },
        QuestionWithdrawn e => Leave(Set(state, e.QuestionId, q => q with { Status = QuestionStatus.Withdrawn }), e.QuestionId),
        QuestionVoted e => Set(state, e.QuestionId, q => q with { Voters = q.Voters.Add(e.ParticipantId) }),
        QuestionUnvoted e => Set(state, e.QuestionId, q => q with { Voters = q.Voters.Remove(e.ParticipantId) }),
        _ => state,
    };

    private static SessionState Merge(SessionState state, QuestionMerged e)
    {
        var source = state.Questions[e.QuestionId];
        var merged = Set(state, e.QuestionId, q => q with { Status = QuestionStatus.Merged, MergedInto = e.IntoQuestionId });
        // The target's author may have voted for the duplicate; that vote cannot become a vote for their own question.
        return Leave(Set(merged, e.IntoQuestionId, q => q with
        {
            Voters = q.Voters.Union(source.Voters.Where(voter => voter != q.ParticipantId)),
        }), e.QuestionId);
    }

    private static ImmutableList<string> MoveWithin(ImmutableList<string> queue, QuestionMoved e) =>
        queue.Remove(e.QuestionId).Insert(Math.Clamp(e.Position, 0, queue.Count - 1), e.QuestionId);

    /// <summary>Takes a question that reached an end out of both queues and off the live slot.</summary>
    private static SessionState Leave(SessionState state, string id) => state with
    {
        OnlineQueue = state.OnlineQueue.Remove(id),
        OnsiteQueue = state.OnsiteQueue.Remove(id),
        LiveQuestionId = state.LiveQuestionId == id ? null : state.LiveQuestionId,
    };

    private static SessionState Set(SessionState state, string id, Func<Question, Question> change) =>
        state with { Questions = state.Questions.SetItem(id, change(state.Questions[id])) };
}
