using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>What one participant may learn about another's question, and what they may not.</summary>
public sealed class RedactionTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ARejectionReasonReachesTheAuthorButNotTheRestOfTheRoom()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Why is Bob always late?", "Alice", null, null, null));
        var rejected = await cast.Online.SendAsync("RejectQuestion", asked.Id, "Personal remarks about Bob are not questions.");
        await cast.AllReachAsync(rejected.Version);

        // The room's log is the same for everyone: Alice's copy of the rejection is redacted like Bob's...
        Assert.Equal(
            cast.Bob.Events.Select(e => (e.Seq, e.Type)),
            cast.Alice.Events.Select(e => (e.Seq, e.Type)));
        // ...and the reason comes to Alice alone, on her own channel.
        var seenByAlice = await cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Rejected");
        Assert.Equal("Personal remarks about Bob are not questions.", seenByAlice.RejectionReason);
        Assert.Equal("Why is Bob always late?", seenByAlice.Text);
        Assert.True(seenByAlice.Mine);

        // The room never saw the question, so it learns nothing of its end either: Hidden, like its submission.
        var bobsView = cast.Bob.Events.Single(e => e.Seq == rejected.Version);
        Assert.Equal(("Hidden", (object?)null), (bobsView.Type, bobsView.Data));
        Assert.Equal("Hidden", cast.Bob.Events.Single(e => e.Seq == asked.Version).Type);
    }

    [Fact]
    public async Task AQuestionTheRoomSawLeavesItsViewsWithoutItsWordsOrTheReason()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Why is Bob always late?", "Alice", "Lab", "Civil Society", null));
        await cast.Online.SendAsync("ApproveQuestion", asked.Id);
        var rejected = await cast.Onsite.SendAsync("RejectQuestion", asked.Id, "Personal remarks about Bob are not questions.");
        await cast.AllReachAsync(rejected.Version);

        foreach (var view in new[] { cast.Alice, cast.Bob, cast.Stage })
        {
            var seen = view.Events.Single(e => e.Seq == rejected.Version);
            Assert.Equal("QuestionRejected", seen.Type);
            var question = SessionClient.Data<QuestionEventData>(seen).Question!;
            Assert.Equal((asked.Id!, "Rejected", ""), (question.Id, question.Status, question.Text));
            Assert.Equal(((string?)null, (string?)null, (string?)null, (string?)null), (question.AuthorName, question.Organisation, question.StakeholderGroup, question.RejectionReason));
        }
        Assert.Equal("Personal remarks about Bob are not questions.", SessionClient.Data<QuestionEventData>(cast.Online.Events[^1]).Question!.RejectionReason);
    }

    [Fact]
    public async Task AnAuthorHearsEveryStepOfTheirQuestionOnAllTheirConnectionsAndNobodyElseDoes()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        // Alice's second tab: same participant token, so the same participant.
        await using var aliceTab = await SessionClient.ConnectAsync(_server.Address, "alice-tab");
        var tabJoin = await aliceTab.JoinAsync(session.Id, session.ParticipantCode, cast.Alice.Joined!.ParticipantToken);
        Assert.Equal(cast.Alice.Joined.ParticipantId, tabJoin.ParticipantId);

        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("How do we include rural users?", null, null, null, null));
        await aliceTab.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Submitted" && q.Mine);
        await cast.Online.SendAsync("ApproveQuestion", asked.Id);
        await cast.Online.SendAsync("ForwardQuestion", asked.Id);
        await cast.Onsite.SendAsync("MakeQuestionLive", asked.Id);
        var answered = await cast.Onsite.SendAsync("MarkQuestionAnswered", asked.Id);
        await cast.AllReachAsync(answered.Version);

        foreach (var status in new[] { "Submitted", "Approved", "Forwarded", "Live", "Answered" })
        {
            await cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == status);
            await aliceTab.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == status);
        }
        Assert.Empty(cast.Bob.MyQuestions);
        Assert.Empty(cast.Online.MyQuestions);
    }

    [Fact]
    public async Task AnAuthorWhoClosedEveryTabAndCameBackStillHearsHowTheirQuestionFares()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        var asked = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who audits the algorithm?", "Alice", null, null, null));
        var token = cast.Alice.Joined!.ParticipantToken;
        await cast.Alice.DisposeAsync();

        await using var back = await SessionClient.ConnectAsync(_server.Address, "alice, back");
        await back.JoinAsync(session.Id, session.ParticipantCode, token);
        await cast.Online.SendAsync("ApproveQuestion", asked.Id);

        var seen = await back.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Approved");
        Assert.True(seen.Mine);
        Assert.Empty(cast.Bob.MyQuestions);
    }
}
