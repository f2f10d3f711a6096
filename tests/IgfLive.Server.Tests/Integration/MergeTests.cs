using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>A merge changes two questions, and every view hears about both.</summary>
public sealed class MergeTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EveryViewHearsHowManyVotesTheQuestionADuplicateJoinedNowHas()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        await using var carol = await SessionClient.ConnectAsync(_server.Address, "carol");
        await carol.JoinAsync(session.Id, session.ParticipantCode);

        var kept = await cast.Bob.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who pays for rural broadband?", null, null, null, null));
        var duplicate = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who funds broadband in rural areas?", null, null, null, null));
        await cast.Online.SendAsync("ApproveQuestion", kept.Id);
        await cast.Online.SendAsync("ApproveQuestion", duplicate.Id);
        await carol.SendAsync("VoteQuestion", duplicate.Id);
        var merged = await cast.Online.SendAsync("MergeQuestion", duplicate.Id, kept.Id);
        await cast.AllReachAsync(merged.Version);

        foreach (var view in new[] { cast.Online, cast.Onsite, cast.Alice, cast.Bob })
        {
            var data = SessionClient.Data<QuestionEventData>(view.Events.Single(e => e.Seq == merged.Version));
            Assert.Equal("Merged", data.Question!.Status);
            Assert.Equal(kept.Id, data.Into!.Id);
            // Carol voted for the duplicate only; her vote now counts for the question it joined.
            Assert.Equal(1, data.Into.Votes);
            Assert.Equal("Approved", data.Into.Status);
        }
    }

    [Fact]
    public async Task AQuestionNotYetApprovedThatADuplicateJoinedStaysHiddenFromParticipants()
    {
        var session = await Seed.CreateAsync(_server);
        await using var cast = await Roles.JoinAsync(_server, session);
        var kept = await cast.Bob.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who pays for rural broadband?", null, null, null, null));
        var duplicate = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who funds broadband in rural areas?", null, null, null, null));
        var merged = await cast.Online.SendAsync("MergeQuestion", duplicate.Id, kept.Id);
        await cast.AllReachAsync(merged.Version);

        var staff = SessionClient.Data<QuestionEventData>(cast.Online.Events.Single(e => e.Seq == merged.Version));
        Assert.Equal(kept.Id, staff.Into!.Id);
        Assert.Equal("Who pays for rural broadband?", staff.Into.Text);
        // Neither question was ever public: the merge is Hidden whole, the question it joined with it.
        foreach (var view in new[] { cast.Alice, cast.Bob, cast.Stage })
        {
            var seen = view.Events.Single(e => e.Seq == merged.Version);
            Assert.Equal(("Hidden", (object?)null), (seen.Type, seen.Data));
        }
    }
}
