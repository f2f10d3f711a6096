using System.Text.Json;
using System.Text.Json.Serialization;
using IgfLive.Core.Sessions;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage.Redis;

namespace IgfLive.Server.Storage;

/// <summary>
/// Compile-time JSON metadata for everything the stores keep: events (their discriminators come
/// from <see cref="SessionEvent"/>'s <see cref="JsonDerivedTypeAttribute"/>s), session records and
/// their key hashes, events and their programmes, Redis's list elements, and state snapshots. The format is the one reflection
/// wrote before: web defaults, enums as names.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SessionEvent))]
[JsonSerializable(typeof(SessionRecord))]
[JsonSerializable(typeof(IReadOnlyDictionary<SessionRole, string>))]
[JsonSerializable(typeof(RedisRows.StoredEvent))]
[JsonSerializable(typeof(EventRecord))]
[JsonSerializable(typeof(EventProgramme))]
[JsonSerializable(typeof(StateSnapshots.Envelope))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
