namespace IgfLive.Core.Sessions;

/// <summary>
/// The outcome of deciding a command: the events it produces, or why it was refused. A refused
/// command produces no events, so it changes nothing. One failure style everywhere.
/// </summary>
public sealed record Decision(IReadOnlyList<SessionEvent> Events, Rejection? Rejection)
{
    public bool IsAccepted => Rejection is null;

    public static Decision Accept(params SessionEvent[] events) => new(events, null);

    /// <summary>
    /// Accepted, but nothing needed to change: a cue that is not due, or a command asking for what
    /// already holds (a question moved to where it is, a note edited to what it says). Records nothing.
    /// </summary>
    public static Decision Nothing { get; } = new([], null);

    public static Decision Reject(RejectionCode code, string message) => new([], new Rejection(code, message));

    public static implicit operator Decision(Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new([], rejection);
    }
}

/// <summary>Why a command was refused, with a stable code and a message a person can act on.</summary>
public sealed record Rejection(RejectionCode Code, string Message);
