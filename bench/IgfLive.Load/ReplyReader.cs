using System.Text.Json;

namespace IgfLive.Load;

/// <summary>
/// Reads a completion's result, the hub's reply envelope, in one pass: the few fields of its value
/// the load client uses, or its refusal.
/// </summary>
internal static class ReplyReader
{
    // result: {"value": CommandResult | JoinResult | ResyncResult | a number | null, "error": null | {"code", "message"}}
    public static Completion Read(ReadOnlySpan<byte> result)
    {
        var completion = new Completion();
        var reader = new Utf8JsonReader(result);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            completion.Error = "The server answered without a reply envelope.";
            return completion;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                ReadValue(ref reader, completion);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    completion.Error = ReadError(ref reader);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return completion;
    }

    /// <summary>The refusal as "code: message", read to the end of its object.</summary>
    private static string ReadError(ref Utf8JsonReader reader)
    {
        string? code = null, message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCode = reader.ValueTextEquals("code"u8);
            var isMessage = reader.ValueTextEquals("message"u8);
            reader.Read();
            if (isCode && reader.TokenType == JsonTokenType.String)
            {
                code = reader.GetString();
            }
            else if (isMessage && reader.TokenType == JsonTokenType.String)
            {
                message = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        return $"{code ?? "refused"}: {message}";
    }

    /// <summary>Reads a reply's value (the reader on its first token) to its end, into <paramref name="completion"/>.</summary>
    private static void ReadValue(ref Utf8JsonReader reader, Completion completion)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            completion.Version = reader.GetInt64();
            return;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                completion.Version = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                completion.Id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("participantToken"u8))
            {
                reader.Read();
                completion.ParticipantToken = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("snapshot"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isVersion = reader.ValueTextEquals("version"u8);
                        reader.Read();
                        if (isVersion)
                        {
                            completion.SnapshotVersion = reader.GetInt64();
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
            }
            else if (reader.ValueTextEquals("events"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    var seqs = new List<long>();
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        seqs.Add(Wire.ReadSeq(ref reader));
                    }
                    completion.Events = seqs;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }
}
