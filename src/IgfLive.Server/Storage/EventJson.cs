using System.Text.Json;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Storage;

/// <summary>
/// How events are written to storage. The discriminator names on <see cref="SessionEvent"/> are the
/// stored names, so the format is stable across releases as long as those names are.
/// </summary>
public static class EventJson
{
    /// <summary>The stores' settings, resolved from <see cref="StoredJsonContext"/> alone.</summary>
    public static JsonSerializerOptions Options => StoredJsonContext.Default.Options;

    public static string Serialize(SessionEvent @event) => JsonSerializer.Serialize(@event, StoredJsonContext.Default.SessionEvent);

    public static SessionEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, StoredJsonContext.Default.SessionEvent)
        ?? throw new JsonException("A stored event was null.");
}
