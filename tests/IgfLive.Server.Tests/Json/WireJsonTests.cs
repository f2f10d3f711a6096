using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Hubs;
using IgfLive.Server.Sessions.Relay;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace IgfLive.Server.Tests.Json;

/// <summary>
/// The hub and the HTTP API write every contract as they did before the contracts' metadata was
/// source-generated (Json/Captured holds what they wrote then, with the fields added since:
/// QuestionDto.actions), and read what browsers send.
/// </summary>
public sealed class WireJsonTests(ServerJsonFixture server) : IClassFixture<ServerJsonFixture>
{
    private const string SessionId = JsonSamples.SessionId;

    public static TheoryData<string> Outgoing => [.. WireSamples.Outgoing.Keys];

    [Theory]
    [MemberData(nameof(Outgoing))]
    public void EveryContractIsWrittenByteForByteAsBeforeByTheHubAndByTheHttpApi(string name)
    {
        var value = WireSamples.Outgoing[name];

        Assert.Equal(Captured(name), JsonSerializer.Serialize(value, value.GetType(), server.Hub));
        Assert.Equal(Captured(name), JsonSerializer.Serialize(value, value.GetType(), server.Http));
    }

    [Fact]
    public void HubMessagesAreFramedByteForByteAsBefore()
    {
        // Each capture ends with the protocol's record separator.
        Assert.Equal(Captured("frame-EventsRecorded"), Frame(new InvocationMessage("EventsRecorded", [WireSamples.LatestForParticipants])));
        Assert.Equal(Captured("frame-Join"), Frame(CompletionMessage.WithResult("7", WireSamples.Outgoing["Join-participant"])));
    }

    [Fact]
    public void ARelayedBroadcastIsWrittenAsBeforeAndReachesClientsOnTheOtherNodeAsOnThisOne()
    {
        var sends = WireSamples.RelaySends(server.Hub);
        var message = RelayMessage.Write(sends, server.Hub);

        Assert.Equal(Captured("relay"), Encoding.UTF8.GetString(message));
        var read = RelayMessage.Read(message, SessionId, out var problem);
        Assert.Null(problem);
        Assert.NotNull(read);
        Assert.Equal(sends.Select(s => (s.Group, s.Method)), read.Select(s => (s.Group, s.Method)));
        // The receiving node passes each argument on as it came, so its clients get the same bytes.
        Assert.Equal(
            sends.Select(s => JsonSerializer.Serialize(s.Argument, s.Argument.GetType(), server.Hub)),
            read.Select(s => JsonSerializer.Serialize(s.Argument, s.Argument.GetType(), server.Hub)));
    }

    [Fact]
    public void HubArgumentsAsBrowsersSendThemBindToTheRequestContracts()
    {
        Assert.Equal([new JoinRequest(SessionId, "ws133x", null)], Invoke("""{"sessionId":"ws133","key":"ws133x","participantToken":null}""", "Join"));
        Assert.Equal([new JoinRequest(SessionId, "k", "token-21")], Invoke("""{"SessionId":"ws133","KEY":"k","participantToken":"token-21"}""", "Join"));
        Assert.Equal(
            [new SubmitQuestionRequest("Who pays — «now»?", "Ana", null, null, "xiao-zhang")],
            Invoke("""{"text":"Who pays \u2014 «now»?","name":"Ana","organisation":null,"addressedTo":"xiao-zhang"}""", "SubmitQuestion"));
        Assert.Equal(
            [new RecordQuestionRequest("From the floor", null, null, null, "Floor", null, true)],
            Invoke("""{"text":"From the floor","channel":"Floor","askNow":true}""", "RecordQuestion"));
        Assert.Equal([new AddNoteRequest("Point", "A point", 1, null, "q-1")], Invoke("""{"kind":"Point","text":"A point","segment":1,"questionId":"q-1"}""", "AddNote"));
        Assert.Equal(
            [new AddNoteRequest("Quote", "Said", null, "s1", null, "rq-7")],
            Invoke("""{"kind":"Quote","text":"Said","segment":null,"speakerId":"s1","questionId":null,"requestId":"rq-7"}""", "AddNote"));
        Assert.Equal([new EditNoteRequest("n-1", "Quote", "Edited", null, "s1")], Invoke("""{"noteId":"n-1","kind":"Quote","text":"Edited","speakerId":"s1"}""", "EditNote"));
        Assert.Equal([new PromoteQuestionRequest("q-1", "KeyTakeaway", "Yes")], Invoke("""{"questionId":"q-1","kind":"KeyTakeaway","answer":"Yes"}""", "PromoteQuestion"));
        Assert.Equal([41L], Invoke("41", "Resync"));
        Assert.Equal([2], Invoke("2", "GoToSegment"));
        Assert.Equal(["Wrap up", true], Invoke("\"Wrap up\",true", "SendStageMessage"));
        Assert.Equal(["q-1", "Off topic"], Invoke("\"q-1\",\"Off topic\"", "RejectQuestion"));
    }

    [Fact]
    public void AHubArgumentOfTheWrongShapeFailsToBindAndNothingIsCalled()
    {
        var message = Parse("""{"type":1,"invocationId":"9","target":"Join","arguments":[["not","a","request"]]}""");

        var failure = Assert.IsType<InvocationBindingFailureMessage>(message);
        Assert.Equal("Join", failure.Target);
    }

    [Fact]
    public void ACreateSessionBodyReadsAsBefore()
    {
        // Names in any case, numbers in strings and non-ASCII text, as the web defaults have always allowed.
        const string Body = """{"title":"Trust — «quoted» 信任","startsAt":"2017-12-19T15:00","timeZone":"Europe/Zurich","room":null,"AllowAnonymousQuestions":true,"thresholds":{"warningSeconds":"120","criticalSeconds":30,"takeawaysSeconds":300},"speakers":[{"id":"s1","name":"Xiao Zhang","organisation":"Didi","stakeholderGroup":"Private Sector","region":"Asia-Pacific"}],"agenda":[{"title":"Opening","minutes":5,"kind":"Opening","slots":[]},{"title":"Presentations","minutes":20.5,"kind":null,"slots":[{"speaker":"s1","minutes":6}]}],"agendaText":null}""";

        var read = JsonSerializer.Deserialize<CreateSessionRequest>(Body, HttpJson.Options);

        Assert.Equal(Captured("CreateSession-request"), JsonSerializer.Serialize(read, server.Http));
    }

    [Fact]
    public void AValueOutsideTheContractsIsRefusedInsteadOfBeingWrittenByReflection()
    {
        var stranger = new Uri("https://example.org/");

        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(stranger, server.Hub));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(stranger, server.Http));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(stranger, HttpJson.Options));
    }

    private static string Captured(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Json", "Captured", $"{name}.json"));

    private string Frame(HubMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        server.Protocol.WriteMessage(message, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private object?[] Invoke(string arguments, string method)
    {
        var message = Parse($$"""{"type":1,"invocationId":"1","target":"{{method}}","arguments":[{{arguments}}]}""");
        return Assert.IsType<InvocationMessage>(message).Arguments;
    }

    private HubMessage Parse(string json)
    {
        var input = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json + '\u001e'));
        Assert.True(server.Protocol.TryParseMessage(ref input, new SessionHubBinder(), out var message));
        return message!;
    }

    /// <summary>Binds arguments to <see cref="SessionHub"/>'s parameters, as SignalR does on the server.</summary>
    private sealed class SessionHubBinder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            [.. typeof(SessionHub).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)!.GetParameters().Select(p => p.ParameterType)];

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
