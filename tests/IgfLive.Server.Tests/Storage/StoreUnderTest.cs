using IgfLive.Server.Storage;

namespace IgfLive.Server.Tests.Storage;

/// <summary>A store's five parts on one database or one Redis key prefix, as the contract tests drive them.</summary>
public sealed record StoreUnderTest(IEventLog Log, ISessionCatalog Catalog, IPresenceStore Presence, IStoreProbe Probe, IProgrammeStore Programmes);
