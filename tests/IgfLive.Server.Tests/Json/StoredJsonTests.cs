using System.Text.Json;
using IgfLive.Core.Sessions;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;
using IgfLive.Server.Storage.Embedded;
using IgfLive.Server.Storage.Redis;
using StackExchange.Redis;

namespace IgfLive.Server.Tests.Json;

/// <summary>
/// What the stores already hold reads back and is written again byte for byte: the source-generated
/// serializer keeps the format reflection wrote (<see cref="StoredJsonLiterals"/>).
/// </summary>
public sealed class StoredJsonTests
{
    public static TheoryData<int> EventRows => [.. Enumerable.Range(0, StoredJsonLiterals.Events.Count)];

    [Theory]
    [MemberData(nameof(EventRows))]
    public void AStoredEventOfEveryKindReadsBackAndIsWrittenAgainByteForByte(int row)
    {
        var stored = StoredJsonLiterals.Events[row];

        var read = EventJson.Deserialize(stored);

        Assert.Equal(stored, EventJson.Serialize(read));
        Assert.Equal(stored, EventJson.Serialize(JsonSamples.EveryKind[row]));
        Assert.Equal(JsonSamples.EveryKind[row].GetType(), read.GetType());
    }

    [Fact]
    public void EveryKindOfEventHasAStoredSampleUnderItsDiscriminator()
    {
        var discriminators = EventJson.Options.GetTypeInfo(typeof(SessionEvent)).PolymorphismOptions!.DerivedTypes
            .Select(d => (string)d.TypeDiscriminator!)
            .Order(StringComparer.Ordinal);

        var sampled = StoredJsonLiterals.Events
            .Select(json => JsonDocument.Parse(json).RootElement.GetProperty("type").GetString()!)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(discriminators, sampled);
        Assert.Equal(StoredJsonLiterals.Events.Count, JsonSamples.EveryKind.Count);
    }

    [Theory]
    [MemberData(nameof(EventRows))]
    public void TheSqliteTypeColumnIsTheStoredDiscriminator(int row) =>
        Assert.Equal(
            JsonDocument.Parse(StoredJsonLiterals.Events[row]).RootElement.GetProperty("type").GetString(),
            SqliteRows.TypeName(JsonSamples.EveryKind[row]));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 11)]
    public void ARedisListElementReadsBackAndIsWrittenAgainByteForByte(int row, long sequence)
    {
        RedisValue stored = StoredJsonLiterals.RedisEvents[row];

        var read = RedisRows.ReadEvent(stored, sequence);

        Assert.Equal(StoredJsonLiterals.RedisEvents[row], RedisRows.Event(read, RedisRows.AppendIdOf(stored)));
        Assert.Equal(StoredJsonLiterals.RedisEvents[row], RedisRows.Event(JsonSamples.Log[(int)sequence - 1], $"append-{row + 1}"));
    }

    [Fact]
    public void ASessionRecordInRedisReadsBackAndIsWrittenAgainByteForByte()
    {
        var read = RedisRows.ReadRecord(StoredJsonLiterals.RedisRecord);

        Assert.Equal(StoredJsonLiterals.RedisRecord, RedisRows.Record(read));
        Assert.Equal(StoredJsonLiterals.RedisRecord, RedisRows.Record(JsonSamples.Record));
    }

    [Fact]
    public void KeyHashesInSqliteReadBackAndAreWrittenAgainByteForByte()
    {
        var read = SqliteRows.KeyHashesFromJson(StoredJsonLiterals.SqliteKeyHashes);

        Assert.Equal(StoredJsonLiterals.SqliteKeyHashes, SqliteRows.KeyHashesToJson(read));
        Assert.Equal(StoredJsonLiterals.SqliteKeyHashes, SqliteRows.KeyHashesToJson(JsonSamples.Record.KeyHashes));
    }

    [Fact]
    public void ASnapshotReadsBackAndIsWrittenAgainByteForByte()
    {
        var read = StateSnapshots.TryRead(JsonSamples.SessionId, new StoredSnapshot(JsonSamples.State.Version, StoredJsonLiterals.Snapshot));

        Assert.NotNull(read);
        Assert.Equal(StoredJsonLiterals.Snapshot, StateSnapshots.Write(read));
        Assert.Equal(StoredJsonLiterals.Snapshot, StateSnapshots.Write(JsonSamples.State));
    }

    [Fact]
    public void ASnapshotMissingAMemberOrHoldingANullWhereNoneIsAllowedIsNotTrusted()
    {
        var withoutQuestions = StoredJsonLiterals.Snapshot.Replace("\"questionsOpen\":false", "\"ignored\":false", StringComparison.Ordinal);
        var nullTitle = StoredJsonLiterals.Snapshot.Replace("\"title\":\"Trust", "\"title\":null,\"was\":\"Trust", StringComparison.Ordinal);

        Assert.Null(StateSnapshots.TryRead(JsonSamples.SessionId, new StoredSnapshot(JsonSamples.State.Version, withoutQuestions)));
        Assert.Null(StateSnapshots.TryRead(JsonSamples.SessionId, new StoredSnapshot(JsonSamples.State.Version, nullTitle)));
    }
}
