using System.Text.Json.Serialization;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Storage;

/// <summary>
/// What the store keeps about a session beside its event log: how to find it and how to let
/// people in. Role keys are kept only as hashes.
/// </summary>
/// <param name="ParticipantCode">The short public code participants join with; unique across sessions.</param>
/// <param name="KeyHashes">Hash of each role's secret key (participants have none).</param>
/// <param name="EventId">The event whose programme holds the session, whose key also manages it; null for a session made on its own.</param>
public sealed record SessionRecord(
    string Id,
    string ParticipantCode,
    IReadOnlyDictionary<SessionRole, string> KeyHashes,
    string Title,
    DateTimeOffset StartsAt,
    string TimeZone,
    string? Room,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EventId = null);
