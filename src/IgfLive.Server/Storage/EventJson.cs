using System.Text.Json;
using System.Text.Json.Serialization;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Storage;

/// <summary>
/// How events are written to storage. The discriminator names on <see cref="SessionEvent"/> are the
/// stored names, so the format is stable across releases as long as those names are.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(SessionEvent @event) => JsonSerializer.Serialize(@event, Options);

    public static SessionEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<SessionEvent>(json, Options)
        ?? throw new JsonException("A stored event was null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
