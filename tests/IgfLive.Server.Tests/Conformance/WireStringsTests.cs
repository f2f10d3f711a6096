using System.Net;
using System.Net.Http.Json;
using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>protocol.md, "Wire strings": each enum's strings are exactly the server's, and what clients are sent.</summary>
public sealed class WireStringsTests(ConformanceServer conformance) : IClassFixture<ConformanceServer>
{
    /// <summary>The enum behind each row of the table, by the row's label.</summary>
    private static readonly Dictionary<string, Type> Enums = new(StringComparer.Ordinal)
    {
        ["question `status`"] = typeof(QuestionStatus),
        ["question `channel`"] = typeof(QuestionChannel),
        ["segment `kind`"] = typeof(SegmentKind),
        ["clock `status`"] = typeof(ClockStatus),
        ["clock `threshold`"] = typeof(ThresholdState),
        ["`cue`"] = typeof(CueKind),
        ["note `kind`"] = typeof(NoteKind),
        ["`role`"] = typeof(SessionRole),
    };

    private static IReadOnlyList<string[]> Table => ProtocolDocument.Current.Table("Wire strings", "value");

    [Fact]
    public void EachRowListsItsEnumsNamesExactly()
    {
        Assert.Equal(Enums.Keys.Order(StringComparer.Ordinal), Table.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var row in Table)
        {
            Assert.Equal(Enum.GetNames(Enums[row[0]]), ProtocolDocument.Codes(row[1]));
        }
    }

    [Fact]
    public async Task QuestionsTakeEveryDocumentedStatusOnTheWire()
    {
        await using var cast = await conformance.NewCastAsync();
        await QueueTests.OneQuestionInEveryStatusAsync(cast);

        var snapshot = await conformance.SnapshotAsync(cast, cast.Session.Keys["onsiteModerator"]);
        Assert.Equal(Strings("question `status`").Order(StringComparer.Ordinal), snapshot.Questions.Select(q => q.Status).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["Floor", "Online"], snapshot.Questions.Select(q => q.Channel).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SegmentKindsAndRolesTravelAsDocumentedAndKindsAreReadWhateverTheirCase()
    {
        await using var cast = await conformance.NewCastAsync();
        Assert.Equal(ConformanceServer.SegmentKinds, cast.Onsite.Joined!.Snapshot.Session.Segments.Select(s => s.Kind));
        Assert.Equal(Strings("segment `kind`").Order(StringComparer.Ordinal), ConformanceServer.SegmentKinds.Order(StringComparer.Ordinal));
        Assert.Equal(Strings("`role`").Order(StringComparer.Ordinal), cast.All.Select(c => c.Joined!.Role).Distinct().Order(StringComparer.Ordinal));

        using var http = conformance.Server.CreateHttpClient();
        var lower = await http.PostAsJsonAsync("/api/sessions", Session("questionsandanswers"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, lower.StatusCode);
        var created = await lower.Content.ReadFromJsonAsync<Endpoints.SessionCreatedResponse>(Endpoints.HttpJson.Options, TestContext.Current.CancellationToken);
        Assert.Equal("QuestionsAndAnswers", created!.Session.Segments[0].Kind);
        var unknown = await http.PostAsJsonAsync("/api/sessions", Session("Panel"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task TheClockTakesEveryDocumentedStatusOnTheWire()
    {
        await using var cast = await conformance.NewCastAsync();
        var seen = new List<string> { cast.Onsite.Joined!.Snapshot.Clock.Status };
        foreach (var command in new[] { "StartClock", "PauseClock", "EndSession" })
        {
            var done = await cast.Onsite.SendAsync(command);
            await cast.Onsite.WaitForVersionAsync(done.Version);
            seen.Add(SessionClient.Data<ClockEventData>(cast.Onsite.Events.Last(e => e.Type != "QuestionsClosed")).Clock.Status);
        }
        Assert.Equal(["NotStarted", "Running", "Paused", "Ended"], seen);
        Assert.Equal(Strings("clock `status`"), seen);
    }

    private static IReadOnlyList<string> Strings(string row) => ProtocolDocument.Codes(Table.Single(r => r[0] == row)[1]);

    private static object Session(string kind) => new
    {
        title = "Kinds",
        startsAt = "2026-11-23T15:00:00+01:00",
        timeZone = "Europe/Zurich",
        agenda = new[] { new { title = "Part 1", minutes = 10, kind } },
    };
}
