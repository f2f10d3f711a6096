using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Sessions;

/// <summary>
/// How a session's folded state is written to a snapshot and read back. A snapshot is a cache of
/// the fold, never the record: anything that does not read back cleanly (an older format, a renamed
/// field, a damaged value) is ignored and the session is folded from its events instead.
/// </summary>
public static class StateSnapshots
{
    /// <summary>Raise when <see cref="SessionState"/>'s shape changes; older snapshots are then ignored and replaced.</summary>
    public const int Format = 3;

    // Missing members must fail the read rather than come back as defaults: a half-read state
    // would be wrong in a way nobody notices. The stores' settings and metadata, made strict.
    private static readonly JsonTypeInfo<Envelope> EnvelopeJson = (JsonTypeInfo<Envelope>)new JsonSerializerOptions(EventJson.Options)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    }.GetTypeInfo(typeof(Envelope));

    public static string Write(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(new Envelope(Format, state), EnvelopeJson);
    }

    /// <summary>The state in <paramref name="snapshot"/>, or null when it cannot be trusted for <paramref name="sessionId"/>.</summary>
    public static SessionState? TryRead(string sessionId, StoredSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            var envelope = JsonSerializer.Deserialize(snapshot.State, EnvelopeJson);
            return envelope is { Format: Format, State: { } state } && state.SessionId == sessionId && state.Version == snapshot.Version
                ? state
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>What a snapshot holds: the state, and the format it was written in.</summary>
    internal sealed record Envelope(int Format, SessionState State);
}
