using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Tests.Builders;

namespace IgfLive.Core.Tests.Properties;

/// <summary>Plays scripts the way the server's command service decides and records commands.</summary>
public static class ScriptPlayer
{
    /// <summary>
    /// Plays a script: for each step the fake clock moves on, the step's placeholders are resolved
    /// against the current state, the command is decided and, if accepted, its events are appended
    /// with the next sequence numbers and the instant they were decided at.
    /// </summary>
    public static Session Play(Script script, Action<Outcome, Session> check)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(check);
        var definition = script.Definition();
        var session = new Session(definition, openedAt: definition.StartsAt + script.OpenedAfterStart);
        for (var i = 0; i < script.Steps.Length; i++)
        {
            var (advance, step) = script.Steps[i];
            session.Advance(advance);
            var before = session.State;
            var command = Resolve(step, before);
            var decision = session.Try(command);
            try
            {
                check(new Outcome(i, command, session.Now, before, decision, session.State), session);
            }
            catch (Exception e) when (e is not PropertyStepException)
            {
                throw new PropertyStepException($"Step {i}, {command} at {session.Now:O} ({Result(decision)}): {e.Message}", e);
            }
        }
        return session;
    }

    /// <summary>
    /// Samples scripts and checks each of them; a failure is shrunk and printed step by step.
    /// <c>CsCheck_Iter=20000</c> in the environment plays more scripts, <c>CsCheck_Seed</c> replays a failure.
    /// </summary>
    public static void Check(Action<Script> property) =>
        ScriptGen.Scripts.Sample(property, iter: Math.Max(ScriptGen.Iterations, CsCheck.Check.Iter), print: Describe);

    /// <summary>The questions a command acts on, with the action, in the order the decider checks them.</summary>
    public static IReadOnlyList<(string Id, QuestionAction Action)> QuestionTargets(SessionCommand command) => command switch
    {
        ApproveQuestion c => [(c.QuestionId, QuestionAction.Approve)],
        RejectQuestion c => [(c.QuestionId, QuestionAction.Reject)],
        RejectQuestionFor c => [(c.QuestionId, QuestionAction.Reject)],
        EditQuestion c => [(c.QuestionId, QuestionAction.Edit)],
        MergeQuestion c => [(c.IntoQuestionId, QuestionAction.MergeInto), (c.QuestionId, QuestionAction.Merge)],
        MoveQuestion c => [(c.QuestionId, QuestionAction.Move)],
        ForwardQuestion c => [(c.QuestionId, QuestionAction.Forward)],
        MakeQuestionLive c => [(c.QuestionId, QuestionAction.MakeLive)],
        MarkQuestionAnswered c => [(c.QuestionId, QuestionAction.Answer)],
        WithdrawQuestion c => [(c.QuestionId, QuestionAction.Withdraw)],
        VoteQuestion c => [(c.QuestionId, QuestionAction.Vote)],
        UnvoteQuestion c => [(c.QuestionId, QuestionAction.Vote)],
        PromoteQuestion c => [(c.QuestionId, QuestionAction.Promote)],
        _ => [],
    };

    /// <summary>Replaces a step's placeholders with ids from the state the command is about to be decided against.</summary>
    public static SessionCommand Resolve(SessionCommand command, SessionState state) => command switch
    {
        ApproveQuestion c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Approve) },
        RejectQuestion c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Reject) },
        RejectQuestionFor c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Reject) },
        EditQuestion c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Edit) },
        MergeQuestion c => c with
        {
            QuestionId = Question(state, c.QuestionId, QuestionAction.Merge),
            IntoQuestionId = Question(state, c.IntoQuestionId, QuestionAction.MergeInto),
        },
        MoveQuestion c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Move) },
        ForwardQuestion c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Forward) },
        MakeQuestionLive c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.MakeLive) },
        MarkQuestionAnswered c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Answer) },
        WithdrawQuestion c => Acting(state, c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Withdraw) }),
        VoteQuestion c => Acting(state, c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Vote) }),
        UnvoteQuestion c => Acting(state, c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Vote) }),
        PromoteQuestion c => c with { QuestionId = Question(state, c.QuestionId, QuestionAction.Promote) },
        AddNote { QuestionId: { } id } c => c with { QuestionId = Question(state, id, null) },
        EditNote c => c with { NoteId = Note(state, c.NoteId) },
        DeleteNote c => c with { NoteId = Note(state, c.NoteId) },
        RestoreNote c => c with { NoteId = Note(state, c.NoteId) },
        AcknowledgeStageMessage c => c with { MessageId = Message(state, c.MessageId) },
        ClearStageMessage c => c with { MessageId = Message(state, c.MessageId) },
        _ => command,
    };

    private static string Question(SessionState state, string reference, QuestionAction? action)
    {
        if (reference is not ['!' or '?', .. var rest] || !int.TryParse(rest, CultureInfo.InvariantCulture, out var k))
        {
            return reference;
        }
        var all = state.Questions.Values.OrderBy(q => q.Id.Length).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
        var fitting = reference[0] == '!' && action is { } a ? all.Where(q => QuestionTransitions.IsAllowed(a, q.Status)).ToList() : all;
        var pool = fitting.Count > 0 ? fitting : all;
        return pool.Count > 0 ? pool[k % pool.Count].Id : "q1";
    }

    private static T Acting<T>(SessionState state, T command) where T : SessionCommand
    {
        var (id, participant) = command switch
        {
            WithdrawQuestion c => (c.QuestionId, c.ParticipantId),
            VoteQuestion c => (c.QuestionId, c.ParticipantId),
            UnvoteQuestion c => (c.QuestionId, c.ParticipantId),
            _ => (string.Empty, string.Empty),
        };
        var question = state.FindQuestion(id);
        var resolved = participant switch
        {
            "@author" => question?.ParticipantId ?? "p1",
            "@voter" => question?.Voters.Order(StringComparer.Ordinal).FirstOrDefault() ?? "p1",
            _ => participant,
        };
        SessionCommand result = command switch
        {
            WithdrawQuestion c => c with { ParticipantId = resolved },
            VoteQuestion c => c with { ParticipantId = resolved },
            UnvoteQuestion c => c with { ParticipantId = resolved },
            _ => command,
        };
        return (T)result;
    }

    private static string Note(SessionState state, string reference)
    {
        if (reference is not ['?', .. var rest] || !int.TryParse(rest, CultureInfo.InvariantCulture, out var k))
        {
            return reference;
        }
        var notes = state.Notes.Keys.Order(StringComparer.Ordinal).ToList();
        return notes.Count > 0 ? notes[k % notes.Count] : "n1";
    }

    private static string Message(SessionState state, string reference) =>
        reference == "!" ? state.StageMessage?.Id ?? "m1" : reference;

    /// <summary>A failing script replayed step by step: the resolved command and what became of it.</summary>
    public static string Describe(Script script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"slots={script.Slots} anonymous={script.AllowAnonymous} tight={script.TightThresholds} opened={script.OpenedAfterStart}").AppendLine();
        try
        {
            Play(script, (o, _) =>
            {
                var line = ControlCharacters().Replace($"{o.Command} {Result(o.Decision)}", m => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)m.Value[0]:x4}"));
                text.Append(CultureInfo.InvariantCulture, $"{o.Index,3} +{script.Steps[o.Index].Advance} {line}").AppendLine();
            });
        }
#pragma warning disable CA1031 // The replay only describes the case; whatever went wrong is part of the description.
        catch (Exception e)
#pragma warning restore CA1031
        {
            text.Append("threw ").Append(e.GetType().Name).Append(": ").Append(e.Message).AppendLine();
        }
        return LongRuns().Replace(text.ToString(), m => $"{m.Groups[1].Value}×{m.Length.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string Result(Decision decision) => decision.Rejection is { } r
        ? $"refused {r.Code}: {r.Message}"
        : $"-> {string.Join(", ", decision.Events)}";

    private static Regex LongRuns() => new(@"(.)\1{30,}", RegexOptions.CultureInvariant);

    private static Regex ControlCharacters() => new(@"\p{Cc}", RegexOptions.CultureInvariant);
}
