using IgfLive.Core.Sessions;

namespace IgfLive.Server.Storage;

/// <summary>
/// The directory of sessions: each session's record (how to find it and whose keys open it), by id
/// and by participant code. Every implementation passes the same contract tests.
/// </summary>
/// <remarks>
/// A record is written once, with the first event of its log, and never changes; ids and
/// participant codes (ignoring case) are unique.
/// </remarks>
public interface ISessionCatalog
{
    /// <summary>Creates a session whose log starts with <paramref name="created"/> (sequence 1).</summary>
    /// <returns>False, writing nothing, when the id or the participant code is already taken.</returns>
    Task<bool> CreateAsync(SessionRecord session, RecordedEvent created, CancellationToken cancellationToken);

    Task<SessionRecord?> FindAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Finds a session by its participant code, ignoring case.</summary>
    Task<SessionRecord?> FindByCodeAsync(string participantCode, CancellationToken cancellationToken);

    /// <summary>All sessions, by scheduled start.</summary>
    Task<IReadOnlyList<SessionRecord>> ListAsync(CancellationToken cancellationToken);
}
