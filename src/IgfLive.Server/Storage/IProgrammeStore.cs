namespace IgfLive.Server.Storage;

/// <summary>
/// The events: each event's record and its programme. Every implementation passes the same
/// contract tests. The sessions themselves are in <see cref="ISessionCatalog"/> and
/// <see cref="IEventLog"/>, each marked with its event's id.
/// </summary>
public interface IProgrammeStore
{
    /// <summary>Creates an event with its first programme (version 0).</summary>
    /// <returns>False, writing nothing, when the id is taken.</returns>
    Task<bool> CreateAsync(EventRecord record, EventProgramme programme, CancellationToken cancellationToken);

    Task<StoredEvent?> FindAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>Replaces the event's programme with <paramref name="programme"/>, whose version must be the stored one plus one.</summary>
    /// <returns>False, writing nothing, when the stored programme is not at <c>programme.Version - 1</c> (another save won) or the event does not exist.</returns>
    Task<bool> SaveAsync(string eventId, EventProgramme programme, CancellationToken cancellationToken);

    /// <summary>Every event's record, by creation.</summary>
    Task<IReadOnlyList<EventRecord>> ListAsync(CancellationToken cancellationToken);
}
