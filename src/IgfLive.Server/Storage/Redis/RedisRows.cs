using System.Text.Json;
using IgfLive.Core.Sessions;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>How records and events become Redis values and back. Both use the event log's JSON settings.</summary>
internal static class RedisRows
{
    public static string Record(SessionRecord session) => JsonSerializer.Serialize(session, EventJson.Options);

    public static SessionRecord ReadRecord(RedisValue value) =>
        JsonSerializer.Deserialize<SessionRecord>(value.ToString(), EventJson.Options)
        ?? throw new JsonException("A stored session record was null.");

    /// <summary>
    /// One list element. <paramref name="appendId"/> names the append that wrote it, so a writer whose
    /// append was interrupted can tell its own events from another writer's at the same sequence.
    /// </summary>
    public static string Event(RecordedEvent recorded, string appendId) =>
        JsonSerializer.Serialize(new StoredEvent(recorded.Sequence, recorded.At, appendId, recorded.Event), EventJson.Options);

    public static RecordedEvent ReadEvent(RedisValue value, long expectedSequence)
    {
        var stored = Parse(value);
        // The list index is the sequence; a mismatch means something other than this store wrote the list.
        return stored.Seq == expectedSequence
            ? new RecordedEvent(stored.Seq, stored.At, stored.Event)
            : throw new InvalidOperationException($"The event log holds sequence {stored.Seq} where {expectedSequence} belongs.");
    }

    public static string AppendIdOf(RedisValue value) => Parse(value).AppendId;

    public static string NewAppendId() => Guid.NewGuid().ToString("N");

    private static StoredEvent Parse(RedisValue value) =>
        JsonSerializer.Deserialize<StoredEvent>(value.ToString(), EventJson.Options)
        ?? throw new JsonException("A stored event was null.");

    private sealed record StoredEvent(long Seq, DateTimeOffset At, string AppendId, SessionEvent Event);
}
