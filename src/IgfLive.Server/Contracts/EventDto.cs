namespace IgfLive.Server.Contracts;

/// <summary>
/// One event of the session's log as a given audience sees it. Events a participant may not see
/// still arrive, as type "Hidden" without data, so every client sees every sequence number and
/// can tell a gap (then it calls Resync) from a redaction.
/// </summary>
public sealed record EventDto(long Seq, DateTimeOffset At, string Type, object? Data);
