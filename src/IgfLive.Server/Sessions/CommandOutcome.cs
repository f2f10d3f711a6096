using IgfLive.Core.Sessions;

namespace IgfLive.Server.Sessions;

/// <summary>What happened to a command: appended (with the state after it) or refused.</summary>
public sealed record CommandOutcome(SessionState State, IReadOnlyList<RecordedEvent> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;
}
