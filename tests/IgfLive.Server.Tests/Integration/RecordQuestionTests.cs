using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>A question a moderator records lands in their own queue: the online one for the online moderator, the room's for the onsite one.</summary>
public sealed class RecordQuestionTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private Roles _cast = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _cast = await Roles.JoinAsync(_server, await Seed.CreateAsync(_server));
        await _cast.Onsite.SendAsync("StartClock");
    }

    public async ValueTask DisposeAsync()
    {
        await _cast.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TheOnlineModeratorsQuestionGoesToTheOnlineQueue()
    {
        var recorded = await _cast.Online.SendAsync("RecordQuestion", Floor("From the chat", askNow: false));

        await _cast.Online.WaitForVersionAsync(recorded.Version);
        Assert.Equal(["QuestionSubmitted", "QuestionApproved"], _cast.Online.Events.TakeLast(2).Select(e => e.Type));
        var data = SessionClient.Data<QuestionEventData>(_cast.Online.Events[^1]);
        Assert.Equal([recorded.Id!], data.OnlineQueue!);
        Assert.Empty(data.OnsiteQueue!);
    }

    [Fact]
    public async Task TheOnsiteModeratorsQuestionGoesToTheRoomsQueueAndNeverToTheOnlineOne()
    {
        var recorded = await _cast.Onsite.SendAsync("RecordQuestion", Floor("From the third row", askNow: null));

        await _cast.Online.WaitForVersionAsync(recorded.Version);
        Assert.Equal(["QuestionSubmitted", "QuestionApproved", "QuestionForwarded"], _cast.Online.Events.TakeLast(3).Select(e => e.Type));
        var data = SessionClient.Data<QuestionEventData>(_cast.Online.Events[^1]);
        Assert.Empty(data.OnlineQueue!);
        Assert.Equal([recorded.Id!], data.OnsiteQueue!);
        Assert.Equal("Forwarded", data.Question!.Status);
    }

    [Fact]
    public async Task AskedNowTheOnsiteModeratorsQuestionIsLiveAtOnceUnlessAnotherIs()
    {
        var first = await _cast.Onsite.SendAsync("RecordQuestion", Floor("From the front row", askNow: true));
        await _cast.Alice.WaitForVersionAsync(first.Version);
        Assert.Equal(["QuestionSubmitted", "QuestionApproved", "QuestionForwarded", "QuestionMadeLive"], _cast.Alice.Events.TakeLast(4).Select(e => e.Type));
        Assert.Equal(first.Id, SessionClient.Data<QuestionEventData>(_cast.Alice.Events[^1]).LiveQuestionId);

        Assert.Equal("illegal_transition", await _cast.Onsite.RefusedAsync("RecordQuestion", Floor("And from the back?", askNow: true)));
        Assert.Equal(first.Version, (await _cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }

    [Fact]
    public async Task TheOnlineModeratorCannotAskAQuestionNow()
    {
        Assert.Equal("invalid_input", await _cast.Online.RefusedAsync("RecordQuestion", Floor("Straight to the floor?", askNow: true)));
        Assert.Equal(2, (await _cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }

    private static RecordQuestionRequest Floor(string text, bool? askNow) => new(text, null, null, null, "Floor", null, askNow);
}
