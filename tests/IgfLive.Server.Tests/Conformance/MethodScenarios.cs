using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>
/// For each hub method of protocol.md's command table, the state it needs to succeed and the
/// arguments to call it with. The caller matters only where the document says so: a participant
/// withdraws their own question and votes for someone else's; each moderator moves questions in
/// their own queue.
/// </summary>
public static class MethodScenarios
{
    private delegate Task<object?[]> Scenario(Roles cast, SessionClient caller);

    private static readonly Dictionary<string, Scenario> Scenarios = new(StringComparer.Ordinal)
    {
        ["StartClock"] = (_, _) => Args(),
        ["PauseClock"] = async (cast, _) => await Steps(cast, "StartClock"),
        ["ResumeClock"] = async (cast, _) => await Steps(cast, "StartClock", "PauseClock"),
        ["NextSegment"] = async (cast, _) => await Steps(cast, "StartClock"),
        ["PreviousSegment"] = async (cast, _) => await Steps(cast, "StartClock", "NextSegment"),
        ["GoToSegment"] = async (cast, _) => [.. await Steps(cast, "StartClock"), 2],
        ["GoToSpeakerSlot"] = async (cast, _) =>
        {
            await Steps(cast, "StartClock");
            await cast.Onsite.SendAsync("GoToSegment", ConformanceServer.SlotsSegment);
            return [1];
        },
        ["AdjustSegment"] = async (cast, _) => [.. await Steps(cast, "StartClock"), 60],
        ["EndSession"] = async (cast, _) => await Steps(cast, "StartClock"),
        ["SubmitQuestion"] = (_, _) => Args(new SubmitQuestionRequest("Who keeps the data?", "Alice", null, null, "han")),
        ["RecordQuestion"] = (_, _) => Args(new RecordQuestionRequest("From the third row", null, null, null, "Floor", null)),
        ["ApproveQuestion"] = async (cast, _) => [await SubmittedAsync(cast.Alice)],
        ["RejectQuestion"] = async (cast, _) => [await SubmittedAsync(cast.Alice), "Covered already"],
        ["RejectQuestionFor"] = async (cast, _) => [await SubmittedAsync(cast.Alice), "covered"],
        ["EditQuestion"] = async (cast, _) => [await SubmittedAsync(cast.Alice), "Who keeps the data, and where?"],
        ["MergeQuestion"] = async (cast, _) => [await SubmittedAsync(cast.Alice), await SubmittedAsync(cast.Bob)],
        ["MoveQuestion"] = async (cast, caller) =>
        {
            // Two questions in the caller's queue (the online one for anyone but the onsite moderator).
            var room = caller == cast.Onsite;
            _ = room ? await ForwardedAsync(cast) : await ApprovedAsync(cast, cast.Bob);
            var second = room ? await ForwardedAsync(cast) : await ApprovedAsync(cast, cast.Bob);
            return [second, 0];
        },
        ["ForwardQuestion"] = async (cast, _) => [await ApprovedAsync(cast, cast.Alice)],
        ["MakeQuestionLive"] = async (cast, _) => [await ForwardedAsync(cast)],
        ["MarkQuestionAnswered"] = async (cast, _) =>
        {
            var id = await ForwardedAsync(cast);
            await cast.Onsite.SendAsync("MakeQuestionLive", id);
            return [id];
        },
        ["CloseQuestions"] = (_, _) => Args(),
        ["OpenQuestions"] = async (cast, _) => await Steps(cast, "CloseQuestions"),
        ["WithdrawQuestion"] = async (cast, caller) => [await SubmittedAsync(caller == cast.Bob ? cast.Bob : cast.Alice)],
        ["VoteQuestion"] = async (cast, _) => [await ApprovedAsync(cast, cast.Bob)],
        ["UnvoteQuestion"] = async (cast, _) =>
        {
            var id = await ApprovedAsync(cast, cast.Bob);
            await cast.Alice.SendAsync("VoteQuestion", id);
            return [id];
        },
        ["AddNote"] = (_, _) => Args(new AddNoteRequest("KeyTakeaway", "Data stays where it is collected.", null, null, null)),
        ["EditNote"] = async (cast, _) => [new EditNoteRequest(await NoteAsync(cast), "Point", "Data stays in the region.", null, null)],
        ["DeleteNote"] = async (cast, _) => [await NoteAsync(cast)],
        ["RestoreNote"] = async (cast, _) =>
        {
            var id = await NoteAsync(cast);
            await cast.Rapporteur.SendAsync("DeleteNote", id);
            return [id];
        },
        ["PromoteQuestion"] = async (cast, _) => [new PromoteQuestionRequest(await ApprovedAsync(cast, cast.Alice), "KeyTakeaway", "Locally.")],
        ["SendStageMessage"] = (_, _) => Args("Two minutes left", false),
        ["ClearStageMessage"] = async (cast, _) => [(await cast.Online.SendAsync("SendStageMessage", "Two minutes left", false)).Id],
        ["AcknowledgeStageMessage"] = async (cast, _) => [(await cast.Onsite.SendAsync("SendStageMessage", "Wrap up", true)).Id],
        ["GetQueueAdvice"] = async (cast, _) =>
        {
            await ForwardedAsync(cast);
            return [];
        },
    };

    public static IEnumerable<string> Methods => Scenarios.Keys;

    /// <summary>Brings the cast's session to where <paramref name="method"/> can succeed for <paramref name="caller"/>, and returns its arguments.</summary>
    public static Task<object?[]> PrepareAsync(string method, Roles cast, SessionClient caller)
    {
        Assert.True(Scenarios.TryGetValue(method, out var scenario), $"protocol.md lists {method}, which has no scenario in {nameof(MethodScenarios)}.");
        return scenario(cast, caller);
    }

    private static Task<object?[]> Args(params object?[] args) => Task.FromResult(args);

    private static async Task<object?[]> Steps(Roles cast, params string[] onsiteCommands)
    {
        foreach (var command in onsiteCommands)
        {
            await cast.Onsite.SendAsync(command);
        }
        return [];
    }

    private static async Task<string> SubmittedAsync(SessionClient participant) =>
        (await participant.SendAsync("SubmitQuestion", new SubmitQuestionRequest($"A question from {participant.Name}?", participant.Name, null, null, null))).Id!;

    private static async Task<string> ApprovedAsync(Roles cast, SessionClient asker)
    {
        var id = await SubmittedAsync(asker);
        await cast.Online.SendAsync("ApproveQuestion", id);
        return id;
    }

    private static async Task<string> ForwardedAsync(Roles cast)
    {
        var id = await SubmittedAsync(cast.Bob);
        await cast.Online.SendAsync("ForwardQuestion", id);
        return id;
    }

    private static async Task<string> NoteAsync(Roles cast) =>
        (await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", "Data stays.", null, null, null))).Id!;
}
