using System.Text.Json;
using System.Text.Json.Serialization;
using IgfLive.Server.Contracts;

namespace IgfLive.Server.Sessions.Relay;

/// <summary>
/// The events of several broadcasts to one group, written as one <c>EventsRecorded</c> argument:
/// a single JSON array holding every part's events in order. A part is what a broadcast carried
/// for the group: the projected events (on the node that decided them) or the JSON array a relayed
/// message brought.
/// </summary>
[JsonConverter(typeof(EventBatchConverter))]
public sealed class EventBatch
{
    private readonly List<object> _parts;

    private EventBatch(object first, object second) => _parts = [first, second];

    /// <summary>Whether <paramref name="argument"/> can be part of a batch: a list of events, or a JSON array of them.</summary>
    public static bool CanHold(object argument) => argument is IEnumerable<EventDto> or JsonElement { ValueKind: JsonValueKind.Array };

    /// <summary>
    /// <paramref name="earlier"/>'s events followed by <paramref name="later"/>'s: <paramref name="earlier"/>
    /// is a part or a batch this made, <paramref name="later"/> a part (see <see cref="CanHold"/>).
    /// </summary>
    public static object Combine(object earlier, object later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        if (!(earlier is EventBatch || CanHold(earlier)) || !CanHold(later))
        {
            throw new ArgumentException($"Only lists of events are combined, not {earlier.GetType().Name} and {later.GetType().Name}.", nameof(later));
        }
        if (earlier is EventBatch batch)
        {
            batch._parts.Add(later);
            return batch;
        }
        return new EventBatch(earlier, later);
    }

    // Internal, not private: the source-generated contract metadata creates it.
    internal sealed class EventBatchConverter : JsonConverter<EventBatch>
    {
        public override EventBatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("An event batch is only written.");

        public override void Write(Utf8JsonWriter writer, EventBatch value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var part in value._parts)
            {
                if (part is JsonElement array)
                {
                    foreach (var item in array.EnumerateArray())
                    {
                        item.WriteTo(writer);
                    }
                    continue;
                }
                foreach (var item in (IEnumerable<EventDto>)part)
                {
                    JsonSerializer.Serialize(writer, item, options);
                }
            }
            writer.WriteEndArray();
        }
    }
}
