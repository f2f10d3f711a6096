using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Stage;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>Sessions and events shaped like the seed proposal (IGF 2017, WS133), for tests that need realistic data.</summary>
internal static class TestEvents
{
    /// <summary>Tuesday 19 December 2017, 15:00 in Geneva.</summary>
    public static DateTimeOffset SeedStart { get; } = new(2017, 12, 19, 15, 0, 0, TimeSpan.FromHours(1));

    /// <summary>The seed's six segments, 90 minutes, with the two named speakers sharing the presentations.</summary>
    public static SessionDefinition SeedDefinition(string title = "Governance Innovation in the Age of Sharing Economy (WS133)") => new(
        Title: title,
        StartsAt: SeedStart,
        TimeZone: "Europe/Zurich",
        Room: "Room XXIV - E",
        AllowAnonymousQuestions: true,
        Thresholds: ClockThresholds.Default,
        Speakers:
        [
            new Speaker("xiao-zhang", "Xiao Zhang", null, "Private Sector", "Asia-Pacific"),
            new Speaker("zhibin-hui", "Zhibin HUI", null, "Civil Society", "Asia-Pacific"),
        ],
        Segments:
        [
            new Segment("Opening", TimeSpan.FromMinutes(5), SegmentKind.Opening, []),
            new Segment("Formal presentations", TimeSpan.FromMinutes(40), SegmentKind.Presentations,
                [new SpeakerSlot("xiao-zhang", TimeSpan.FromMinutes(6)), new SpeakerSlot("zhibin-hui", TimeSpan.FromMinutes(6))]),
            new Segment("Moderated discussion", TimeSpan.FromMinutes(20), SegmentKind.Discussion, []),
            new Segment("Panel interaction", TimeSpan.FromMinutes(15), SegmentKind.Discussion, []),
            new Segment("Audience questions", TimeSpan.FromMinutes(5), SegmentKind.QuestionsAndAnswers, []),
            new Segment("Takeaways", TimeSpan.FromMinutes(5), SegmentKind.Takeaways, []),
        ]);

    /// <summary>A session record; <paramref name="startsAt"/> defaults to the seed's start.</summary>
    public static SessionRecord Record(string id, string participantCode, DateTimeOffset? startsAt = null) => new(
        Id: id,
        ParticipantCode: participantCode,
        KeyHashes: new Dictionary<SessionRole, string>
        {
            [SessionRole.OnlineModerator] = $"hash-online-{id}",
            [SessionRole.OnsiteModerator] = $"hash-onsite-{id}",
            [SessionRole.Rapporteur] = $"hash-rapporteur-{id}",
            [SessionRole.Stage] = $"hash-stage-{id}",
        },
        Title: $"Session {id}",
        StartsAt: startsAt ?? SeedStart,
        TimeZone: "Europe/Zurich",
        Room: id.Length % 2 == 0 ? null : "Room XXIV - E",
        // Sub-millisecond ticks and a different offset, so a store that rounds or normalises shows it.
        CreatedAt: new DateTimeOffset(2017, 11, 30, 9, 15, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567));

    /// <summary>The first event of a session created from the seed definition.</summary>
    public static RecordedEvent Created(string title = "Governance Innovation in the Age of Sharing Economy (WS133)") =>
        new(1, SeedStart.AddMinutes(-90).AddTicks(7_654_321), new SessionCreated(SeedDefinition(title)));

    /// <summary>
    /// A run of one of each common kind of event, numbered from <paramref name="afterSequence"/> + 1,
    /// with timestamps in three offsets and with sub-millisecond ticks.
    /// </summary>
    public static IReadOnlyList<RecordedEvent> SampleRun(long afterSequence)
    {
        SessionEvent[] events =
        [
            new ClockStarted(),
            new SegmentEntered(1),
            new SpeakerSlotEntered(1),
            new QuestionSubmitted("q-1", "How should platforms share data with regulators?",
                new QuestionAuthor("Ana Silva", "NIC.br", "Technical Community"), "p-17", QuestionChannel.Online, "xiao-zhang", 1),
            new QuestionSubmitted("q-2", "Who is liable when a shared car crashes?", QuestionAuthor.Anonymous, null, QuestionChannel.Floor, null, 1),
            new QuestionApproved("q-1"),
            new QuestionVoted("q-1", "p-18"),
            new QuestionForwarded("q-1"),
            new NoteAdded("n-1", NoteKind.KeyTakeaway, "Trust is the currency of the sharing economy.", 1, "zhibin-hui", null, TimeSpan.FromSeconds(754.5)),
            new SegmentAdjusted(1, -90),
            new CueRaised(CueKind.Warning, 1),
            new StageMessageSent("m-1", "Please wrap up — 1 minute"),
            new ClockPaused(),
        ];
        TimeSpan[] offsets = [TimeSpan.FromHours(1), TimeSpan.Zero, new TimeSpan(5, 30, 0)];
        return [.. events.Select((e, i) => new RecordedEvent(
            afterSequence + 1 + i,
            SeedStart.AddTicks(1 + i * 12_345_678_901L).ToOffset(offsets[i % offsets.Length]),
            e))];
    }

    /// <summary>A rapporteur's point carrying <paramref name="text"/>, so tests can tell whose event landed.</summary>
    public static RecordedEvent Note(long sequence, string text) =>
        new(sequence, SeedStart.AddSeconds(sequence), new NoteAdded($"n-{sequence}", NoteKind.Point, text, 2, null, null, TimeSpan.FromSeconds(sequence)));
}
