using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;

namespace IgfLive.Benchmarks;

/// <summary>
/// What the server does once per audience for every command: project the new events for the
/// audience and serialise the batch with the hub's JSON options (<see cref="HttpJson"/>).
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private SessionState _state = null!;
    private RecordedEvent[] _clockBatch = [];
    private RecordedEvent[] _questionBatch = [];
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var (log, state) = SessionLog.Build(2_000);
        _state = state;
        _now = state.Clock.StartedAt!.Value.AddMinutes(50);
        _clockBatch = [log.Last(e => e.Event is SegmentAdjusted)];
        _questionBatch = [log.Last(e => e.Event is Core.Questions.QuestionVoted)];
    }

    [Benchmark]
    public byte[] ClockEventForParticipants() =>
        JsonSerializer.SerializeToUtf8Bytes(EventProjection.Project(_clockBatch, _state, SessionRole.Participant, _now), HttpJson.Options);

    [Benchmark]
    public byte[] VoteEventForParticipants() =>
        JsonSerializer.SerializeToUtf8Bytes(EventProjection.Project(_questionBatch, _state, SessionRole.Participant, _now), HttpJson.Options);

    [Benchmark]
    public byte[] VoteEventForStaff() =>
        JsonSerializer.SerializeToUtf8Bytes(EventProjection.Project(_questionBatch, _state, SessionRole.OnlineModerator, _now), HttpJson.Options);
}
