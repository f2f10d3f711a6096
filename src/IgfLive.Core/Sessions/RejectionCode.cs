namespace IgfLive.Core.Sessions;

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
