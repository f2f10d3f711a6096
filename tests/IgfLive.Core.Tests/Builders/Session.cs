using IgfLive.Core.Clock;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Core.Tests.Builders;

/// <summary>
/// Drives a session the way the server's command service does: decide against the current state,
/// then append the events with the next sequence numbers and the instant they were decided at.
/// Time is a <see cref="FakeTimeProvider"/> that starts at the scheduled start (or at <c>openedAt</c>)
/// and only moves when told.
/// </summary>
public sealed class Session
{
    private readonly List<RecordedEvent> _log = [];

    public Session(SessionDefinition definition, string sessionId = "igf2017-ws42", DateTimeOffset? openedAt = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var opened = openedAt ?? definition.StartsAt;
        Time = new FakeTimeProvider(opened);
        var created = new RecordedEvent(1, opened, new SessionCreated(definition));
        _log.Add(created);
        State = SessionState.Create(sessionId, created);
    }

    public FakeTimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public SessionState State { get; private set; }

    public IReadOnlyList<RecordedEvent> Log => _log;

    public ClockView Clock => ClockEvaluator.Evaluate(State, Now);

    public Question Question(string id) => State.Questions[id];

    public Session Advance(TimeSpan by)
    {
        Time.Advance(by);
        return this;
    }

    public Session AdvanceMinutes(int minutes) => Advance(TimeSpan.FromMinutes(minutes));

    public IReadOnlyList<SessionEvent> Do(SessionCommand command) => Do(command, Now);

    /// <summary>Decides the command, asserts it was accepted and records its events at <paramref name="at"/>.</summary>
    public IReadOnlyList<SessionEvent> Do(SessionCommand command, DateTimeOffset at)
    {
        var decision = Try(command, at);
        Assert.True(decision.IsAccepted, $"{command} was refused: {decision.Rejection}");
        return decision.Events;
    }

    public Decision Try(SessionCommand command) => Try(command, Now);

    /// <summary>
    /// Decides the command and, only if it was accepted, records its events at <paramref name="at"/>
    /// with the next sequence numbers, as the command service does. Asserts nothing.
    /// </summary>
    public Decision Try(SessionCommand command, DateTimeOffset at)
    {
        var decision = SessionDecider.Decide(State, command, at);
        if (decision.IsAccepted)
        {
            foreach (var @event in decision.Events)
            {
                var recorded = new RecordedEvent(State.Version + 1, at, @event);
                _log.Add(recorded);
                State = State.Apply(recorded);
            }
        }
        return decision;
    }

    /// <summary>Decides a command that asks for what already holds: accepted, with no events, and nothing changed.</summary>
    public void Unchanged(SessionCommand command)
    {
        var before = State;
        var decision = SessionDecider.Decide(State, command, Now);
        Assert.True(decision.IsAccepted, $"{command} was refused: {decision.Rejection}");
        Assert.Empty(decision.Events);
        Assert.Same(before, State);
    }

    public Rejection Refuse(SessionCommand command) => Refuse(command, Now);

    /// <summary>Decides the command, asserts it was refused without events, and that nothing changed.</summary>
    public Rejection Refuse(SessionCommand command, DateTimeOffset at)
    {
        var before = State;
        var decision = SessionDecider.Decide(State, command, at);
        Assert.False(decision.IsAccepted, $"{command} was accepted with {string.Join(", ", decision.Events)}");
        Assert.Empty(decision.Events);
        Assert.Same(before, State);
        Assert.Equal(before.Version, State.Version);
        return decision.Rejection!;
    }

    /// <summary>Refuses the command and checks the rejection's code.</summary>
    public Rejection Refuse(SessionCommand command, RejectionCode expected)
    {
        var rejection = Refuse(command);
        Assert.Equal(expected, rejection.Code);
        return rejection;
    }
}
