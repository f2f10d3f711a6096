using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hubs;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// Each staff member is told, with every question, what their role may do to it now; the pages
/// draw their buttons from that. Participants and the stage display are told nothing of it.
/// </summary>
public sealed class QuestionActionsTests : CastTests
{
    private static readonly string[] Triage = ["ApproveQuestion", "ForwardQuestion", "EditQuestion", "MergeQuestion", "MergeQuestionInto", "RejectQuestion", "RejectQuestionFor"];

    [Fact]
    public async Task EachStaffRoleHearsTheActionsItsRoleMayTakeOnASubmittedQuestion()
    {
        var asked = await AskAsync();

        Assert.Equal(Triage, ActionsIn(Cast.Online, "QuestionSubmitted"));
        Assert.Equal(["RejectQuestion", "RejectQuestionFor"], ActionsIn(Cast.Onsite, "QuestionSubmitted"));
        Assert.Empty(ActionsIn(Cast.Rapporteur, "QuestionSubmitted"));
        Assert.Empty((await Cast.Alice.WaitForMyQuestionAsync(q => q.Id == asked)).Actions);
    }

    [Fact]
    public async Task TheActionsFollowTheQuestionThroughTheRoom()
    {
        var asked = await AskAsync();
        await ReachAsync(await Cast.Online.SendAsync("ForwardQuestion", asked));

        Assert.Equal(["EditQuestion", "MergeQuestionInto", "RejectQuestion", "RejectQuestionFor"], ActionsIn(Cast.Online, "QuestionForwarded"));
        // The onsite moderator orders the room's queue: forwarded questions move there.
        Assert.Equal(["MoveQuestion", "RejectQuestion", "RejectQuestionFor", "MakeQuestionLive"], ActionsIn(Cast.Onsite, "QuestionForwarded"));
        Assert.Equal(["PromoteQuestion"], ActionsIn(Cast.Rapporteur, "QuestionForwarded"));
        Assert.Empty(ActionsIn(Cast.Bob, "QuestionForwarded"));
        Assert.Empty(ActionsIn(Cast.Stage, "QuestionForwarded"));

        await ReachAsync(await Cast.Onsite.SendAsync("MakeQuestionLive", asked));
        Assert.Equal(["MarkQuestionAnswered"], ActionsIn(Cast.Onsite, "QuestionMadeLive"));
        Assert.Equal(["MergeQuestionInto"], ActionsIn(Cast.Online, "QuestionMadeLive"));

        await ReachAsync(await Cast.Onsite.SendAsync("MarkQuestionAnswered", asked));
        Assert.Empty(ActionsIn(Cast.Onsite, "QuestionAnswered"));
        Assert.Equal(["PromoteQuestion"], ActionsIn(Cast.Rapporteur, "QuestionAnswered"));
    }

    [Fact]
    public async Task ASnapshotCarriesTheSameActionsAsTheEvents()
    {
        var asked = await AskAsync();
        await ReachAsync(await Cast.Online.SendAsync("ApproveQuestion", asked));

        await using var onsite = await SessionClient.ConnectAsync(Server.Address, "onsite again");
        var joined = await onsite.JoinAsync(Cast.Session.Id, Cast.Session.Keys["onsiteModerator"]);
        await using var online = await SessionClient.ConnectAsync(Server.Address, "online again");
        var onlineJoined = await online.JoinAsync(Cast.Session.Id, Cast.Session.Keys["onlineModerator"]);
        await using var bob = await SessionClient.ConnectAsync(Server.Address, "bob again");
        var bobJoined = await bob.JoinAsync(Cast.Session.Id, Cast.Session.ParticipantCode);

        Assert.Equal(["RejectQuestion", "RejectQuestionFor"], joined.Snapshot.Questions.Single(q => q.Id == asked).Actions);
        Assert.Equal(
            ["ForwardQuestion", "EditQuestion", "MoveQuestion", "MergeQuestion", "MergeQuestionInto", "RejectQuestion", "RejectQuestionFor"],
            onlineJoined.Snapshot.Questions.Single(q => q.Id == asked).Actions);
        Assert.Equal(ActionsIn(Cast.Online, "QuestionApproved"), onlineJoined.Snapshot.Questions.Single(q => q.Id == asked).Actions);
        Assert.Empty(bobJoined.Snapshot.Questions.Single(q => q.Id == asked).Actions);
    }

    [Fact]
    public async Task AnEndedQuestionOffersNothingToAnyone()
    {
        var asked = await AskAsync();
        await ReachAsync(await Cast.Online.SendAsync("RejectQuestionFor", asked, "off_topic"));

        foreach (var staff in Cast.Staff)
        {
            Assert.Empty(ActionsIn(staff, "QuestionRejected"));
        }
    }

    [Fact]
    public async Task EveryQuestionCommandIsRefusedToTheStaffRolesTheTableLeavesOut()
    {
        var asked = await AskAsync();
        var before = Cast.Online.Version;
        var arguments = new Dictionary<string, object?[]>
        {
            ["RejectQuestion"] = [asked, "Covered already"],
            ["RejectQuestionFor"] = [asked, "covered"],
            ["EditQuestion"] = [asked, "Who holds which data?"],
            ["MergeQuestion"] = [asked, asked],
            ["MoveQuestion"] = [asked, 0],
            ["PromoteQuestion"] = [new PromoteQuestionRequest(asked, "Point", null)],
        };
        var staff = new Dictionary<SessionClient, SessionRole>
        {
            [Cast.Online] = SessionRole.OnlineModerator,
            [Cast.Onsite] = SessionRole.OnsiteModerator,
            [Cast.Rapporteur] = SessionRole.Rapporteur,
        };
        // A method may have several rows (MoveQuestion: each moderator in their own queue); it is refused to the roles none of them names.
        var commands = QuestionActions.All.Where(c => typeof(SessionHub).GetMethod(c.Name) is not null)
            .GroupBy(c => c.Name)
            .Select(g => (Name: g.Key, Roles: g.SelectMany(c => c.Roles).Distinct().ToArray()))
            .ToArray();
        Assert.Equal(10, commands.Length);

        foreach (var command in commands)
        {
            foreach (var (client, role) in staff.Where(s => !command.Roles.Contains(s.Value)))
            {
                Assert.Equal("wrong_role", await client.RefusedAsync(command.Name, arguments.GetValueOrDefault(command.Name, [asked])));
            }
        }
        Assert.Equal(before, (await Cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }

    private async Task<string> AskAsync()
    {
        var asked = await Cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who holds the data?", "Alice", null, null, null));
        await Cast.AllReachAsync(asked.Version);
        return asked.Id!;
    }

    private Task ReachAsync(CommandResult result) => Cast.AllReachAsync(result.Version);

    private static IReadOnlyList<string> ActionsIn(SessionClient client, string type) =>
        SessionClient.Data<QuestionEventData>(client.Events.Last(e => e.Type == type)).Question!.Actions;
}
