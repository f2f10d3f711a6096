using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>A question a moderator records lands in their own queue: the online one for the online moderator, the room's for the onsite one.</summary>
public sealed class RecordQuestionTests : CastTests
{
    private long _started;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _started = (await Cast.Onsite.SendAsync("StartClock")).Version;
    }

    [Fact]
    public async Task TheOnlineModeratorsQuestionGoesToTheOnlineQueue()
    {
        var recorded = await Cast.Online.SendAsync("RecordQuestion", Floor("From the chat", askNow: false));

        await Cast.Online.WaitForVersionAsync(recorded.Version);
        Assert.Equal(["QuestionSubmitted", "QuestionApproved"], Cast.Online.Events.TakeLast(2).Select(e => e.Type));
        var data = SessionClient.Data<QuestionEventData>(Cast.Online.Events[^1]);
        Assert.Equal([recorded.Id!], data.OnlineQueue!);
        Assert.Empty(data.OnsiteQueue!);
    }

    [Fact]
    public async Task TheOnsiteModeratorsQuestionGoesToTheRoomsQueueAndNeverToTheOnlineOne()
    {
        var recorded = await Cast.Onsite.SendAsync("RecordQuestion", Floor("From the third row", askNow: null));

        await Cast.Online.WaitForVersionAsync(recorded.Version);
        Assert.Equal(["QuestionSubmitted", "QuestionApproved", "QuestionForwarded"], Cast.Online.Events.TakeLast(3).Select(e => e.Type));
        var data = SessionClient.Data<QuestionEventData>(Cast.Online.Events[^1]);
        Assert.Empty(data.OnlineQueue!);
        Assert.Equal([recorded.Id!], data.OnsiteQueue!);
        Assert.Equal("Forwarded", data.Question!.Status);
    }

    [Fact]
    public async Task AskedNowTheOnsiteModeratorsQuestionIsLiveAtOnceUnlessAnotherIs()
    {
        var first = await Cast.Onsite.SendAsync("RecordQuestion", Floor("From the front row", askNow: true));
        await Cast.Alice.WaitForVersionAsync(first.Version);
        Assert.Equal(["QuestionSubmitted", "QuestionApproved", "QuestionForwarded", "QuestionMadeLive"], Cast.Alice.Events.TakeLast(4).Select(e => e.Type));
        Assert.Equal(first.Id, SessionClient.Data<QuestionEventData>(Cast.Alice.Events[^1]).LiveQuestionId);

        Assert.Equal("illegal_transition", await Cast.Onsite.RefusedAsync("RecordQuestion", Floor("And from the back?", askNow: true)));
        Assert.Equal(first.Version, (await Cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }

    [Fact]
    public async Task TheOnlineModeratorCannotAskAQuestionNow()
    {
        Assert.Equal("invalid_input", await Cast.Online.RefusedAsync("RecordQuestion", Floor("Straight to the floor?", askNow: true)));
        Assert.Equal(_started, (await Cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }

    private static RecordQuestionRequest Floor(string text, bool? askNow) => new(text, null, null, null, "Floor", null, askNow);
}
