using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgfLive.Server.Tests.Integration;

/// <summary>Every kind of bad hub call gets a clear error with a stable code, and changes nothing.</summary>
public sealed class HubBadInputTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private Roles _cast = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _cast = await Roles.JoinAsync(_server, await Seed.CreateAsync(_server));
        await _cast.Onsite.SendAsync("StartClock");
        await _cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("A fair question", "Alice", null, null, null));
    }

    public async ValueTask DisposeAsync()
    {
        await _cast.DisposeAsync();
        await _server.DisposeAsync();
    }

    public static TheoryData<string, string, string, object?[]> Refusals => new()
    {
        // role, method, expected code, arguments
        { "alice", "StartClock", "wrong_role", [] },
        { "rapporteur", "ApproveQuestion", "wrong_role", ["q1"] },
        { "onsite", "AddNote", "wrong_role", [new AddNoteRequest("Point", "not mine to take", null, null, null)] },
        { "online", "MakeQuestionLive", "wrong_role", ["q1"] },
        { "stage", "SendStageMessage", "wrong_role", ["hello", false] },
        { "online", "SubmitQuestion", "wrong_role", [new SubmitQuestionRequest("moderators record, they do not submit", null, null, null, null)] },
        { "alice", "SubmitQuestion", "invalid_input", [new SubmitQuestionRequest("   ", "Alice", null, null, null)] },
        { "alice", "SubmitQuestion", "invalid_input", [new SubmitQuestionRequest(new string('x', 501), "Alice", null, null, null)] },
        { "alice", "SubmitQuestion", "invalid_input", [new SubmitQuestionRequest("ok", new string('n', 101), null, null, null)] },
        { "alice", "SubmitQuestion", "not_found", [new SubmitQuestionRequest("to whom?", "Alice", null, null, "nobody")] },
        { "alice", "SubmitQuestion", "invalid_input", [null] },
        { "online", "ApproveQuestion", "not_found", ["q999"] },
        { "online", "ForwardQuestion", "not_found", ["q999"] },
        { "onsite", "MarkQuestionAnswered", "illegal_transition", ["q1"] },
        { "online", "RejectQuestion", "invalid_input", ["q1", ""] },
        { "online", "MergeQuestion", "invalid_input", ["q1", "q1"] },
        { "online", "RejectQuestionFor", "invalid_input", ["q1", "spam"] },
        { "onsite", "RejectQuestionFor", "invalid_input", ["q1", ""] },
        { "online", "RejectQuestionFor", "not_found", ["q999", "covered"] },
        { "alice", "RejectQuestionFor", "wrong_role", ["q1", "covered"] },
        { "rapporteur", "RejectQuestionFor", "wrong_role", ["q1", "covered"] },
        { "online", "RecordQuestion", "invalid_input", [new RecordQuestionRequest("from where?", null, null, null, "Telepathy", null)] },
        { "bob", "WithdrawQuestion", "forbidden", ["q1"] },
        { "onsite", "StartClock", "illegal_transition", [] },
        { "onsite", "ResumeClock", "illegal_transition", [] },
        { "onsite", "GoToSegment", "not_found", [42] },
        { "onsite", "AdjustSegment", "invalid_input", [0] },
        { "onsite", "AdjustSegment", "invalid_input", [99_999] },
        { "rapporteur", "AddNote", "invalid_input", [new AddNoteRequest("Gossip", "kind unknown", null, null, null)] },
        { "rapporteur", "AddNote", "invalid_input", [new AddNoteRequest("Point", new string('x', 2001), null, null, null)] },
        { "rapporteur", "AddNote", "not_found", [new AddNoteRequest("Point", "where?", 17, null, null)] },
        { "rapporteur", "AddNote", "invalid_input", [new AddNoteRequest("Point", "once", null, null, null, "")] },
        { "rapporteur", "AddNote", "invalid_input", [new AddNoteRequest("Point", "once", null, null, null, "has space")] },
        { "rapporteur", "AddNote", "invalid_input", [new AddNoteRequest("Point", "once", null, null, null, new string('r', 65))] },
        { "rapporteur", "EditNote", "not_found", [new EditNoteRequest("n404", "Point", "text", null, null)] },
        { "rapporteur", "PromoteQuestion", "illegal_transition", [new PromoteQuestionRequest("q1", "Point", null)] },
        { "stage", "AcknowledgeStageMessage", "not_found", ["m1"] },
        { "onsite", "SendStageMessage", "invalid_input", [new string('x', 141), false] },
        { "onsite", "SendStageMessage", "invalid_input", ["bell\u0007", false] },
        { "alice", "Resync", "invalid_input", [-1L] },
        { "alice", "CloseQuestions", "wrong_role", [] },
        { "rapporteur", "CloseQuestions", "wrong_role", [] },
        { "stage", "OpenQuestions", "wrong_role", [] },
        { "online", "OpenQuestions", "illegal_transition", [] },
        { "onsite", "OpenQuestions", "illegal_transition", [] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ARefusedCallReturnsItsCodeAndChangesNothing(string who, string method, string code, object?[] args)
    {
        var before = await VersionAsync();
        var caller = _cast.All.Single(c => c.Name == who);

        Assert.Equal(code, await caller.RefusedAsync(method, args));

        Assert.Equal(before, await VersionAsync());
    }

    [Fact]
    public async Task VotingTwiceForTheSameQuestionIsRefusedAndCountsOnce()
    {
        await _cast.Online.SendAsync("ApproveQuestion", "q1");
        var vote = await _cast.Bob.SendAsync("VoteQuestion", "q1");
        Assert.Equal("illegal_transition", await _cast.Bob.RefusedAsync("VoteQuestion", "q1"));
        Assert.Equal("forbidden", await _cast.Alice.RefusedAsync("VoteQuestion", "q1"));
        await _cast.Online.WaitForVersionAsync(vote.Version);
        Assert.Equal(vote.Version, await VersionAsync());
        var data = SessionClient.Data<QuestionEventData>(_cast.Online.Events[^1]);
        Assert.Equal(1, data.Votes);
    }

    [Fact]
    public async Task OnlyOneQuestionCanBeLiveAtATime()
    {
        var second = await _cast.Online.SendAsync("RecordQuestion", new RecordQuestionRequest("From the floor", null, null, null, "Floor", null));
        await _cast.Online.SendAsync("ApproveQuestion", "q1");
        await _cast.Online.SendAsync("ForwardQuestion", "q1");
        await _cast.Online.SendAsync("ForwardQuestion", second.Id);
        await _cast.Onsite.SendAsync("MakeQuestionLive", "q1");

        Assert.Equal("illegal_transition", await _cast.Onsite.RefusedAsync("MakeQuestionLive", second.Id));

        await _cast.Onsite.SendAsync("MarkQuestionAnswered", "q1");
        var live = await _cast.Onsite.SendAsync("MakeQuestionLive", second.Id);
        Assert.True(live.Version > 0);
    }

    [Fact]
    public async Task CallsBeforeJoiningAreRefused()
    {
        await using var stranger = await SessionClient.ConnectAsync(_server.Address, "stranger");
        Assert.Equal("not_joined", await stranger.RefusedAsync("StartClock"));
        Assert.Equal("not_joined", await stranger.RefusedAsync("Resync", 0L));
    }

    [Fact]
    public async Task JoiningWithAWrongKeyOrUnknownSessionIsRefused()
    {
        await using var stranger = await SessionClient.ConnectAsync(_server.Address, "stranger");
        Assert.Equal("unauthorized", await stranger.RefusedAsync("Join", new JoinRequest(_cast.Session.Id, "guess", null)));
        Assert.Equal("not_found", await stranger.RefusedAsync("Join", new JoinRequest("nosuchsession", _cast.Session.ParticipantCode, null)));
        Assert.Equal("invalid_input", await stranger.RefusedAsync("Join", new JoinRequest("", "", null)));
        await stranger.JoinAsync(_cast.Session.Id, _cast.Session.ParticipantCode);
        Assert.Equal("illegal_transition", await stranger.RefusedAsync("Join", new JoinRequest(_cast.Session.Id, _cast.Session.ParticipantCode, null)));
    }

    [Fact]
    public async Task AParticipantWhoAsksTooFastIsToldToSlowDownAndTheExtraQuestionIsNotKept()
    {
        // Alice asked one question already; the limit is five a minute.
        for (var i = 0; i < 4; i++)
        {
            await _cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest($"Question {i}", "Alice", null, null, null));
        }
        var before = await VersionAsync();
        Assert.Equal("rate_limited", await _cast.Alice.RefusedAsync("SubmitQuestion", new SubmitQuestionRequest("One too many", "Alice", null, null, null)));
        Assert.Equal(before, await VersionAsync());
        // Bob is not slowed down by Alice.
        await _cast.Bob.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Mine is fine", null, null, null, null));
    }

    [Fact]
    public async Task AFloodOfCallsFromOneConnectionIsCutOff()
    {
        var calls = Enumerable.Range(0, 60).Select(_ => _cast.Online.Connection.InvokeAsync<HubReply<long?>>("ServerTime")).ToArray();
        var outcomes = (await Task.WhenAll(calls)).Select(reply => reply.Error?.Code ?? (reply.Value > 0 ? "ok" : "no value")).ToArray();
        Assert.Contains("rate_limited", outcomes);
        Assert.Contains("ok", outcomes);
    }

    private async Task<long> VersionAsync()
    {
        var resync = await _cast.Online.CallAsync<ResyncResult>("Resync", 0L);
        return resync.Events[^1].Seq;
    }
}
