using System.Text.Json;
using StackExchange.Redis;

namespace IgfLive.Server.Storage.Redis;

/// <summary>
/// The cluster's events: each event's record, version and programme in its own meta hash (one hash
/// tag per event), with an index of event ids by creation (see <see cref="RedisKeys"/>).
/// </summary>
public sealed class RedisProgrammeStore(RedisStoreConnection connection) : IProgrammeStore
{
    private RedisKeys Keys => connection.Keys;

    /// <summary>Creates the event's hash in one script, then lists it; a create interrupted between the two leaves an unlisted event, which a retry lists.</summary>
    public async Task<bool> CreateAsync(EventRecord record, EventProgramme programme, CancellationToken cancellationToken)
    {
        StoreArguments.CreateEvent(record, programme);
        RedisValue[] contents =
        [
            JsonSerializer.Serialize(record, StoredJsonContext.Default.EventRecord),
            JsonSerializer.Serialize(programme, StoredJsonContext.Default.EventProgramme),
        ];
        if (!await connection.ScriptAsync(RedisScripts.CreateEvent, [Keys.EventMeta(record.Id)], contents, repeatable: true, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        await connection.CallAsync(db => db.SortedSetAddAsync(Keys.EventIndex, record.Id, record.CreatedAt.ToUnixTimeMilliseconds(), SortedSetWhen.NotExists), repeatable: true, cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    public async Task<StoredEvent?> FindAsync(string eventId, CancellationToken cancellationToken)
    {
        StoreArguments.Event(eventId);
        var values = await connection.CallAsync(db => db.HashGetAsync(Keys.EventMeta(eventId), ["record", "programme"]), repeatable: true, cancellationToken).ConfigureAwait(false);
        if (values[0].IsNull || values[1].IsNull)
        {
            return null;
        }
        var record = JsonSerializer.Deserialize(values[0].ToString(), StoredJsonContext.Default.EventRecord)
            ?? throw new JsonException("A stored event record was null.");
        var programme = JsonSerializer.Deserialize(values[1].ToString(), StoredJsonContext.Default.EventProgramme)
            ?? throw new JsonException("A stored programme was null.");
        return new StoredEvent(record, programme);
    }

    public Task<bool> SaveAsync(string eventId, EventProgramme programme, CancellationToken cancellationToken)
    {
        StoreArguments.SaveProgramme(eventId, programme);
        RedisValue[] values = [programme.Version, JsonSerializer.Serialize(programme, StoredJsonContext.Default.EventProgramme)];
        return connection.ScriptAsync(RedisScripts.SaveProgramme, [Keys.EventMeta(eventId)], values, repeatable: true, cancellationToken);
    }

    public async Task<IReadOnlyList<EventRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = await connection.CallAsync(db => db.SortedSetRangeByRankAsync(Keys.EventIndex), repeatable: true, cancellationToken).ConfigureAwait(false);
        var events = await Task.WhenAll(ids.Select(id => FindAsync(id.ToString(), cancellationToken))).ConfigureAwait(false);
        return [.. events.OfType<StoredEvent>().Select(e => e.Record).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }
}
