using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>Rejecting for a preset reason: staff and the author get the reason and its code, the rest of the room neither.</summary>
public sealed class PresetRejectionTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private Roles _cast = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _cast = await Roles.JoinAsync(_server, await Seed.CreateAsync(_server));
    }

    public async ValueTask DisposeAsync()
    {
        await _cast.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TheReasonAndItsCodeReachStaffAndTheAuthorAlone()
    {
        var asked = await _cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("What about the weather?", "Alice", null, null, null));

        var rejected = await _cast.Online.SendAsync("RejectQuestionFor", asked.Id, "off_topic");

        await _cast.AllReachAsync(rejected.Version);
        var staff = SessionClient.Data<QuestionEventData>(_cast.Onsite.Events[^1]).Question!;
        Assert.Equal(("Rejected", "Off topic for this session", "off_topic"), (staff.Status, staff.RejectionReason, staff.RejectionCode));
        var mine = await _cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Rejected");
        Assert.Equal(("Off topic for this session", "off_topic"), (mine.RejectionReason, mine.RejectionCode));
        var room = SessionClient.Data<QuestionEventData>(_cast.Bob.Events[^1]).Question!;
        Assert.Equal(("Rejected", (string?)null, (string?)null), (room.Status, room.RejectionReason, room.RejectionCode));

        // Her next join's snapshot says the same; nobody else's has the question at all.
        await using var again = await SessionClient.ConnectAsync(_server.Address, "alice again");
        var rejoined = await again.JoinAsync(_cast.Session.Id, _cast.Session.ParticipantCode, _cast.Alice.Joined!.ParticipantToken);
        Assert.Equal("off_topic", rejoined.Snapshot.Questions.Single(q => q.Id == asked.Id).RejectionCode);
        await using var other = await SessionClient.ConnectAsync(_server.Address, "someone else");
        Assert.DoesNotContain((await other.JoinAsync(_cast.Session.Id, _cast.Session.ParticipantCode)).Snapshot.Questions, q => q.Id == asked.Id);
    }

    [Fact]
    public async Task TheOnsiteModeratorDropsAForwardedQuestionForAPresetReasonAndTheLogKeepsTheText()
    {
        var asked = await _cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Is the data kept in the region?", "Alice", null, null, null));
        await _cast.Online.SendAsync("ForwardQuestion", asked.Id);

        await _cast.Onsite.SendAsync("RejectQuestionFor", asked.Id, "covered");

        using var http = _server.CreateHttpClient(_cast.Session.Keys["rapporteur"]);
        var csv = await http.GetStringAsync($"/api/sessions/{_cast.Session.Id}/questions.csv", TestContext.Current.CancellationToken);
        Assert.Contains(",Already covered in the room,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",covered,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATypedReasonHasNoCode()
    {
        var asked = await _cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Again?", "Alice", null, null, null));
        await _cast.Online.SendAsync("RejectQuestion", asked.Id, "Asked in the previous session.");
        var mine = await _cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Rejected");
        Assert.Equal(("Asked in the previous session.", (string?)null), (mine.RejectionReason, mine.RejectionCode));
    }
}
