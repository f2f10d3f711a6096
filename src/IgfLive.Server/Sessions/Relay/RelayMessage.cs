using System.Buffers;
using System.Text.Json;
using IgfLive.Server.Contracts;

namespace IgfLive.Server.Sessions.Relay;

/// <summary>
/// A broadcast as it travels between nodes: <c>{"sends":[{"group":…,"method":…,"argument":…},…]}</c>,
/// each argument already written as the hub's JSON protocol writes it, so the receiving node passes
/// it on unchanged.
/// </summary>
public static class RelayMessage
{
    /// <summary>A relayed message larger than this is refused: no broadcast of a session comes near it.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static byte[] Write(IReadOnlyList<SessionSend> sends, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(sends);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("sends");
            foreach (var send in sends)
            {
                writer.WriteStartObject();
                writer.WriteString("group", send.Group);
                writer.WriteString("method", send.Method);
                writer.WritePropertyName("argument");
                JsonSerializer.Serialize(writer, send.Argument, send.Argument.GetType(), options);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a relayed message of session <paramref name="sessionId"/>; null, with the reason, when it
    /// is not one: malformed, too large, calling a method clients do not have (or EventsRecorded
    /// without a list of events), or addressed to a group of another session.
    /// </summary>
    public static IReadOnlyList<SessionSend>? Read(ReadOnlySpan<byte> message, string sessionId, out string? problem)
    {
        if (message.Length > MaxBytes)
        {
            problem = $"{message.Length} bytes, more than {MaxBytes}";
            return null;
        }
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize(message, WireJsonContext.Default.Wire);
        }
        catch (JsonException ex)
        {
            problem = $"not valid JSON ({ex.Message})";
            return null;
        }
        if (wire?.Sends is not { Length: > 0 } sends)
        {
            problem = "no sends";
            return null;
        }
        var result = new SessionSend[sends.Length];
        for (var i = 0; i < sends.Length; i++)
        {
            var send = sends[i];
            if (send?.Group is not { } group || !SessionBroadcaster.IsGroupOf(sessionId, group))
            {
                problem = $"send {i} is not addressed to a group of session {sessionId}";
                return null;
            }
            if (send.Method is not { } method || !LocalDelivery.Methods.Contains(method))
            {
                problem = $"send {i} calls '{send.Method}', which is not a client method";
                return null;
            }
            if (send.Argument.ValueKind is JsonValueKind.Undefined)
            {
                problem = $"send {i} has no argument";
                return null;
            }
            if (method == nameof(Hubs.ISessionClient.EventsRecorded) && send.Argument.ValueKind is not JsonValueKind.Array)
            {
                problem = $"send {i} calls EventsRecorded with {send.Argument.ValueKind}, not a list of events";
                return null;
            }
            result[i] = new SessionSend(group, method, send.Argument);
        }
        problem = null;
        return result;
    }

    /// <summary>A relayed message as read: every part may be missing, and is checked before it is trusted.</summary>
    internal sealed record Wire(WireSend?[]? Sends);

    internal sealed record WireSend(string? Group, string? Method, JsonElement Argument);
}
