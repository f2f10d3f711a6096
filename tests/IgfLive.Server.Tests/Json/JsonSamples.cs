using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Stage;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Tests.Json;

/// <summary>
/// One value of every shape the server writes as JSON, the same every run, for the tests that pin
/// the bytes those shapes have on disk, in Redis and on the wire. Collections whose order follows
/// string hashing (a state's questions, notes and voters) hold one item, so nothing depends on the
/// process's hash seed.
/// </summary>
internal static class JsonSamples
{
    public const string SessionId = "ws133";

    public static DateTimeOffset Start { get; } = new(2017, 12, 19, 15, 0, 0, TimeSpan.FromHours(1));

    /// <summary>When the clock is read for wire samples: 25 minutes and a fraction into the session.</summary>
    public static DateTimeOffset Now { get; } = Start.AddMinutes(25).AddTicks(1_234_567);

    public static SessionDefinition Definition { get; } = new(
        Title: "Trust — «quoted» 信任 in the sharing economy",
        StartsAt: Start,
        TimeZone: "Europe/Zurich",
        Room: "Room XXIV - E",
        AllowAnonymousQuestions: true,
        Thresholds: ClockThresholds.Default,
        Speakers:
        [
            new Speaker("xiao-zhang", "Xiao Zhang", "Didi", "Private Sector", "Asia-Pacific"),
            new Speaker("zhibin-hui", "Zhibin HUI", null, null, null),
        ],
        Segments:
        [
            new Segment("Opening", TimeSpan.FromMinutes(5), SegmentKind.Opening, []),
            new Segment("Formal presentations", TimeSpan.FromMinutes(20), SegmentKind.Presentations,
                [new SpeakerSlot("xiao-zhang", TimeSpan.FromMinutes(6)), new SpeakerSlot("zhibin-hui", TimeSpan.FromSeconds(390))]),
            new Segment("Audience questions", TimeSpan.FromMinutes(10), SegmentKind.QuestionsAndAnswers, []),
        ]);

    public static SessionRecord Record { get; } = new(
        Id: SessionId,
        ParticipantCode: "WS133X",
        KeyHashes: new Dictionary<SessionRole, string>
        {
            [SessionRole.OnlineModerator] = "hash-online",
            [SessionRole.OnsiteModerator] = "hash-onsite",
            [SessionRole.Rapporteur] = "hash-rapporteur",
            [SessionRole.Stage] = "hash-stage",
        },
        Title: Definition.Title,
        StartsAt: Start,
        TimeZone: "Europe/Zurich",
        Room: null,
        CreatedAt: new DateTimeOffset(2017, 11, 30, 9, 15, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567));

