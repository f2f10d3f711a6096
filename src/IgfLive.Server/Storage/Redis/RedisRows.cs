using System.Text.Json;
using IgfLive.Core.Sessions;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>How records and events become Redis values and back, with <see cref="StoredJsonContext"/>.</summary>
internal static class RedisRows
{
    public static string Record(SessionRecord session) => JsonSerializer.Serialize(session, StoredJsonContext.Default.SessionRecord);

    public static SessionRecord ReadRecord(RedisValue value) =>
        JsonSerializer.Deserialize(value.ToString(), StoredJsonContext.Default.SessionRecord)
        ?? throw new JsonException("A stored session record was null.");

    /// <summary>
    /// One list element. <paramref name="appendId"/> names the append that wrote it, so a writer whose
    /// append was interrupted can tell its own events from another writer's at the same sequence.
    /// </summary>
    public static string Event(RecordedEvent recorded, string appendId) =>
        JsonSerializer.Serialize(new StoredEvent(recorded.Sequence, recorded.At, appendId, recorded.Event), StoredJsonContext.Default.StoredEvent);

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
        JsonSerializer.Deserialize(value.ToString(), StoredJsonContext.Default.StoredEvent)
        ?? throw new JsonException("A stored event was null.");

    /// <summary>A list element: the event with its place, time and the append that wrote it.</summary>
    internal sealed record StoredEvent(long Seq, DateTimeOffset At, string AppendId, SessionEvent Event);
}
