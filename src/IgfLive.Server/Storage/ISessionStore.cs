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

    /// <summary>
    /// The last sequence number of each session's log (0 for an unknown session), in one call: a
    /// node asks this of every active session every few seconds and reads the logs of only those
    /// that moved.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> LastSequencesAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken);

    /// <summary>
    /// Records that node <paramref name="nodeId"/> has <paramref name="online"/> participants of the
    /// session connected, a report that holds for <paramref name="lease"/> (the node repeats it before
    /// then while it has any; 0 withdraws it at once). A node that dies stops repeating it, and its
    /// participants stop counting when the lease runs out. Repeating a report changes nothing.
    /// </summary>
    /// <returns>
    /// The participants online across every node whose report is current, and the highest that total
    /// has been (raised here if needed); (0, 0), storing nothing, for an unknown session.
    /// </returns>
    Task<PresenceCount> ReportPresenceAsync(string sessionId, string nodeId, int online, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The participants online across every node now, and the highest that has been; (0, 0) for an unknown session.</summary>
    Task<PresenceCount> GetPresenceAsync(string sessionId, CancellationToken cancellationToken);

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