    /// <summary>One of every kind of event (and a second of those whose optional parts can be left out).</summary>
    public static IReadOnlyList<SessionEvent> EveryKind { get; } =
    [
        new SessionCreated(Definition),
        new ClockStarted(),
        new ClockPaused(),
        new ClockResumed(),
        new SegmentEntered(1),
        new SpeakerSlotEntered(1),
        new SegmentAdjusted(1, -90),
        new SessionEnded(),
        new CueRaised(CueKind.Warning, 1),
        new QuestionSubmitted("q-1", "How should platforms share data with regulators — «now»?",
            new QuestionAuthor("Ana Silva", "NIC.br", "Technical Community"), "p-17", QuestionChannel.Online, "xiao-zhang", 1),
        new QuestionSubmitted("q-2", "Who is liable when a shared car crashes?", QuestionAuthor.Anonymous, null, QuestionChannel.Floor, null, 1),
        new QuestionApproved("q-1"),
        new QuestionRejected("q-2", "Off topic for this session", "off_topic"),
        new QuestionRejected("q-3", "Please ask in the next session"),
        new QuestionEdited("q-1", "How should platforms share data with regulators?"),
        new QuestionMerged("q-4", "q-1"),
        new QuestionMoved("q-1", 0),
        new QuestionForwarded("q-1"),
        new QuestionMadeLive("q-1"),
        new QuestionAnswered("q-1"),
        new QuestionWithdrawn("q-5"),
        new QuestionVoted("q-1", "p-18"),
        new QuestionUnvoted("q-1", "p-18"),
        new QuestionsClosed(),
        new QuestionsOpened(),
        new NoteAdded("n-1", NoteKind.KeyTakeaway, "Trust is the currency of the sharing economy.", 1, "zhibin-hui", "q-1", TimeSpan.FromSeconds(754.5), "rq-1"),
        new NoteAdded("n-2", NoteKind.Point, "Regulators need data.", 0, null, null, TimeSpan.FromTicks(1)),
        new NoteEdited("n-1", NoteKind.Quote, "\"Trust is the currency.\"", 1, null),
        new NoteDeleted("n-2"),
        new NoteRestored("n-2"),
        new StageMessageSent("m-1", "Please wrap up — 1 minute"),
        new StageMessageSent("m-2", "Microphone 2 is broken", true),
        new StageMessageAcknowledged("m-1"),
        new StageMessageCleared("m-1"),
        new RoleKeyRotated(SessionRole.OnsiteModerator, "hash-onsite-2"),
        new SessionDeleted(),
        new SessionRescheduled(Definition with
        {
            StartsAt = new DateTimeOffset(2017, 12, 19, 16, 30, 0, TimeSpan.FromHours(1)),
            Room = "Room XXV",
            Slot = TimeSpan.FromMinutes(90),
            Format = "Workshop",
        }),
    ];

    /// <summary>
    /// A session's log that folds: the clock run into its second segment, one question through its
    /// life, a note, cues, a stage message and replaced keys.
    /// </summary>
    public static IReadOnlyList<RecordedEvent> Log { get; } = Number(
    [
        new SessionCreated(Definition),
        new ClockStarted(),
        new SegmentEntered(1),
        new QuestionSubmitted("q-1", "How should platforms share data with regulators — «now»?",
            new QuestionAuthor("Ana Silva", "NIC.br", "Technical Community"), "p-17", QuestionChannel.Online, "xiao-zhang", 1),
        new QuestionEdited("q-1", "How should platforms share data with regulators?"),
        new QuestionApproved("q-1"),
        new QuestionVoted("q-1", "p-18"),
        new QuestionForwarded("q-1"),
        new SpeakerSlotEntered(1),
        new QuestionMadeLive("q-1"),
        new NoteAdded("n-1", NoteKind.KeyTakeaway, "Trust is the currency of the sharing economy.", 1, "zhibin-hui", "q-1", TimeSpan.FromSeconds(754.5), "rq-1"),
        new NoteEdited("n-1", NoteKind.Quote, "\"Trust is the currency.\"", 1, null),
        new SegmentAdjusted(1, -90),
        new CueRaised(CueKind.Warning, 1),
        new CueRaised(CueKind.Takeaways, 2),
        new StageMessageSent("m-1", "Please wrap up — 1 minute", true),
        new StageMessageAcknowledged("m-1"),
        new RoleKeyRotated(SessionRole.OnsiteModerator, "hash-onsite-2"),
        new RoleKeyRotated(SessionRole.Stage, "hash-stage-2"),
        new QuestionsClosed(),
        new ClockPaused(),
    ]);

    public static SessionState State { get; } = SessionState.Fold(SessionId, Log);

    /// <summary>Numbers <paramref name="events"/> from 1, a little over a minute apart, with sub-millisecond ticks and three offsets.</summary>
    public static IReadOnlyList<RecordedEvent> Number(IReadOnlyList<SessionEvent> events)
    {
        TimeSpan[] offsets = [TimeSpan.FromHours(1), TimeSpan.Zero, new TimeSpan(5, 30, 0)];
        return [.. events.Select((e, i) => new RecordedEvent(
            i + 1,
            Start.AddTicks(1 + i * 712_345_678L).ToOffset(offsets[i % offsets.Length]),
            e))];
    }
}
