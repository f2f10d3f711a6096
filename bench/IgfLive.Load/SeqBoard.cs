using System.Collections.Concurrent;
using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>
/// One session's events, as the generator saw them: when the command that produced each one was
/// sent, and when the first and the last client received it live. Fan-out latency of an event is
/// last receipt minus send, both on this process's monotonic clock.
/// </summary>
internal sealed class SeqBoard
{
    private readonly ConcurrentDictionary<long, SeqStat> _stats = new();

    /// <summary>The highest sequence number any command acknowledgement reported.</summary>
    public long LastAcked;

    /// <summary>The highest sequence number any client received live.</summary>
    public long MaxSeq;

    public void Sent(long seq, long sentAt)
    {
        var stat = _stats.GetOrAdd(seq, static _ => new SeqStat());
        Interlocked.CompareExchange(ref stat.SentAt, sentAt, 0);
        InterlockedMax(ref LastAcked, seq);
    }

    public void Received(long seq, long receivedAt)
    {
        var stat = _stats.GetOrAdd(seq, static _ => new SeqStat());
        Interlocked.Increment(ref stat.Count);
        InterlockedMax(ref stat.LastAt, receivedAt);
        Interlocked.CompareExchange(ref stat.FirstAt, receivedAt, 0);
        InterlockedMax(ref MaxSeq, seq);
    }

    public int CountOf(long seq) => _stats.TryGetValue(seq, out var stat) ? Volatile.Read(ref stat.Count) : 0;

    /// <summary>Fan-out latencies (ms) of the events with a known send time in <paramref name="from"/>…<paramref name="to"/>.</summary>
    public List<double> FanOut(long from, long to, out int unsent)
    {
        var intervals = FanOutIntervals(from, to);
        unsent = (int)Math.Max(to - from + 1 - intervals.Count, 0);
        return intervals.ConvertAll(i => i.Milliseconds);
    }

    /// <summary>Each event's send and last receipt, for the events with both in <paramref name="from"/>…<paramref name="to"/>.</summary>
    public List<Interval> FanOutIntervals(long from, long to) =>
        [.. Delivered(from, to).Select(e => new Interval(e.Stat.SentAt, e.Stat.LastAt))];

    /// <summary>
    /// Time (ms) from each event's send to its <b>first</b> receipt, for the events with both in
    /// <paramref name="from"/>…<paramref name="to"/>: the command's path through the server up to
    /// its first write; the fan-out latency less this is the time spent reaching everyone else.
    /// </summary>
    public List<double> FirstReceipts(long from, long to) =>
        [.. Delivered(from, to).Select(e => Stopwatch.GetElapsedTime(e.Stat.SentAt, e.Stat.FirstAt).TotalMilliseconds)];

    /// <summary>
    /// The <paramref name="count"/> events in <paramref name="from"/>…<paramref name="to"/> whose last
    /// receipt came latest after their send, slowest first: when each was sent (relative to
    /// <paramref name="since"/>) and how long its first and last receipts took. A first receipt as late
    /// as the last means the server sent it late to everyone; an early first and a late last means
    /// some receivers were late.
    /// </summary>
    public List<(long Seq, double SentAfterMs, double FirstMs, double LastMs)> Slowest(long from, long to, long since, int count) =>
        [.. Delivered(from, to)
            .OrderByDescending(e => e.Stat.LastAt - e.Stat.SentAt)
            .Take(count)
            .Select(e => (e.Seq, Stopwatch.GetElapsedTime(since, e.Stat.SentAt).TotalMilliseconds,
                Stopwatch.GetElapsedTime(e.Stat.SentAt, e.Stat.FirstAt).TotalMilliseconds,
                Stopwatch.GetElapsedTime(e.Stat.SentAt, e.Stat.LastAt).TotalMilliseconds))];

    /// <summary>The events in <paramref name="from"/>…<paramref name="to"/> with a known send time that reached a client.</summary>
    private IEnumerable<(long Seq, SeqStat Stat)> Delivered(long from, long to)
    {
        for (var seq = from; seq <= to; seq++)
        {
            if (_stats.TryGetValue(seq, out var stat) && stat.SentAt != 0 && stat.LastAt != 0)
            {
                yield return (seq, stat);
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    private sealed class SeqStat
    {
        public long SentAt;
        public long FirstAt;
        public long LastAt;
        public int Count;
    }
}
