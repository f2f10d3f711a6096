using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>The online moderator sends a question to the room in one step, approving it on the way if need be.</summary>
public sealed class ForwardQuestionTests : IAsyncLifetime
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
    public async Task ASubmittedQuestionIsApprovedAndForwardedInOneAppend()
    {
        var asked = await _cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who holds the data?", "Alice", null, null, null));

        var forwarded = await _cast.Online.SendAsync("ForwardQuestion", asked.Id);

        Assert.Equal(asked.Version + 2, forwarded.Version);
        await _cast.AllReachAsync(forwarded.Version);
        Assert.Equal(["QuestionApproved", "QuestionForwarded"], _cast.Onsite.Events.TakeLast(2).Select(e => e.Type));
        var seen = SessionClient.Data<QuestionEventData>(_cast.Onsite.Events[^1]);
        Assert.Empty(seen.OnlineQueue!);
        Assert.Equal([asked.Id!], seen.OnsiteQueue!);
        // The room now sees it, and its author hears where it went.
        Assert.Equal("Who holds the data?", SessionClient.Data<QuestionEventData>(_cast.Bob.Events[^1]).Question!.Text);
        await _cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Forwarded");
    }

    [Fact]
    public async Task AForwardedQuestionCannotBeForwardedAgain()
    {
        var asked = await _cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who holds the data?", "Alice", null, null, null));
        var forwarded = await _cast.Online.SendAsync("ForwardQuestion", asked.Id);

        Assert.Equal("illegal_transition", await _cast.Online.RefusedAsync("ForwardQuestion", asked.Id));
        Assert.Equal(forwarded.Version, (await _cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }
}
