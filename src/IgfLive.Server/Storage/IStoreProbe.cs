namespace IgfLive.Server.Storage;

/// <summary>
/// Whether the store can be reached at all. Kept apart from the log, the catalog and presence
/// because it asks about the connection they share, not about any of their data.
/// </summary>
public interface IStoreProbe
{
    /// <summary>Throws when the store cannot be reached; used by the readiness check.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
