using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>The online moderator sends a question to the room in one step, approving it on the way if need be.</summary>
public sealed class ForwardQuestionTests : CastTests
{
    [Fact]
    public async Task ASubmittedQuestionIsApprovedAndForwardedInOneAppend()
    {
        var asked = await Cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who holds the data?", "Alice", null, null, null));

        var forwarded = await Cast.Online.SendAsync("ForwardQuestion", asked.Id);

        Assert.Equal(asked.Version + 2, forwarded.Version);
        await Cast.AllReachAsync(forwarded.Version);
        Assert.Equal(["QuestionApproved", "QuestionForwarded"], Cast.Onsite.Events.TakeLast(2).Select(e => e.Type));
        var seen = SessionClient.Data<QuestionEventData>(Cast.Onsite.Events[^1]);
        Assert.Empty(seen.OnlineQueue!);
        Assert.Equal([asked.Id!], seen.OnsiteQueue!);
        // The room now sees it, and its author hears where it went.
        Assert.Equal("Who holds the data?", SessionClient.Data<QuestionEventData>(Cast.Bob.Events[^1]).Question!.Text);
        await Cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked.Id && q.Status == "Forwarded");
    }

    [Fact]
    public async Task AForwardedQuestionCannotBeForwardedAgain()
    {
        var asked = await Cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who holds the data?", "Alice", null, null, null));
        var forwarded = await Cast.Online.SendAsync("ForwardQuestion", asked.Id);

        Assert.Equal("illegal_transition", await Cast.Online.RefusedAsync("ForwardQuestion", asked.Id));
        Assert.Equal(forwarded.Version, (await Cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }
}
