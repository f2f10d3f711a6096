using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;

namespace IgfLive.Benchmarks;

/// <summary>
/// A busy session's log, made the way the server makes one: each command decided against the
/// current state and its events appended. A cycle of clock moves, questions (asked, approved,
/// voted on by many, forwarded, answered) and rapporteur notes, repeated to the wanted length.
/// </summary>
public static class SessionLog
{
    public static readonly DateTimeOffset Start = new(2017, 12, 19, 15, 0, 0, TimeSpan.FromHours(1));

    public static SessionDefinition Definition { get; } = new(
        "Governance Innovation in the Age of Sharing Economy (WS133)",
        Start,
        "Europe/Zurich",
        "Room XXIV - E",
        AllowAnonymousQuestions: true,
        ClockThresholds.Default,
        [new Speaker("han", "Liyun Han", "CNNIC", "Technical Community", "Asia-Pacific"), new Speaker("zhong", "Rui Zhong", "Internet Society of China", "Civil Society", "Asia-Pacific")],
        [
            new Segment("Opening", TimeSpan.FromMinutes(5), SegmentKind.Opening, []),
            new Segment("Formal presentations", TimeSpan.FromMinutes(40), SegmentKind.Presentations,
                [new SpeakerSlot("han", TimeSpan.FromMinutes(20)), new SpeakerSlot("zhong", TimeSpan.FromMinutes(20))]),
            new Segment("Discussion", TimeSpan.FromMinutes(20), SegmentKind.Discussion, []),
            new Segment("Insights", TimeSpan.FromMinutes(15), SegmentKind.Discussion, []),
            new Segment("Questions from the audience", TimeSpan.FromMinutes(5), SegmentKind.QuestionsAndAnswers, []),
            new Segment("Takeaways", TimeSpan.FromMinutes(5), SegmentKind.Takeaways, []),
        ]);

    /// <summary>A log of exactly <paramref name="count"/> events, and the state it folds to.</summary>
    public static (IReadOnlyList<RecordedEvent> Events, SessionState State) Build(int count)
    {
        var log = new List<RecordedEvent> { new(1, Start, new SessionCreated(Definition)) };
        var state = SessionState.Create("ws133", log[0]);
        var now = Start;
        var question = 0;

        bool Do(SessionCommand command)
        {
            now = now.AddSeconds(1);
            var decision = SessionDecider.Decide(state, command, now);
            if (!decision.IsAccepted)
            {
                throw new InvalidOperationException($"{command} was refused: {decision.Rejection}");
            }
            foreach (var @event in decision.Events)
            {
                if (log.Count == count)
                {
                    return false;
                }
                var recorded = new RecordedEvent(state.Version + 1, now, @event);
                log.Add(recorded);
                state = state.Apply(recorded);
            }
            return log.Count < count;
        }

        var going = Do(new StartClock());
        while (going)
        {
            var id = $"q{++question}";
            going = Do(new SubmitQuestion($"How should platforms share data with city regulators? ({question})", new QuestionAuthor("Alice Moreau", "Digital Rights Lab", "Civil Society"), $"p{question}", null))
                && Do(new ApproveQuestion(id));
            for (var voter = 0; going && voter < 20; voter++)
            {
                going = Do(new VoteQuestion(id, $"voter{voter}"));
            }
            going = going
                && Do(new ForwardQuestion(id))
                && Do(new MakeQuestionLive(id))
                && Do(new MarkQuestionAnswered(id))
                && Do(new AddNote(NoteKind.KeyTakeaway, $"Collaborative governance needs all stakeholders ({question}).", null, null, id))
                && Do(new AdjustSegment(30))
                && Do(new PauseClock())
                && Do(new ResumeClock())
                && Do(new AdjustSegment(-30));
        }
        return (log, state);
    }

    /// <summary>The seed proposal's agenda paragraph, as an organiser pastes it.</summary>
    public static string AgendaText { get; } = ReadAgenda();

    private static string ReadAgenda()
    {
        using var stream = typeof(SessionLog).Assembly.GetManifestResourceStream("ws133-agenda.txt")
            ?? throw new InvalidOperationException("The WS133 agenda is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
