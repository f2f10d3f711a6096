using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>Each moderator orders the queue they take questions from: the online moderator the online queue, the onsite moderator the room's.</summary>
public sealed class MoveQuestionTests : CastTests
{
    [Fact]
    public async Task TheOnsiteModeratorReordersTheRoomsQueueAndEveryViewHearsIt()
    {
        var (a, b, c) = (await ForwardedAsync("Who pays?"), await ForwardedAsync("Who decides?"), await ForwardedAsync("Who checks?"));

        var moved = await Cast.Onsite.SendAsync("MoveQuestion", c, 0);

        await Cast.AllReachAsync(moved.Version);
        var staff = SessionClient.Data<QuestionEventData>(Cast.Online.Events[^1]);
        Assert.Equal("QuestionMoved", Cast.Online.Events[^1].Type);
        Assert.Equal([c, a, b], staff.OnsiteQueue!);
        Assert.Empty(staff.OnlineQueue!);
        // The room sees the question moved (it is public), never the queues.
        var room = SessionClient.Data<QuestionEventData>(Cast.Bob.Events[^1]);
        Assert.Equal(("QuestionMoved", c, "Who checks?"), (Cast.Bob.Events[^1].Type, room.QuestionId, room.Question!.Text));
        Assert.Null(room.OnsiteQueue);
        Assert.Equal([c, a, b], (await JoinedSnapshotAsync()).OnsiteQueue);
    }

    [Fact]
    public async Task TheOnlineModeratorStillReordersTheOnlineQueue()
    {
        var (a, b) = (await ApprovedAsync("Who pays?"), await ApprovedAsync("Who decides?"));

        var moved = await Cast.Online.SendAsync("MoveQuestion", b, 0);

        await Cast.Onsite.WaitForVersionAsync(moved.Version);
        Assert.Equal([b, a], SessionClient.Data<QuestionEventData>(Cast.Onsite.Events[^1]).OnlineQueue!);
    }

    [Fact]
    public async Task NeitherModeratorMovesAQuestionInTheOtherOnesQueue()
    {
        var approved = await ApprovedAsync("Still in triage?");
        var forwarded = await ForwardedAsync("Already in the room?");
        var version = Cast.Online.Version;

        Assert.Equal("forbidden", await Cast.Online.RefusedAsync("MoveQuestion", forwarded, 0));
        Assert.Equal("forbidden", await Cast.Onsite.RefusedAsync("MoveQuestion", approved, 0));
        Assert.Equal(version, (await Cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }

    [Fact]
    public async Task MovingAQuestionToWhereItIsAnswersTheCurrentVersionAndRecordsNothing()
    {
        await ForwardedAsync("Who pays?");
        var second = await ForwardedAsync("Who decides?");
        var version = Cast.Onsite.Version;

        var unchanged = await Cast.Onsite.SendAsync("MoveQuestion", second, 1);

        Assert.Equal(version, unchanged.Version);
        Assert.Equal(version, (await Cast.Onsite.ResyncAsync(0)).Events[^1].Seq);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public async Task APositionOutsideTheRoomsQueueIsInvalidInput(int position)
    {
        var first = await ForwardedAsync("Who pays?");
        await ForwardedAsync("Who decides?");

        Assert.Equal("invalid_input", await Cast.Onsite.RefusedAsync("MoveQuestion", first, position));
    }

    [Fact]
    public async Task NobodyElseMovesQuestions()
    {
        var forwarded = await ForwardedAsync("Who pays?");
        foreach (var caller in new[] { Cast.Rapporteur, Cast.Stage, Cast.Alice })
        {
            Assert.Equal("wrong_role", await caller.RefusedAsync("MoveQuestion", forwarded, 0));
        }
    }

    private async Task<string> ApprovedAsync(string text)
    {
        var recorded = await Cast.Online.SendAsync("RecordQuestion", new RecordQuestionRequest(text, null, null, null, "Online", null));
        await Cast.AllReachAsync(recorded.Version);
        return recorded.Id!;
    }

    private async Task<string> ForwardedAsync(string text)
    {
        var recorded = await Cast.Onsite.SendAsync("RecordQuestion", new RecordQuestionRequest(text, null, null, null, "Floor", null));
        await Cast.AllReachAsync(recorded.Version);
        return recorded.Id!;
    }

    private async Task<SnapshotDto> JoinedSnapshotAsync()
    {
        await using var again = await SessionClient.ConnectAsync(Server.Address, "online, reloaded");
        return (await again.JoinAsync(Cast.Session.Id, Cast.Session.Keys["onlineModerator"])).Snapshot;
    }
}
