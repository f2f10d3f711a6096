using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Tests.Properties;

/// <summary>
/// Everything a session state holds, as text that compares by content, so that two projections are
/// equal exactly when the states hold the same values (the state itself compares its immutable
/// collections by reference).
/// </summary>
public sealed record StateProjection(
    string SessionId,
    long Version,
    string Clock,
    TextLines Questions,
    string OnlineQueue,
    string OnsiteQueue,
    string? LiveQuestionId,
    TextLines Notes,
    string? StageMessage,
    int StageMessagesSent,
    string RaisedCues,
    string RotatedKeyHashes,
    bool Deleted,
    bool QuestionsOpen)
{
    public static StateProjection Of(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var clock = state.Clock;
        return new StateProjection(
            state.SessionId,
            state.Version,
            Rendered.GetValue(clock, _ => Invariant($"{clock with { Segments = [] }} timings=[{string.Join("; ", clock.Segments)}]")),
            Lines(state.Questions.Values.OrderBy(q => q.Id, StringComparer.Ordinal).Select(q => Rendered.GetValue(q, Describe))),
            string.Join(',', state.OnlineQueue),
            string.Join(',', state.OnsiteQueue),
            state.LiveQuestionId,
            Lines(state.Notes.Values.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => Rendered.GetValue(n, n => Invariant($"{n}")))),
            state.StageMessage is { } message ? Invariant($"{message}") : null,
            state.StageMessagesSent,
            Rendered.GetValue(state.RaisedCues, cues => string.Join(',', ((IEnumerable<CueKey>)cues).Select(c => Invariant($"{c.Cue}@{c.Segment}")).Order(StringComparer.Ordinal))),
            string.Join(',', state.RotatedKeyHashes.Select(k => Invariant($"{k.Key}={k.Value}")).Order(StringComparer.Ordinal)),
            state.Deleted,
            state.QuestionsOpen);
    }

    /// <summary>Clocks, questions, notes and cue sets are immutable, so each one is rendered once however many states share it.</summary>
    private static readonly ConditionalWeakTable<object, string> Rendered = [];

    private static string Describe(object item) => item is Question q ? Describe(q) : Invariant($"{item}");

    private static string Describe(Question q) =>
        Invariant($"{q with { Voters = ImmutableHashSet<string>.Empty }} voters=[{string.Join(',', q.Voters.Order(StringComparer.Ordinal))}]");

    private static TextLines Lines(IEnumerable<string> lines) => new([.. lines]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
