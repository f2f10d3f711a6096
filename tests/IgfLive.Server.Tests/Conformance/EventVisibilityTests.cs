using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>
/// protocol.md, "Who sees what", the table by event: each event produced live, and what every
/// audience received of it — full (as staff, to the byte), Hidden, or nothing at all.
/// </summary>
public sealed class EventVisibilityTests(ConformanceServer conformance) : IClassFixture<ConformanceServer>
{
    private delegate Task Producer(Roles cast, ConformanceServer server);

    /// <summary>How to make each sequenced event happen (SessionCreated happens with the session).</summary>
    private static readonly Dictionary<string, Producer> Producers = new(StringComparer.Ordinal)
    {
        ["ClockStarted"] = (cast, _) => Onsite(cast, "StartClock"),
        ["ClockPaused"] = (cast, _) => Onsite(cast, "StartClock", "PauseClock"),
        ["ClockResumed"] = (cast, _) => Onsite(cast, "StartClock", "PauseClock", "ResumeClock"),
        ["SegmentEntered"] = (cast, _) => Onsite(cast, "StartClock", "NextSegment"),
        ["SpeakerSlotEntered"] = async (cast, _) =>
        {
            await Onsite(cast, "StartClock");
            await cast.Onsite.SendAsync("GoToSegment", ConformanceServer.SlotsSegment);
            await cast.Onsite.SendAsync("GoToSpeakerSlot", 1);
        },
        ["SegmentAdjusted"] = async (cast, _) =>
        {
            await Onsite(cast, "StartClock");
            await cast.Onsite.SendAsync("AdjustSegment", 60);
        },
        ["SessionEnded"] = (cast, _) => Onsite(cast, "StartClock", "EndSession"),
        ["CueRaised"] = async (cast, _) =>
        {
            // 600 s planned, 500 taken off: 100 s left is past the 120 s warning, and the cue service raises it.
            await Onsite(cast, "StartClock");
            await cast.Onsite.SendAsync("AdjustSegment", -500);
            await cast.Online.WaitForEventAsync("CueRaised");
        },
        ["QuestionsClosed"] = (cast, _) => Onsite(cast, "CloseQuestions"),
        ["QuestionsOpened"] = (cast, _) => Onsite(cast, "CloseQuestions", "OpenQuestions"),
        ["SessionDeleted"] = async (cast, server) =>
        {
            using var http = server.Server.CreateHttpClient();
            Assert.True((await http.DeleteAsync($"/api/sessions/{cast.Session.Id}", TestContext.Current.CancellationToken)).IsSuccessStatusCode);
            await cast.Online.WaitForEventAsync("SessionDeleted");
        },
        ["StageMessageSent"] = async (cast, _) => await cast.Online.SendAsync("SendStageMessage", "Two minutes", false),
        ["StageMessageAcknowledged"] = async (cast, _) => await cast.Stage.SendAsync("AcknowledgeStageMessage", (await cast.Online.SendAsync("SendStageMessage", "Two minutes", false)).Id),
        ["StageMessageCleared"] = async (cast, _) => await cast.Onsite.SendAsync("ClearStageMessage", (await cast.Online.SendAsync("SendStageMessage", "Two minutes", false)).Id),
        ["RoleKeyRotated"] = async (cast, server) =>
        {
            using var http = server.Server.CreateHttpClient();
            Assert.True((await http.PostAsync($"/api/sessions/{cast.Session.Id}/keys/rapporteur/rotate", null, TestContext.Current.CancellationToken)).IsSuccessStatusCode);
            await cast.Online.WaitForEventAsync("RoleKeyRotated");
        },
        ["NoteAdded"] = async (cast, _) => await NoteAsync(cast),
        ["NoteEdited"] = async (cast, _) => await cast.Rapporteur.SendAsync("EditNote", new EditNoteRequest(await NoteAsync(cast), "Point", "Edited.", null, null)),
        ["NoteDeleted"] = async (cast, _) => await cast.Rapporteur.SendAsync("DeleteNote", await NoteAsync(cast)),
        ["NoteRestored"] = async (cast, _) =>
        {
            var id = await NoteAsync(cast);
            await cast.Rapporteur.SendAsync("DeleteNote", id);
            await cast.Rapporteur.SendAsync("RestoreNote", id);
        },
    };

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Table => ProtocolDocument.Current.Rows(Visibility.Heading, "events");

