using System.Text.Json;
using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Core.Stage;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Sessions;
using IgfLive.Server.Sessions.Relay;

namespace IgfLive.Server.Tests.Json;

/// <summary>
/// One value of every contract the hub and the HTTP API send, named as the tests that pin their
/// bytes name them, built from a session whose log has every kind of event.
/// </summary>
internal static class WireSamples
{
    /// <summary><see cref="JsonSamples.Log"/> and then the rest of the kinds, every question id the projection looks up in the state.</summary>
    public static IReadOnlyList<RecordedEvent> Log { get; } = JsonSamples.Number(
    [
        .. JsonSamples.Log.Select(e => e.Event),
        new QuestionSubmitted("q-2", "Who is liable when a shared car crashes?", QuestionAuthor.Anonymous, "p-19", QuestionChannel.Online, null, 1),
        new QuestionRejected("q-2", "Off topic for this session", "off_topic"),
        new QuestionSubmitted("q-3", "Is data sharing a liability?", new QuestionAuthor("Bo", null, null), "p-19", QuestionChannel.Online, null, 1),
        new QuestionApproved("q-3"),
        new QuestionMerged("q-3", "q-1"),
        new QuestionSubmitted("q-4", "Never mind", QuestionAuthor.Anonymous, "p-17", QuestionChannel.Online, null, 1),
        new QuestionWithdrawn("q-4"),
        new QuestionSubmitted("q-5", "What about labour rights?", new QuestionAuthor("Chen", "ITUC", "Civil Society"), null, QuestionChannel.Floor, null, 1),
        new QuestionApproved("q-5"),
        new QuestionSubmitted("q-6", "And taxes?", QuestionAuthor.Anonymous, "p-20", QuestionChannel.Online, null, 1),
        new QuestionApproved("q-6"),
        new QuestionMoved("q-6", 0),
        new QuestionVoted("q-6", "p-21"),
        new QuestionUnvoted("q-6", "p-21"),
        new QuestionAnswered("q-1"),
        new NoteAdded("n-2", NoteKind.Point, "Regulators need data.", 1, null, null, TimeSpan.FromTicks(1)),
        new NoteDeleted("n-2"),
        new NoteRestored("n-2"),
        new StageMessageCleared("m-1"),
        new QuestionsOpened(),
        new ClockResumed(),
        new SessionEnded(),
        new SessionDeleted(),
    ]);

    public static SessionState State { get; } = SessionState.Fold(JsonSamples.SessionId, Log);

    public static PresenceDto Presence { get; } = new(12, 40);

    /// <summary>The last three events as participants see them: a stage message they are not shown, questions opening, the session deleted.</summary>
    public static EventDto[] LatestForParticipants { get; } = [.. Project(SessionRole.Participant).TakeLast(3)];

