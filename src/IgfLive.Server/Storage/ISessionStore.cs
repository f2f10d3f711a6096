using IgfLive.Core.Sessions;

namespace IgfLive.Server.Storage;

/// <summary>
/// Where sessions and their event logs live. Every implementation passes the same contract tests.
/// </summary>
/// <remarks>
/// Guarantees: a session's log is numbered 1, 2, 3, … with no gaps and no repeats; an append is
/// all-or-nothing and happens only if the log still ends at the expected sequence (optimistic
/// concurrency), so two writers can never both append event N; once an append has returned
/// <c>true</c> its events survive a crash of the process.
/// </remarks>
public interface ISessionStore
{
    /// <summary>Creates a session whose log starts with <paramref name="created"/> (sequence 1).</summary>
    /// <returns>False, writing nothing, when the id or the participant code is already taken.</returns>
    Task<bool> CreateAsync(SessionRecord session, RecordedEvent created, CancellationToken cancellationToken);

    Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Finds a session by its participant code, ignoring case.</summary>
    Task<SessionRecord?> FindByCodeAsync(string participantCode, CancellationToken cancellationToken);

    /// <summary>All sessions, by scheduled start.</summary>
    Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Appends events numbered <paramref name="expectedVersion"/> + 1 onwards, only if the log's
    /// last sequence is <paramref name="expectedVersion"/>.
    /// </summary>
    /// <remarks>
    /// When a store cannot tell whether an interrupted append was applied, it finds out from the log
    /// itself before answering; it never answers false for an append of its own that did land.
    /// </remarks>
    /// <returns>False, writing nothing, when another writer appended first (or the session does not exist).</returns>
    Task<bool> AppendAsync(string sessionId, long expectedVersion, IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);

    /// <summary>The session's events after <paramref name="afterSequence"/>, in order (empty for an unknown session).</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAsync(string sessionId, long afterSequence, CancellationToken cancellationToken);

    /// <summary>Raises the session's peak of participants online to <paramref name="online"/> if higher; returns the peak.</summary>
    Task<int> RecordPresenceAsync(string sessionId, int online, CancellationToken cancellationToken);

    /// <summary>The highest number of participants online at once so far (0 for an unknown session).</summary>
    Task<int> GetPeakPresenceAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="state"/> as the session's folded state up to <paramref name="version"/>, so
    /// loading the session later replays only the events after it. The log itself is never trimmed.
    /// </summary>
    /// <returns>
    /// True when stored. False, changing nothing, when the store already holds a snapshot at this
    /// version or later, when <paramref name="version"/> is past the end of the log, or when the
    /// session does not exist.
    /// </returns>
    Task<bool> SaveSnapshotAsync(string sessionId, long version, string state, CancellationToken cancellationToken);

    /// <summary>The latest snapshot saved for the session, or null when there is none.</summary>
    Task<StoredSnapshot?> ReadSnapshotAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Throws when the store cannot be reached; used by the readiness check.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
