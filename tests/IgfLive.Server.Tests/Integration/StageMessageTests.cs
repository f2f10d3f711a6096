using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>Stage messages on the wire: pinned ones stay, the others go with the segment or speaker they were about.</summary>
public sealed class StageMessageTests : IAsyncLifetime
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
    public async Task MovingToTheNextSegmentClearsAnUnpinnedMessageInTheSameAppend()
    {
        var sent = await _cast.Online.SendAsync("SendStageMessage", "Please wrap up", false);

        var next = await _cast.Onsite.SendAsync("NextSegment");

        Assert.Equal(sent.Version + 2, next.Version);
        await _cast.AllReachAsync(next.Version);
        Assert.Equal(("SegmentEntered", "StageMessageCleared"), (_cast.Stage.Events[^2].Type, _cast.Stage.Events[^1].Type));
        var cleared = SessionClient.Data<StageEventData>(_cast.Stage.Events[^1]);
        Assert.Equal((sent.Id, (StageMessageDto?)null), (cleared.MessageId, cleared.Message));
        // The two events travel in one call: nobody sees the new segment with the old message.
        Assert.Contains(_cast.Stage.Calls, c => c.StartsWith("EventsRecorded", StringComparison.Ordinal)
            && c.Contains($"{next.Version - 1},{next.Version}", StringComparison.Ordinal));
        Assert.Equal(["SegmentEntered", "Hidden"], _cast.Alice.Events.TakeLast(2).Select(e => e.Type));
    }

    [Fact]
    public async Task APinnedMessageStaysThroughTheAgendaUntilClearedByHand()
    {
        var sent = await _cast.Onsite.SendAsync("SendStageMessage", "Microphone 2 is broken", true);
        await _cast.Stage.WaitForVersionAsync(sent.Version);
        Assert.True(SessionClient.Data<StageEventData>(_cast.Stage.Events[^1]).Message!.Pinned);

        await _cast.Onsite.SendAsync("NextSegment");
        var end = await _cast.Onsite.SendAsync("EndSession");

        await using var stage = await SessionClient.ConnectAsync(_server.Address, "a second stage display");
        var joined = await stage.JoinAsync(_cast.Session.Id, _cast.Session.Keys["stage"]);
        Assert.Equal(end.Version, joined.Snapshot.Version);
        Assert.Equal((sent.Id, "Microphone 2 is broken", true), (joined.Snapshot.StageMessage!.Id, joined.Snapshot.StageMessage.Text, joined.Snapshot.StageMessage.Pinned));
        var cleared = await _cast.Onsite.SendAsync("ClearStageMessage", sent.Id);
        await stage.WaitForVersionAsync(cleared.Version);
        Assert.Null(SessionClient.Data<StageEventData>(stage.Events[^1]).Message);
    }
}
