using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>protocol.md, "The queues" and the snapshot table: what each queue holds, in what order, and who is given it.</summary>
public sealed class QueueTests(ConformanceServer conformance) : IClassFixture<ConformanceServer>
{
    /// <summary>The ids of a question in every status (two approved and two forwarded, each pair reordered by its moderator).</summary>
    public sealed record EveryStatus(
        string Submitted, string[] Approved, string[] Forwarded, string Live, string Answered, string Rejected, string Merged, string Withdrawn);

    [Fact]
    public async Task EachQueueHoldsItsStatusInItsModeratorsOrderAndOnlyStaffAreGivenThem()
    {
        await using var cast = await conformance.NewCastAsync();
        var q = await OneQuestionInEveryStatusAsync(cast);

        var staff = await conformance.SnapshotAsync(cast, cast.Session.Keys["onlineModerator"]);
        Assert.Equal(q.Approved, staff.OnlineQueue);
        Assert.Equal(q.Forwarded, staff.OnsiteQueue);
        Assert.Equal(q.Live, staff.LiveQuestionId);
        var byStatus = staff.Questions.ToLookup(x => x.Status, x => x.Id);
        Assert.Equal(byStatus["Approved"].Order(StringComparer.Ordinal), staff.OnlineQueue.Order(StringComparer.Ordinal));
        Assert.Equal(byStatus["Forwarded"].Order(StringComparer.Ordinal), staff.OnsiteQueue.Order(StringComparer.Ordinal));
        // The last question event carried the same queues to staff.
        var last = SessionClient.Data<QuestionEventData>(cast.Onsite.Events.Last(e => e.Type.StartsWith("Question", StringComparison.Ordinal) && e.Type != "QuestionsClosed"));
        Assert.Equal(q.Approved, last.OnlineQueue!);
        Assert.Equal(q.Forwarded, last.OnsiteQueue!);

        foreach (var other in new[] { await conformance.SnapshotAsync(cast, cast.Session.Keys["stage"]), await conformance.SnapshotAsync(cast, cast.Session.ParticipantCode) })
        {
            Assert.Empty(other.OnlineQueue);
            Assert.Empty(other.OnsiteQueue);
            Assert.Equal(q.Live, other.LiveQuestionId);
        }
    }

    [Fact]
    public async Task PresenceIsStaffsAloneAndOthersSnapshotsSayNobody()
    {
        await using var cast = await conformance.NewCastAsync();
        await cast.Online.WaitUntilAsync(() => cast.Online.Presence.Any(p => p.Online == 2), "staff to count both participants");

        var staff = await conformance.SnapshotAsync(cast, cast.Session.Keys["rapporteur"]);
        Assert.Equal((2, 2), (staff.Presence.Online, staff.Presence.Peak));
        foreach (var other in new[] { await conformance.SnapshotAsync(cast, cast.Session.Keys["stage"]), await conformance.SnapshotAsync(cast, cast.Session.ParticipantCode) })
        {
            Assert.Equal((0, 0), (other.Presence.Online, other.Presence.Peak));
        }
    }

    /// <summary>Puts a question in every status the document lists, and moves each queue's second question to its front.</summary>
    public static async Task<EveryStatus> OneQuestionInEveryStatusAsync(Roles cast)
    {
        ArgumentNullException.ThrowIfNull(cast);
        async Task<string> Ask(SessionClient who, string text) =>
            (await who.SendAsync("SubmitQuestion", new SubmitQuestionRequest(text, who.Name, null, null, null))).Id!;
        async Task<string> Record(SessionClient moderator, string text, string channel) =>
            (await moderator.SendAsync("RecordQuestion", new RecordQuestionRequest(text, null, null, null, channel, null))).Id!;

        var submitted = await Ask(cast.Alice, "Still waiting?");
        var (a1, a2) = (await Record(cast.Online, "From the chat", "Online"), await Record(cast.Online, "Also from the chat", "Online"));
        var (f1, f2) = (await Record(cast.Onsite, "From the floor", "Floor"), await Record(cast.Onsite, "Also from the floor", "Floor"));
        await cast.Online.SendAsync("MoveQuestion", a2, 0);
        await cast.Onsite.SendAsync("MoveQuestion", f2, 0);
        var answered = await Record(cast.Onsite, "Asked and answered", "Floor");
        await cast.Onsite.SendAsync("MakeQuestionLive", answered);
        await cast.Onsite.SendAsync("MarkQuestionAnswered", answered);
        var live = await Record(cast.Onsite, "Being asked", "Floor");
        await cast.Onsite.SendAsync("MakeQuestionLive", live);
        var rejected = await Ask(cast.Bob, "Off topic?");
        await cast.Online.SendAsync("RejectQuestionFor", rejected, "off_topic");
        var merged = await Ask(cast.Bob, "From the chat, again?");
        await cast.Online.SendAsync("MergeQuestion", merged, a1);
        var withdrawn = await Ask(cast.Alice, "Never mind?");
        var last = await cast.Alice.SendAsync("WithdrawQuestion", withdrawn);
        await cast.AllReachAsync(last.Version);
        return new EveryStatus(submitted, [a2, a1], [f2, f1], live, answered, rejected, merged, withdrawn);
    }
}