    /// <summary>Each sequenced event of the table with its row (the unsequenced calls and SessionCreated have tests of their own).</summary>
    public static TheoryData<string> SequencedEvents() =>
        [.. Table.Where(r => !r["events"].Contains("not sequenced", StringComparison.Ordinal))
            .SelectMany(r => ProtocolDocument.Names(r["events"])).Where(e => e != "SessionCreated")];

    [Theory]
    [MemberData(nameof(SequencedEvents))]
    public async Task EachAudienceReceivesAnEventAsTheTableSays(string type)
    {
        // A session moves only when its event's programme moves it: that one is produced on a session of an event.
        var (cast, produce) = type == "SessionRescheduled" ? await RescheduledAsync() : (await conformance.NewCastAsync(), Producers.GetValueOrDefault(type));
        await using var _ = cast;
        Assert.True(produce is not null, $"protocol.md lists {type}, which has no producer in {nameof(EventVisibilityTests)}.");
        await produce(cast, conformance);
        var seq = (await cast.Online.WaitForEventAsync(type)).Seq;
        await cast.AllReachAsync(seq);

        var row = RowOf(type);
        var staff = cast.Online.Events.Single(e => e.Seq == seq);
        Assert.NotNull(staff.Data);
        foreach (var (column, client) in Visibility.Audiences(cast))
        {
            Visibility.Check(Visibility.Word(row[column]), staff, client.Events.Single(e => e.Seq == seq), type, client.Name);
        }
    }

    [Fact]
    public async Task SessionCreatedIsTheFirstEventAndEachAudienceReadsItInAResyncAsTheTableSays()
    {
        await using var cast = await conformance.NewCastAsync();
        var row = RowOf("SessionCreated");
        var staff = (await cast.Online.ResyncAsync(0)).Events[0];
        Assert.Equal((1L, "SessionCreated", (object?)null), (staff.Seq, staff.Type, staff.Data));
        foreach (var (column, client) in Visibility.Audiences(cast))
        {
            Visibility.Check(Visibility.Word(row[column]), staff, (await client.ResyncAsync(0)).Events[0], "SessionCreated", client.Name);
        }
    }

    [Fact]
    public async Task PresenceAndOnesOwnQuestionsReachOnlyWhomTheTableSays()
    {
        await using var cast = await conformance.NewCastAsync();
        await using var carol = await SessionClient.ConnectAsync(conformance.Server.Address, "carol");
        await carol.JoinAsync(cast.Session.Id, cast.Session.ParticipantCode);
        await cast.Online.WaitUntilAsync(() => cast.Online.Presence.Any(p => p.Online == 3), "staff to count Carol");
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Mine?", "Alice", null, null, null));
        await cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id);
        // A later event, after both calls, reaches everyone: what has not arrived by then was not sent.
        var marker = await cast.Onsite.SendAsync("CloseQuestions");
        await Task.WhenAll(cast.AllReachAsync(marker.Version), carol.WaitForVersionAsync(marker.Version));

        var presence = RowOf("PresenceChanged");
        var mine = RowOf("MyQuestionChanged");
        foreach (var (column, client) in Visibility.Audiences(cast))
        {
            Assert.Equal(Visibility.Word(presence[column]) == "full", client.Presence.Count > 0);
            var hearsOwn = Visibility.Word(mine[column]) == "full" && client == cast.Alice;
            Assert.Equal(hearsOwn, client.MyQuestions.Any(q => q.Id == asked.Id && q.Mine && q.Text == "Mine?"));
            Assert.True(hearsOwn || client.MyQuestions.Count == 0, $"{client.Name} heard of someone else's question.");
        }
        Assert.Empty(carol.MyQuestions);
        Assert.Contains("alone", mine["participant"], StringComparison.Ordinal);
    }

    private async Task<(Roles Cast, Producer Produce)> RescheduledAsync()
    {
        var (cast, created) = await conformance.NewEventCastAsync();
        return (cast, async (_, server) => await server.RescheduleAsync(created, "11:00"));
    }

    private static IReadOnlyDictionary<string, string> RowOf(string type) => Table.Single(r => ProtocolDocument.Names(r["events"]).Contains(type));

    private static async Task Onsite(Roles cast, params string[] commands)
    {
        foreach (var command in commands)
        {
            await cast.Onsite.SendAsync(command);
        }
    }

    private static async Task<string> NoteAsync(Roles cast) =>
        (await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", "Data stays.", null, null, null))).Id!;
}
