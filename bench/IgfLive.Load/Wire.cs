using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace IgfLive.Load;

/// <summary>
/// The SignalR JSON hub protocol, as much of it as a load client needs: the handshake, invocations,
/// pings, and a single-pass reading of what comes back that keeps only sequence numbers, completion
/// results and errors. Messages are JSON records terminated by 0x1E. Every hub method of the servers
/// this tool drives answers a reply envelope, <c>{"value": …, "error": null | {"code", "message"}}</c>;
/// a completion's own <c>error</c> is SignalR's (a call it could not bind or run).
/// </summary>
internal static class Wire
{
    public const byte RecordSeparator = 0x1e;

    public static readonly byte[] Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();

    public static readonly byte[] Ping = "{\"type\":6}\u001e"u8.ToArray();

    /// <summary>An invocation record: <c>{"type":1,"invocationId":"id","target":…,"arguments":[…]}</c> and the separator.</summary>
    public static byte[] Invocation(int invocationId, string target, Action<Utf8JsonWriter>? arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type"u8, 1);
            Span<byte> id = stackalloc byte[11];
            Utf8Formatter.TryFormat(invocationId, id, out var length);
            writer.WriteString("invocationId"u8, id[..length]);
            writer.WriteString("target"u8, target);
            writer.WriteStartArray("arguments"u8);
            arguments?.Invoke(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = RecordSeparator;
        return bytes;
    }

    /// <summary>Reads one record (without its separator) and tells <paramref name="sink"/> what matters in it.</summary>
    public static void Dispatch(ReadOnlySpan<byte> record, IWireSink sink, long receivedAt)
    {
        var reader = new Utf8JsonReader(record);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException("A hub message is not a JSON object.");
        }
        var type = 0;
        var invocationId = -1;
        var target = Target.None;
        string? error = null;
        int argumentsStart = -1, argumentsEnd = -1, resultStart = -1, resultEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = reader.ValueTextEquals("EventsRecorded"u8) ? Target.EventsRecorded : Target.Other;
            }
            else if (reader.ValueTextEquals("invocationId"u8))
            {
                reader.Read();
                invocationId = Utf8Parser.TryParse(reader.ValueSpan, out int id, out _) ? id : -1;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = reader.GetString();
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                argumentsStart = (int)reader.TokenStartIndex;
                reader.Skip();
                argumentsEnd = (int)reader.BytesConsumed;
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                resultStart = (int)reader.TokenStartIndex;
                reader.Skip();
                resultEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        switch (type)
        {
            case 1 when target == Target.EventsRecorded && argumentsStart >= 0:
                ReadEvents(record[argumentsStart..argumentsEnd], sink, receivedAt);
                break;
            case 1:
                sink.OnOtherInvocation(receivedAt);
                break;
            case 3:
                var completion = resultStart >= 0 ? ReplyReader.Read(record[resultStart..resultEnd]) : new Completion();
                if (error is not null)
                {
                    completion.Error = error;
                }
                sink.OnCompletion(invocationId, completion, receivedAt);
                break;
            case 6:
                // A server ping is not answered: like the web client, the ping pump sends one only after
                // 15 s without sending anything.
                break;
            case 7:
                sink.OnClose(error);
                break;
            default:
                // Stream items (2), stream invocations (4), cancellations (5) and acks are never sent to these clients.
                break;
        }
    }

    /// <summary>The handshake answer: <c>{}</c>, or <c>{"error":"…"}</c>.</summary>
    public static string? HandshakeError(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                return reader.GetString() ?? "handshake refused";
            }
            reader.Read();
            reader.Skip();
        }
        return null;
    }

    // arguments: [ [ {seq, at, type, data}, … ] ]
    private static void ReadEvents(ReadOnlySpan<byte> arguments, IWireSink sink, long receivedAt)
    {
        if (!ScanEvents(arguments, sink, receivedAt))
        {
            ParseEvents(arguments, sink, receivedAt);
        }
    }

    /// <summary>
    /// The fast way, for the servers this tool drives: each event object is written starting with its
    /// <c>"seq"</c>, and the bytes <c>{"seq":</c> occur nowhere else (no other object of theirs has a
    /// "seq", and a string's quotes are escaped), so finding them finds every event without reading
    /// every token of its data. The full reader parses a thousand-byte event several times slower,
    /// and at a few hundred thousand deliveries a second that would make the generator the bottleneck.
    /// False when there is no such event in a list that is not empty: the caller parses it fully.
    /// </summary>
    private static bool ScanEvents(ReadOnlySpan<byte> arguments, IWireSink sink, long receivedAt)
    {
        var rest = arguments;
        var count = 0;
        while (true)
        {
            var at = rest.IndexOf(SeqStart);
            if (at < 0)
            {
                break;
            }
            rest = rest[(at + SeqStart.Length)..];
            if (!Utf8Parser.TryParse(rest, out long seq, out var length))
            {
                return count > 0 ? throw new FormatException("An event's seq is not a number.") : false;
            }
            rest = rest[length..];
            if (seq > 0)
            {
                sink.OnEvent(seq, receivedAt, live: true);
            }
            count++;
        }
        if (count == 0 && !arguments.SequenceEqual("[[]]"u8))
        {
            return false;
        }
        sink.OnEventsMessage(count);
        return true;
    }

    private static ReadOnlySpan<byte> SeqStart => "{\"seq\":"u8;

    private static void ParseEvents(ReadOnlySpan<byte> arguments, IWireSink sink, long receivedAt)
    {
        var reader = new Utf8JsonReader(arguments);
        reader.Read();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return;
        }
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var seq = ReadSeq(ref reader);
            if (seq > 0)
            {
                sink.OnEvent(seq, receivedAt, live: true);
            }
            count++;
        }
        sink.OnEventsMessage(count);
    }

    /// <summary>Reads the current event object to its end; returns its "seq" (or -1).</summary>
    internal static long ReadSeq(ref Utf8JsonReader reader)
    {
        long seq = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("seq"u8))
            {
                reader.Read();
                seq = reader.GetInt64();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return seq;
    }

    private enum Target
    {
        None,
        EventsRecorded,
        Other,
    }
}

internal interface IWireSink
{
    void OnEvent(long seq, long receivedAt, bool live);

    void OnEventsMessage(int events);

    void OnOtherInvocation(long receivedAt);

    void OnCompletion(int invocationId, Completion completion, long receivedAt);

    void OnClose(string? error);
}
