using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Sessions;

/// <summary>What one node holds about one session: its record, its state as far as caught up, and the gate its commands queue on.</summary>
internal sealed class SessionEntry
{
    /// <summary>Enough for every event another node can append between two of this node's appends.</summary>
    public const int MaxUnbroadcast = 64;

    private readonly List<RecordedEvent> _unbroadcast = [];

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public SessionRecord? Record { get; set; }

    public SessionState? State { get; set; }

    /// <summary>The version of the latest snapshot this node read or wrote (0: none).</summary>
    public long SnapshotVersion { get; set; }

    /// <summary>
    /// Remembers events other nodes appended, read while catching up (under the gate). This node's
    /// next broadcast sends them again in front of its own, so that every node's broadcasts form an
    /// unbroken run of sequence numbers: a client then never sees a gap just because another node's
    /// broadcast of an earlier event is still on its way, and never has to resync for it.
    /// </summary>
    public void Caught(IReadOnlyList<RecordedEvent> events)
    {
        _unbroadcast.AddRange(events);
        if (_unbroadcast.Count > MaxUnbroadcast)
        {
            // Only the oldest go; what stays still ends where this node's next events begin.
            _unbroadcast.RemoveRange(0, _unbroadcast.Count - MaxUnbroadcast);
        }
    }

    /// <summary>The remembered events followed by <paramref name="appended"/> (which continue them); the memory is cleared.</summary>
    public RecordedEvent[] ToBroadcast(IReadOnlyList<RecordedEvent> appended)
    {
        RecordedEvent[] all = [.. _unbroadcast, .. appended];
        _unbroadcast.Clear();
        return all;
    }
}
