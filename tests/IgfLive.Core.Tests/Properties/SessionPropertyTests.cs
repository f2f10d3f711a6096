using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Tests.Properties;

/// <summary>
/// The event log and refusals over random scripts of 1 to 200 commands of every kind (with unknown
/// ids, out-of-range segments, empty and oversized text and illegal transitions), decided at
/// instants that move forward by random amounts. Roles are the server's business; the domain sees
/// only the commands and the participant ids they carry.
/// </summary>
public sealed class SessionPropertyTests
{
    [Fact]
    public void EventsAreNumberedWithoutGapsAndFoldingTheLogRebuildsTheSameState()
    {
        ScriptPlayer.Check(script =>
        {
            var versions = new List<(long Version, StateProjection State)>();
            var session = ScriptPlayer.Play(script, (o, s) =>
            {
                // The step appended exactly the decision's events, numbered on from the state's version, at the step's instant.
                var events = o.Decision.IsAccepted ? o.Decision.Events : [];
                Assert.Equal(o.Before.Version + events.Count, s.Log.Count);
                Assert.Equal(s.Log.Count, o.After.Version);
                for (var i = 0; i < events.Count; i++)
                {
                    var recorded = s.Log[(int)o.Before.Version + i];
                    Expect.That(ReferenceEquals(events[i], recorded.Event) && recorded.Sequence == o.Before.Version + i + 1 && recorded.At == o.At,
                        () => $"event {i} of the decision was recorded as {recorded}");
                }
                if (o.Index % 25 == 0 || o.Index == script.Steps.Length - 1)
                {
                    versions.Add((o.After.Version, StateProjection.Of(o.After)));
                }
            });

            var log = session.Log;
            Assert.Equal(Enumerable.Range(1, log.Count).Select(n => (long)n), log.Select(e => e.Sequence));
            Assert.IsType<SessionCreated>(log[0].Event);
            Assert.DoesNotContain(log.Skip(1), e => e.Event is SessionCreated);
            Assert.Equal(log.Count, session.State.Version);
            Assert.Equal(StateProjection.Of(session.State), StateProjection.Of(SessionState.Fold(session.State.SessionId, log)));

            // Folding every prefix of the log gives the state the session had at that point.
            foreach (var (version, state) in versions)
            {
                Assert.Equal(state, StateProjection.Of(SessionState.Fold(session.State.SessionId, log.Take((int)version))));
            }
        });
    }

    [Fact]
    public void ADeletedSessionRefusesEverythingAndOnlyASessionThatHadNotStartedIsDeleted()
    {
        ScriptPlayer.Check(script => ScriptPlayer.Play(script, (o, _) =>
        {
            if (o.Before.Deleted)
            {
                Assert.Equal(SessionDecider.Deleted, o.Decision.Rejection);
            }
            if (o.Decision.Events.OfType<SessionDeleted>().Any())
            {
                Assert.Equal(ClockStatus.NotStarted, o.Before.Clock.Status);
                Assert.True(o.After.Deleted);
            }
        }));
    }

    [Fact]
    public void ARefusedCommandProducesNoEventsAndChangesNothing()
    {
        ScriptPlayer.Check(script =>
        {
            // The state as it stood before each command was decided.
            StateProjection? last = null;
            var logged = 1;
            ScriptPlayer.Play(script, (o, s) =>
            {
                last ??= StateProjection.Of(o.Before);
                if (o.Decision.Rejection is { } rejection)
                {
                    Assert.Empty(o.Decision.Events);
                    Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
                    Assert.True(Enum.IsDefined(rejection.Code));
                    // The same command against the same state at the same instant is refused the same way.
                    Assert.Equal(rejection, SessionDecider.Decide(o.Before, o.Command, o.At).Rejection);
                }
                if (o.Decision.Events.Count == 0)
                {
                    // Refused, or accepted with nothing to do: nothing was recorded and deciding altered nothing.
                    Assert.Same(o.Before, o.After);
                    Assert.Equal(logged, s.Log.Count);
                    Assert.Equal(last, StateProjection.Of(o.After));
                }
                else
                {
                    Assert.True(o.Decision.IsAccepted);
                    last = StateProjection.Of(o.After);
                    Assert.Equal(o.Before.Version + o.Decision.Events.Count, last.Version);
                }
                logged = s.Log.Count;
            });
        });
    }
}
