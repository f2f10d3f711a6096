using System.Text.Json;
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
    // would be wrong in a way nobody notices.
    private static readonly JsonSerializerOptions Options = new(EventJson.Options)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static string Write(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(new Envelope(Format, state), Options);
    }

    /// <summary>The state in <paramref name="snapshot"/>, or null when it cannot be trusted for <paramref name="sessionId"/>.</summary>
    public static SessionState? TryRead(string sessionId, StoredSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(snapshot.State, Options);
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

    private sealed record Envelope(int Format, SessionState State);
}
