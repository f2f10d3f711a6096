using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>Rejecting for a preset reason: staff and the author get the reason and its code, the rest of the room neither.</summary>
public sealed class PresetRejectionTests : CastTests
{
    [Fact]
    public async Task TheReasonAndItsCodeReachStaffAndTheAuthorAlone()
    {
        var asked = await Cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("What about the weather?", "Alice", null, null, null));
        // Approved first, so the room sees the rejection (of a question it never saw it would see nothing but Hidden).
        await Cast.Online.SendAsync("ApproveQuestion", asked.Id);

        var rejected = await Cast.Online.SendAsync("RejectQuestionFor", asked.Id, "off_topic");

        await Cast.AllReachAsync(rejected.Version);
        var staff = SessionClient.Data<QuestionEventData>(Cast.Onsite.Events[^1]).Question!;
        Assert.Equal(("Rejected", "Off topic for this session", "off_topic"), (staff.Status, staff.RejectionReason, staff.RejectionCode));
        var mine = await Cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Rejected");
        Assert.Equal(("Off topic for this session", "off_topic"), (mine.RejectionReason, mine.RejectionCode));
        var room = SessionClient.Data<QuestionEventData>(Cast.Bob.Events[^1]).Question!;
        Assert.Equal(("Rejected", (string?)null, (string?)null), (room.Status, room.RejectionReason, room.RejectionCode));

        // Her next join's snapshot says the same; nobody else's has the question at all.
        await using var again = await SessionClient.ConnectAsync(Server.Address, "alice again");
        var rejoined = await again.JoinAsync(Cast.Session.Id, Cast.Session.ParticipantCode, Cast.Alice.Joined!.ParticipantToken);
        Assert.Equal("off_topic", rejoined.Snapshot.Questions.Single(q => q.Id == asked.Id).RejectionCode);
        await using var other = await SessionClient.ConnectAsync(Server.Address, "someone else");
        Assert.DoesNotContain((await other.JoinAsync(Cast.Session.Id, Cast.Session.ParticipantCode)).Snapshot.Questions, q => q.Id == asked.Id);
    }

    [Fact]
    public async Task TheOnsiteModeratorDropsAForwardedQuestionForAPresetReasonAndTheLogKeepsTheText()
    {
        var asked = await Cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Is the data kept in the region?", "Alice", null, null, null));
        await Cast.Online.SendAsync("ForwardQuestion", asked.Id);

        await Cast.Onsite.SendAsync("RejectQuestionFor", asked.Id, "covered");

        using var http = Server.CreateHttpClient(Cast.Session.Keys["rapporteur"]);
        var csv = await http.GetStringAsync($"/api/sessions/{Cast.Session.Id}/questions.csv", TestContext.Current.CancellationToken);
        Assert.Contains(",Already covered in the room,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",covered,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATypedReasonHasNoCode()
    {
        var asked = await Cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Again?", "Alice", null, null, null));
        await Cast.Online.SendAsync("RejectQuestion", asked.Id, "Asked in the previous session.");
        var mine = await Cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Rejected");
        Assert.Equal(("Asked in the previous session.", (string?)null), (mine.RejectionReason, mine.RejectionCode));
    }
}
