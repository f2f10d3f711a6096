using System.Net;
using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>The seed workshop, run start to end through the hub by every role on real connections.</summary>
public sealed class FullSessionTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TheSeedWorkshopRunsStartToEndAndEveryClientSeesTheSameEventsInOrder()
    {
        var session = await Seed.CreateAsync(_server);
        Assert.Equal([5, 40, 20, 15, 5, 5], session.Session.Segments.Select(s => s.PlannedSeconds / 60));
        await using var cast = await Roles.JoinAsync(_server, session);

        await cast.Onsite.SendAsync("StartClock");
        var q1 = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest(
            "How should platforms share data with city regulators?", "Alice Moreau", "Digital Rights Lab", "Civil Society", "han"));
        var q2 = await cast.Bob.SendAsync("SubmitQuestion", new SubmitQuestionRequest("What about rural users?", null, null, null, null));
        Assert.Equal("q1", q1.Id);
        Assert.Equal("q2", q2.Id);

        await cast.Online.SendAsync("ApproveQuestion", "q1");
        await cast.Online.SendAsync("ApproveQuestion", "q2");
        await cast.Bob.SendAsync("VoteQuestion", "q1");
        await cast.Alice.SendAsync("VoteQuestion", "q2");
        var floor = await cast.Online.SendAsync("RecordQuestion", new RecordQuestionRequest("Who enforces platform responsibility?", "Delegate", "Ministry", "Government", "Floor", null));
        await cast.Online.SendAsync("EditQuestion", "q2", "How will rural users benefit from the sharing economy?");
        await cast.Online.SendAsync("ForwardQuestion", "q1");
        await cast.Online.SendAsync("ForwardQuestion", floor.Id);

        await cast.Onsite.SendAsync("NextSegment");
        await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", "Platforms act as regulators of last resort.", null, "han", null));
        await cast.Onsite.SendAsync("MakeQuestionLive", "q1");
        await cast.Onsite.SendAsync("MarkQuestionAnswered", "q1");
        await cast.Rapporteur.SendAsync("PromoteQuestion", new PromoteQuestionRequest("q1", "Point", "Through open data agreements."));
        await cast.Onsite.SendAsync("SendStageMessage", "Please wrap up", false);
        await cast.Onsite.SendAsync("NextSegment");
        await cast.Onsite.SendAsync("AdjustSegment", 120);
        await cast.Onsite.SendAsync("NextSegment");
        await cast.Onsite.SendAsync("NextSegment");
        await cast.Onsite.SendAsync("NextSegment");
        await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("KeyTakeaway", "Collaborative governance needs all stakeholders.", null, null, null));
        await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("CallToAction", "Publish a multistakeholder code of conduct by IGF 2018.", null, null, null));
        var end = await cast.Onsite.SendAsync("EndSession");

        await cast.AllReachAsync(end.Version);

        // Staff see one identical log; participants and the stage see the same sequence numbers, redacted.
        var reference = cast.Onsite.Events.Select(e => (e.Seq, e.Type)).ToArray();
        Assert.Equal(Enumerable.Range(2, (int)end.Version - 1).Select(i => (long)i), reference.Select(e => e.Seq));
        foreach (var staff in cast.Staff)
        {
            Assert.Equal(reference, staff.Events.Select(e => (e.Seq, e.Type)));
        }
        foreach (var viewer in new[] { cast.Alice, cast.Bob, cast.Stage })
        {
            Assert.Equal(reference.Select(e => e.Seq), viewer.Events.Select(e => e.Seq));
        }
        Assert.Equal(cast.Alice.Events.Select(e => e.Type), cast.Bob.Events.Select(e => e.Type));
        Assert.Contains(cast.Alice.Events, e => e.Type == "Hidden");
        Assert.DoesNotContain(cast.Alice.Events, e => e.Type is "NoteAdded" or "StageMessageSent");
        // Online questions reach participants only once approved; a floor question is approved as it is recorded.
        Assert.All(cast.Alice.Events.Where(e => e.Type == "QuestionSubmitted"),
            e => Assert.Equal("Floor", SessionClient.Data<QuestionEventData>(e).Question!.Channel));
        Assert.Contains(cast.Stage.Events, e => e.Type == "StageMessageSent");

        var answered = SessionClient.Data<QuestionEventData>(cast.Alice.Events.Single(e => e.Type == "QuestionAnswered"));
        Assert.Equal("Answered", answered.Question!.Status);
        Assert.Equal(1, answered.Question.Votes);
        Assert.Equal(["SessionEnded", "QuestionsClosed"], cast.Bob.Events.TakeLast(2).Select(e => e.Type));
        var ended = SessionClient.Data<ClockEventData>(cast.Bob.Events[^2]);
        Assert.Equal("Ended", ended.Clock.Status);
        Assert.Equal(5, ended.Clock.Segment);

        using var http = _server.CreateHttpClient(session.Keys["rapporteur"]);
        var report = await http.GetStringAsync($"/api/sessions/{session.Id}/report.md");
        Assert.Contains("# Governance Innovation in the Age of Sharing Economy (WS133)", report, StringComparison.Ordinal);
        Assert.Contains("## Key takeaways", report, StringComparison.Ordinal);
        Assert.Contains("- Collaborative governance needs all stakeholders.\n", report, StringComparison.Ordinal);
        Assert.Contains("- Publish a multistakeholder code of conduct by IGF 2018.\n", report, StringComparison.Ordinal);
        Assert.Contains("- Platforms act as regulators of last resort. — Liyun Han", report, StringComparison.Ordinal);
        // The promoted question and its answer: two lines of one list item.
        Assert.Contains("- Q (Alice Moreau): How should platforms share data with city regulators?  \n  A: Through open data agreements.", report, StringComparison.Ordinal);
        Assert.Contains("| q1 | How should platforms share data with city regulators? | Alice Moreau, Digital Rights Lab, Civil Society | Online | 1 | answered |", report, StringComparison.Ordinal);
        Assert.Contains("peak of 2 participants online", report, StringComparison.Ordinal);
        Assert.Contains("3 asked (2 online, 1 from the floor), 1 answered", report, StringComparison.Ordinal);
        Assert.Contains("| 3. Discussion | 20 min | 22 min |", report, StringComparison.Ordinal);

        var csv = await http.GetStringAsync($"/api/sessions/{session.Id}/questions.csv");
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("q1,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",Answered,Online,How should platforms share data with city regulators?,", rows[1], StringComparison.Ordinal);
        Assert.Contains("What about rural users?", rows[2], StringComparison.Ordinal);

        using var anonymous = _server.CreateHttpClient(bearer: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/sessions/{session.Id}/report.md")).StatusCode);
    }
}
