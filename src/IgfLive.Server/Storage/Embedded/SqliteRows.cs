using System.Globalization;
using System.Text.Json;
using IgfLive.Core.Sessions;
using Microsoft.Data.Sqlite;

namespace IgfLive.Server.Storage.Embedded;

/// <summary>How records and events become column values and back.</summary>
internal static class SqliteRows
{
    public const string SessionColumns = "id, participant_code, key_hashes, title, starts_at, time_zone, room, created_at, event_id";

    // The type column holds the same discriminator the payload carries, taken from the serializer's
    // own table rather than Type.Name so the two can never disagree.
    private static readonly Dictionary<Type, string> Discriminators =
        StoredJsonContext.Default.SessionEvent.PolymorphismOptions?.DerivedTypes
            .ToDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!)
        ?? throw new InvalidOperationException("SessionEvent is not configured as polymorphic.");

    public static string TypeName(SessionEvent @event) =>
        Discriminators.TryGetValue(@event.GetType(), out var name)
            ? name
            : throw new ArgumentException($"{@event.GetType().Name} is not a registered session event type.", nameof(@event));

    // "O" keeps every tick and the offset, so a value reads back equal in instant and in offset.
    public static string ToText(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ToDateTimeOffset(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static string KeyHashesToJson(IReadOnlyDictionary<SessionRole, string> keyHashes) =>
        JsonSerializer.Serialize(keyHashes, StoredJsonContext.Default.IReadOnlyDictionarySessionRoleString);

    public static IReadOnlyDictionary<SessionRole, string> KeyHashesFromJson(string json) =>
        JsonSerializer.Deserialize(json, StoredJsonContext.Default.IReadOnlyDictionarySessionRoleString)
        ?? throw new JsonException("A stored session had null key hashes.");

    public static void AddSessionParameters(SqliteCommand command, SessionRecord session)
    {
        command.Parameters.AddWithValue("$id", session.Id);
        command.Parameters.AddWithValue("$code", session.ParticipantCode);
        command.Parameters.AddWithValue("$keyHashes", KeyHashesToJson(session.KeyHashes));
        command.Parameters.AddWithValue("$title", session.Title);
        command.Parameters.AddWithValue("$startsAt", ToText(session.StartsAt));
        command.Parameters.AddWithValue("$timeZone", session.TimeZone);
        command.Parameters.AddWithValue("$room", (object?)session.Room ?? DBNull.Value);
        command.Parameters.AddWithValue("$createdAt", ToText(session.CreatedAt));
        command.Parameters.AddWithValue("$eventId", (object?)session.EventId ?? DBNull.Value);
    }

    /// <summary>Reads a row selected with <see cref="SessionColumns"/>.</summary>
    public static SessionRecord ReadSession(SqliteDataReader reader)
    {
        var keyHashes = KeyHashesFromJson(reader.GetString(2));
        return new SessionRecord(
            Id: reader.GetString(0),
            ParticipantCode: reader.GetString(1),
            KeyHashes: keyHashes,
            Title: reader.GetString(3),
            StartsAt: ToDateTimeOffset(reader.GetString(4)),
            TimeZone: reader.GetString(5),
            Room: reader.IsDBNull(6) ? null : reader.GetString(6),
            CreatedAt: ToDateTimeOffset(reader.GetString(7)),
            EventId: reader.IsDBNull(8) ? null : reader.GetString(8));
    }

    /// <summary>Reads a row selected as <c>seq, recorded_at, payload</c>.</summary>
    public static RecordedEvent ReadEvent(SqliteDataReader reader) =>
        new(reader.GetInt64(0), ToDateTimeOffset(reader.GetString(1)), EventJson.Deserialize(reader.GetString(2)));
}
