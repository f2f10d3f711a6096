using BenchmarkDotNet.Attributes;
using IgfLive.Core.Agenda;
using IgfLive.Core.Clock;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;

namespace IgfLive.Benchmarks;

/// <summary>The pure domain: folding a log, the clock view, deciding a command, reading an agenda.</summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private IReadOnlyList<RecordedEvent> _log = [];
    private SessionState _state = null!;
    private DateTimeOffset _now;
    private string _openQuestion = "";
    private string _agenda = "";

    [GlobalSetup]
    public void Setup()
    {
        (_log, _state) = SessionLog.Build(10_000);
        _now = _state.Clock.StartedAt!.Value.AddMinutes(50);
        _agenda = SessionLog.AgendaText;
        if (_state.Clock.Status != ClockStatus.Running)
        {
            throw new InvalidOperationException($"The clock benchmarks need a running clock; the log leaves it {_state.Clock.Status}.");
        }
        // A question still open for votes at the end of the log.
        _openQuestion = _state.Questions.Values.First(q => q.Status == QuestionStatus.Approved || q.Status == QuestionStatus.Submitted).Id;
    }

    /// <summary>Rebuilding a session from its whole log (a restart, or a node that never served it).</summary>
    [Benchmark]
    public SessionState Fold10000Events() => SessionState.Fold("ws133", _log);

    /// <summary>The clock as every event batch and snapshot shows it.</summary>
    [Benchmark]
    public ClockView ClockView() => ClockEvaluator.Evaluate(_state, _now);

    /// <summary>The cue check, run for every running session twice a second.</summary>
    [Benchmark]
    public CueRaised? CueCheck() => CueSchedule.Due(_state, _now);

    /// <summary>The commonest command in a big room.</summary>
    [Benchmark]
    public Decision DecideVote() => SessionDecider.Decide(_state, new VoteQuestion(_openQuestion, "a-new-voter"), _now);

    [Benchmark]
    public Decision DecideAdjustSegment() => SessionDecider.Decide(_state, new AdjustSegment(60), _now);

    /// <summary>The seed proposal's agenda paragraph.</summary>
    [Benchmark]
    public AgendaParseResult ParseSeedAgenda() => AgendaParser.Parse(_agenda);
}
