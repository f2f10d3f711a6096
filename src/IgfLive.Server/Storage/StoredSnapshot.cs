namespace IgfLive.Server.Storage;

/// <summary>A session's state as folded up to <paramref name="Version"/>, in the serialized form the session service wrote.</summary>
public sealed record StoredSnapshot(long Version, string State);
