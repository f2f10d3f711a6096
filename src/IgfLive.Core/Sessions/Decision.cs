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

/// <summary>Stable reasons for refusing a command; the server maps them to wire codes.</summary>
public enum RejectionCode
{
    /// <summary>Empty, oversized or malformed input.</summary>
    InvalidInput,

    /// <summary>A referenced question, note, segment or speaker does not exist.</summary>
    NotFound,

    /// <summary>The command is not allowed in the current state (e.g. answering a question that is not live).</summary>
    IllegalTransition,

    /// <summary>The caller may not do this to this item (e.g. withdrawing someone else's question).</summary>
    Forbidden,

    /// <summary>A participant asked while the moderators have closed questions.</summary>
    QuestionsClosed,

    /// <summary>
    /// The key the caller joined with no longer opens the session: the organiser replaced it. Keys are
    /// the server's to check; the code is here so that such a refusal has the same shape as any other.
    /// </summary>
    Unauthorized,
}
