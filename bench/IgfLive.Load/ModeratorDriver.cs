using System.Diagnostics;
using System.Text.Json;

namespace IgfLive.Load;

/// <summary>
/// A moderator working the session: a fixed cycle of clock and question actions (adjust, record a
/// floor question, pause, forward, resume, make live, adjust back, mark answered), each one event
/// batch for every client. Every acknowledged command gives the sequence number of its last event
/// and the time it was sent, which is what fan-out latency is measured from.
/// </summary>
internal sealed class ModeratorDriver(SessionRun session, LatencyLog acks, Harness harness)
{
    /// <summary>Where acknowledgement latencies go; swapped after a warm-up.</summary>
    public LatencyLog Acks { get; set; } = acks;

    private int _step;
    private int _questions;
    private string? _question;
    private int _commands;
    private int _errors;

    public int Commands => Volatile.Read(ref _commands);

    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Called with the hub method's name after each command the server accepted.</summary>
    public Action<string>? Acknowledged { get; set; }

    /// <summary>Sequence numbers this driver's commands produced (the last of each batch).</summary>
    public List<long> Produced { get; } = [];

    /// <summary>
    /// Runs one action of the cycle and waits for its acknowledgement. <paramref name="intendedAt"/>
    /// is when the schedule wanted it sent: if an earlier action held it up, the wait counts in the
    /// fan-out latency of its events (no coordinated omission).
    /// </summary>
    public async Task StepAsync(long intendedAt = 0)
    {
        var step = _step++ % 8;
        if (_question is null && step is 3 or 5 or 7)
        {
            step = 0;
        }
        var q = _question;
        var (client, target, args) = step switch
        {
            0 => (session.Onsite, "AdjustSegment", (Action<Utf8JsonWriter>?)(w => w.WriteNumberValue(30))),
            // The online moderator records it: one the onsite moderator recorded would be in the room's queue already.
            1 => (session.Online, "RecordQuestion", w =>
            {
                w.WriteStartObject();
                w.WriteString("text", $"How will question {++_questions} be answered?");
                w.WriteString("name", "Floor speaker");
                w.WriteString("channel", "Floor");
                w.WriteEndObject();
            }),
            2 => (session.Onsite, "PauseClock", null),
            3 => (session.Online, "ForwardQuestion", w => w.WriteStringValue(q)),
            4 => (session.Onsite, "ResumeClock", null),
            5 => (session.Onsite, "MakeQuestionLive", w => w.WriteStringValue(q)),
            6 => (session.Onsite, "AdjustSegment", w => w.WriteNumberValue(-30)),
            _ => (session.Onsite, "MarkQuestionAnswered", w => w.WriteStringValue(q)),
        };
        var completion = await RunAsync(client, target, args, intendedAt);
        if (step == 1)
        {
            _question = completion?.Id;
        }
        if (step == 7)
        {
            _question = null;
        }
    }

    /// <summary>Sends one command; records its acknowledgement latency and its batch's send time. Null on error.</summary>
    public async Task<Completion?> RunAsync(LoadClient client, string target, Action<Utf8JsonWriter>? args, long intendedAt = 0)
    {
        try
        {
            var (completion, sentAt) = await client.InvokeAsync(target, args);
            var elapsed = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
            Interlocked.Increment(ref _commands);
            if (completion.Error is not null)
            {
                Interlocked.Increment(ref _errors);
                harness.Error(target, completion.Error);
                return null;
            }
            Acks.Add(elapsed);
            Acknowledged?.Invoke(target);
            if (completion.Version > 0)
            {
                session.Board.Sent(completion.Version, intendedAt > 0 ? Math.Min(intendedAt, sentAt) : sentAt);
                lock (Produced)
                {
                    Produced.Add(completion.Version);
                }
            }
            return completion;
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or TimeoutException or InvalidOperationException)
        {
            Interlocked.Increment(ref _errors);
            harness.Error(target, ex.Message);
            return null;
        }
    }

    /// <summary>Runs the cycle at <paramref name="perSecond"/> for <paramref name="duration"/>; a slow acknowledgement delays the next action.</summary>
    public async Task DriveAsync(double perSecond, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var began = Stopwatch.GetTimestamp();
        for (long i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due >= duration)
            {
                break;
            }
            var wait = due - Stopwatch.GetElapsedTime(began);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(wait, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            await StepAsync(began + (long)(due.TotalSeconds * Stopwatch.Frequency));
        }
    }

    /// <summary>
    /// Open loop for the throughput search: clock adjustments (+1 s, −1 s, …), one event each, sent
    /// at <paramref name="perSecond"/> with at most <paramref name="maxInFlight"/> unacknowledged.
    /// Returns how many were sent.
    /// </summary>
    public async Task<int> BlastAsync(double perSecond, TimeSpan duration, int maxInFlight)
    {
        using var window = new SemaphoreSlim(maxInFlight, maxInFlight);
        var tasks = new List<Task>();
        var began = Stopwatch.GetTimestamp();
        var sent = 0;
        for (long i = 0; ; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due >= duration)
            {
                break;
            }
            var wait = due - Stopwatch.GetElapsedTime(began);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            var intendedAt = began + (long)(due.TotalSeconds * Stopwatch.Frequency);
            await window.WaitAsync();
            var seconds = i % 2 == 0 ? 1 : -1;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await RunAsync(session.Onsite, "AdjustSegment", w => w.WriteNumberValue(seconds), intendedAt);
                }
                finally
                {
                    window.Release();
                }
            }));
            sent++;
        }
        await Task.WhenAll(tasks);
        return sent;
    }
}
