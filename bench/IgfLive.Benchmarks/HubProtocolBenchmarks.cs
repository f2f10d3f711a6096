using System.Buffers;
using BenchmarkDotNet.Attributes;
using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace IgfLive.Benchmarks;

/// <summary>
/// JSON or MessagePack, by measurement: one <c>EventsRecorded</c> message for participants, written
/// by each SignalR hub protocol as it would go on the wire. A group send writes it once per
/// protocol and copies the bytes to every connection, so the protocol's cost per broadcast is
/// this once, and its cost per delivery is the size (reported as a column: bytes).
/// </summary>
[MemoryDiagnoser]
public class HubProtocolBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private IHubProtocol _json = null!;
    private IHubProtocol _messagePack = null!;
    private InvocationMessage _clock = null!;
    private InvocationMessage _vote = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = new JsonHubProtocol(Options.Create(new JsonHubProtocolOptions { PayloadSerializerOptions = HttpJson.Options }));
        _messagePack = new MessagePackHubProtocol(Options.Create(new MessagePackHubProtocolOptions()));
        var (log, state) = SessionLog.Build(2_000);
        var now = state.Clock.StartedAt!.Value.AddMinutes(50);
        _clock = Message([log.Last(e => e.Event is SegmentAdjusted)], state, now);
        _vote = Message([log.Last(e => e.Event is Core.Questions.QuestionVoted)], state, now);
        Console.WriteLine($"// bytes on the wire: clock event JSON {Size(_json, _clock)}, MessagePack {Size(_messagePack, _clock)}; " +
            $"vote event JSON {Size(_json, _vote)}, MessagePack {Size(_messagePack, _vote)}");
    }

    [Benchmark(Baseline = true)]
    public int ClockEventJson() => Write(_json, _clock);

    [Benchmark]
    public int ClockEventMessagePack() => Write(_messagePack, _clock);

    [Benchmark]
    public int VoteEventJson() => Write(_json, _vote);

    [Benchmark]
    public int VoteEventMessagePack() => Write(_messagePack, _vote);

    private static InvocationMessage Message(RecordedEvent[] batch, SessionState state, DateTimeOffset now) =>
        new("EventsRecorded", [EventProjection.Project(batch, state, SessionRole.Participant, now)]);

    private int Write(IHubProtocol protocol, HubMessage message)
    {
        _buffer.ResetWrittenCount();
        protocol.WriteMessage(message, _buffer);
        return _buffer.WrittenCount;
    }

    private static int Size(IHubProtocol protocol, HubMessage message) => protocol.GetMessageBytes(message).Length;
}
