using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>Stage messages on the wire: pinned ones stay, the others go with the segment or speaker they were about.</summary>
public sealed class StageMessageTests : CastTests
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Cast.Onsite.SendAsync("StartClock");
    }

    [Fact]
    public async Task MovingToTheNextSegmentClearsAnUnpinnedMessageInTheSameAppend()
    {
        var sent = await Cast.Online.SendAsync("SendStageMessage", "Please wrap up", false);

        var next = await Cast.Onsite.SendAsync("NextSegment");

        Assert.Equal(sent.Version + 2, next.Version);
        await Cast.AllReachAsync(next.Version);
        Assert.Equal(("SegmentEntered", "StageMessageCleared"), (Cast.Stage.Events[^2].Type, Cast.Stage.Events[^1].Type));
        var cleared = SessionClient.Data<StageEventData>(Cast.Stage.Events[^1]);
        Assert.Equal((sent.Id, (StageMessageDto?)null), (cleared.MessageId, cleared.Message));
        // The two events travel in one call: nobody sees the new segment with the old message.
        Assert.Contains(Cast.Stage.Calls, c => c.StartsWith("EventsRecorded", StringComparison.Ordinal)
            && c.Contains($"{next.Version - 1},{next.Version}", StringComparison.Ordinal));
        Assert.Equal(["SegmentEntered", "Hidden"], Cast.Alice.Events.TakeLast(2).Select(e => e.Type));
    }

    [Fact]
    public async Task APinnedMessageStaysThroughTheAgendaUntilClearedByHand()
    {
        var sent = await Cast.Onsite.SendAsync("SendStageMessage", "Microphone 2 is broken", true);
        await Cast.Stage.WaitForVersionAsync(sent.Version);
        Assert.True(SessionClient.Data<StageEventData>(Cast.Stage.Events[^1]).Message!.Pinned);

        await Cast.Onsite.SendAsync("NextSegment");
        var end = await Cast.Onsite.SendAsync("EndSession");

        await using var stage = await SessionClient.ConnectAsync(Server.Address, "a second stage display");
        var joined = await stage.JoinAsync(Cast.Session.Id, Cast.Session.Keys["stage"]);
        Assert.Equal(end.Version, joined.Snapshot.Version);
        Assert.Equal((sent.Id, "Microphone 2 is broken", true), (joined.Snapshot.StageMessage!.Id, joined.Snapshot.StageMessage.Text, joined.Snapshot.StageMessage.Pinned));
        var cleared = await Cast.Onsite.SendAsync("ClearStageMessage", sent.Id);
        await stage.WaitForVersionAsync(cleared.Version);
        Assert.Null(SessionClient.Data<StageEventData>(stage.Events[^1]).Message);
    }
}
