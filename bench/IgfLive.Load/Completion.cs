namespace IgfLive.Load;

/// <summary>What a completion (type 3) carried that the load client uses.</summary>
internal sealed class Completion
{
    /// <summary>A refusal in the reply, as "code: message", or SignalR's own error completion; null on success.</summary>
    public string? Error { get; set; }

    /// <summary>CommandResult.version, or a reply whose value is a number (ServerTime).</summary>
    public long Version { get; set; } = -1;

    public string? Id { get; set; }

    public string? ParticipantToken { get; set; }

    /// <summary>JoinResult.snapshot.version or ResyncResult.snapshot.version; -1 when absent.</summary>
    public long SnapshotVersion { get; set; } = -1;

    /// <summary>ResyncResult.events' sequence numbers.</summary>
    public IReadOnlyList<long>? Events { get; set; }
}
