using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Questions;

/// <summary>Advice for the onsite moderator about the forwarded queue.</summary>
/// <param name="SuggestedOrder">The forwarded questions, alternating online and floor so remote participants get equal turns.</param>
/// <param name="FitInTimeLeft">About how many of them fit in what is left of the current segment.</param>
/// <param name="AverageAnswer">The time one question takes, as measured in this session (or the default before two are answered).</param>
public sealed record OnsiteQueueAdvice(IReadOnlyList<string> SuggestedOrder, int FitInTimeLeft, TimeSpan AverageAnswer)
{
    /// <summary>A question with its answer takes about two minutes in a typical IGF session.</summary>
    public static readonly TimeSpan DefaultAnswer = TimeSpan.FromMinutes(2);

    public static OnsiteQueueAdvice For(SessionState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var queue = state.OnsiteQueue.Select(id => state.Questions[id]).ToList();
        var last = state.Questions.Values
            .Where(q => q.LiveAt is not null)
            .OrderByDescending(q => q.LiveAt)
            .FirstOrDefault();
        var next = last?.Channel == QuestionChannel.Online ? QuestionChannel.Floor : QuestionChannel.Online;
        var order = new List<string>(queue.Count);
        while (queue.Count > 0)
        {
            var pick = queue.FirstOrDefault(q => q.Channel == next) ?? queue[0];
            order.Add(pick.Id);
            queue.Remove(pick);
            next = pick.Channel == QuestionChannel.Online ? QuestionChannel.Floor : QuestionChannel.Online;
        }

        var answered = state.Questions.Values
            .Where(q => q is { LiveAt: not null, AnsweredAt: not null })
            .Select(q => q.AnsweredAt!.Value - q.LiveAt!.Value)
            .ToList();
        var average = answered.Count >= 2 ? TimeSpan.FromTicks((long)answered.Average(t => t.Ticks)) : DefaultAnswer;
        if (average <= TimeSpan.Zero)
        {
            average = DefaultAnswer;
        }
        var remaining = ClockEvaluator.Evaluate(state, now).SegmentRemaining;
        var fit = remaining <= TimeSpan.Zero ? 0 : (int)Math.Min(order.Count, remaining.Ticks / average.Ticks);
        return new OnsiteQueueAdvice(order, fit, average);
    }
}
