namespace IgfLive.Load;

/// <summary>
/// What one simulated person has received, across reconnects: which sequence numbers arrived live
/// and which through a snapshot or Resync, so delivery can be checked exactly (every number once).
/// Touched only from that person's current connection's receive loop.
/// </summary>
internal sealed class ClientTracker(SeqBoard board, string role)
{
    private SeqSet _seen;
    private SeqSet _live;

    public SeqBoard Board { get; } = board;

    public string Role { get; } = role;

    public bool IsParticipant => Role == "Participant";

    /// <summary>The snapshot version of the first join: events after it must all arrive.</summary>
    public long FirstBase { get; private set; } = -1;

    /// <summary>A live event that had already arrived live.</summary>
    public int Duplicates { get; private set; }

    /// <summary>An event that arrived both live and through Resync (allowed: clients drop the second).</summary>
    public int Overlaps { get; private set; }

    public long Events { get; private set; }

    public long EventMessages { get; set; }

    /// <summary>Event messages that carried exactly one event, and their bytes: what the baselines' events are sized by.</summary>
    public long SingleEventMessages { get; set; }

    public long SingleEventBytes { get; set; }

    /// <summary>WebSocket messages that carried event messages: fewer than those when the server sent several in one.</summary>
    public long EventFrames { get; set; }

    public string? ParticipantToken { get; set; }

    public string? ParticipantId { get; set; }

    /// <summary>True for a client told to stop reading its socket; excluded from delivery checks.</summary>
    public bool Slow { get; set; }

    public void Joined(long snapshotVersion)
    {
        if (FirstBase < 0)
        {
            FirstBase = snapshotVersion;
        }
    }

    public void Live(long seq, long receivedAt)
    {
        Events++;
        if (!_live.Add(seq))
        {
            Duplicates++;
            return;
        }
        Board.Received(seq, receivedAt);
        if (!_seen.Add(seq))
        {
            Overlaps++;
        }
    }

    public void Replayed(long seq)
    {
        if (!_seen.Add(seq))
        {
            Overlaps++;
        }
    }

    /// <summary>The last sequence number a real client would have applied (what it passes to Resync).</summary>
    public long LastApplied => _seen.ContiguousFrom(Math.Max(FirstBase, 0));

    public long Missing(long through) => FirstBase < 0 ? 0 : _seen.Missing(FirstBase + 1, through);

    public bool HasAll(long through) => FirstBase >= 0 && LastApplied >= through;
}
