using IgfLive.Core.Sessions;

namespace IgfLive.Server.Storage;

/// <summary>
/// Each session's event log and the snapshots of its fold. Every implementation passes the same
/// contract tests.
/// </summary>
/// <remarks>
/// Guarantees: a session's log is numbered 1, 2, 3, … with no gaps and no repeats; an append is
/// all-or-nothing and happens only if the log still ends at the expected sequence (optimistic
/// concurrency), so two writers can never both append event N; once an append has returned
/// <c>true</c> its events survive a crash of the process. A log begins when
/// <see cref="ISessionCatalog.CreateAsync"/> creates its session, never here.
/// </remarks>
public interface IEventLog
{
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
}