    /// <summary>
    /// Every value, by name, as it goes out: hub callbacks' arguments and hub results by method, HTTP
    /// responses by endpoint name.
    /// </summary>
    public static IReadOnlyDictionary<string, object> Outgoing { get; } = new Dictionary<string, object>
    {
        ["EventsRecorded"] = Project(SessionRole.OnlineModerator),
        ["MyQuestionChanged"] = DtoMapper.Question(State.Questions["q-4"], SessionRole.Participant, "p-17"),
        ["PresenceChanged"] = Presence,
        ["Join-staff"] = new JoinResult("OnlineModerator", null, null, Snapshot(SessionRole.OnlineModerator, null)),
        ["Join-participant"] = new JoinResult("Participant", "p-21", "token-21", Snapshot(SessionRole.Participant, "p-21")),
        ["Resync-events"] = new ResyncResult(LatestForParticipants, null),
        ["Resync-snapshot"] = new ResyncResult([], Snapshot(SessionRole.Stage, null)),
        ["Command"] = new CommandResult(29, "q-6"),
        ["Command-without-id"] = new CommandResult(30, null),
        ["QueueAdvice"] = DtoMapper.Advice(State, JsonSamples.Now),
        ["ServerTime"] = JsonSamples.Now.ToUnixTimeMilliseconds(),
        ["CreateSession"] = new SessionCreatedResponse(
            JsonSamples.SessionId,
            JsonSamples.Record.ParticipantCode,
            new Dictionary<string, string> { ["participant"] = "https://live.example/join/WS133X", ["stage"] = "https://live.example/s/ws133/stage#key=k%2B1" },
            new Dictionary<string, string> { ["stage"] = "k+1" },
            DtoMapper.Info(JsonSamples.Record, JsonSamples.Definition),
            [new UnreadLine(4, "Coffee — 10'", "No minutes or kind could be read")]),
        ["ListSessions"] = new[]
        {
            new SessionListItem("ws133", "Trust — «quoted» 信任", JsonSamples.Start, "Europe/Zurich", null, "WS133X", JsonSamples.Record.CreatedAt, "Running"),
            new SessionListItem("ws134", "Second", JsonSamples.Start.AddDays(1), "UTC", "Room 1", "WS134Y", JsonSamples.Record.CreatedAt, "NotStarted"),
        },
        ["GetSession"] = new SessionSummary(DtoMapper.Info(JsonSamples.Record, JsonSamples.Definition), DtoMapper.Clock(State, JsonSamples.Now)),
        ["RotateRoleKey"] = new RoleKeyResponse("stage", "k+2", "https://live.example/s/ws133/stage#key=k%2B2"),
        ["ParseAgenda"] = new AgendaPreview(
            [
                new AgendaPreviewSegment(1, "Opening", 5, "Opening", null, null),
                new AgendaPreviewSegment(2, "Formal presentations", null, "Presentations", "Each speaker — 5 to 7 minutes", new PerSpeakerRange(5, 7, 3)),
                new AgendaPreviewSegment(3, "Wrap-up", 5, "Takeaways", null, new PerSpeakerRange(1, 2, null)),
            ],
            [new UnreadLine(4, "Coffee", "No minutes or kind could be read")],
            10),
    };

    /// <summary>Sends of one broadcast as the relay carries them to other nodes, one of each kind of argument.</summary>
    public static IReadOnlyList<SessionSend> RelaySends(JsonSerializerOptions options)
    {
        var earlier = Project(SessionRole.OnlineModerator).Take(2).ToArray();
        var relayed = JsonSerializer.SerializeToElement(Project(SessionRole.OnlineModerator).Skip(2).Take(1).ToArray(), options);
        return
        [
            new SessionSend("session:ws133:participants", "EventsRecorded", Project(SessionRole.Participant).Take(3).ToArray()),
            new SessionSend("session:ws133:staff", "EventsRecorded", EventBatch.Combine(earlier, relayed)),
            new SessionSend("session:ws133:staff", "PresenceChanged", Presence),
            new SessionSend("session:ws133:participant:p-17", "MyQuestionChanged", DtoMapper.Question(State.Questions["q-4"], SessionRole.Participant, "p-17")),
        ];
    }

    /// <summary>
    /// The log as <paramref name="viewer"/> sees it. Every clock event carries the same clock, so
    /// staff get four of them (one of each shape of data) and the other audiences none.
    /// </summary>
    private static EventDto[] Project(SessionRole viewer)
    {
        var shown = Log.Where(e => viewer == SessionRole.OnlineModerator
            ? e.Event is not (SegmentEntered or ClockPaused or ClockResumed or SessionEnded or CueRaised { Cue: CueKind.Takeaways })
            : e.Event is not (ClockStarted or ClockPaused or ClockResumed or SegmentEntered or SpeakerSlotEntered or SegmentAdjusted or SessionEnded or CueRaised));
        return [.. EventProjection.Project([.. shown], State, viewer, JsonSamples.Now)];
    }

    private static SnapshotDto Snapshot(SessionRole role, string? participantId) =>
        SnapshotBuilder.Build(JsonSamples.Record, State, role, participantId, Presence, JsonSamples.Now);
}
