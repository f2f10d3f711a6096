using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace IgfLive.RawBroadcast;

/// <summary>
/// One client. It speaks just enough of the SignalR JSON framing (handshake, invocation,
/// completion) that the same load generator drives this server and IgfLive: Join puts the
/// connection in a room, Resync returns the events after a number, and any other invocation
/// broadcasts one event to the room. Sends go through a bounded queue and one writer; a client
/// that lets 1024 messages pile up is dropped.
/// </summary>
public sealed class RawConnection(WebSocket socket, Rooms rooms)
{
    private const int QueueLimit = 1024;

    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueueLimit)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private Room? _room;

    public void Enqueue(byte[] message)
    {
        if (!_outbox.Writer.TryWrite(message))
        {
            // A slow consumer: cut it loose rather than hold memory for it or slow the others.
            socket.Abort();
            _outbox.Writer.TryComplete();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sending = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away.
        }
        finally
        {
            _room?.Remove(this);
            _outbox.Writer.TryComplete();
            await sending;
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync())
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var handshaken = false;
        while (true)
        {
            // Like SignalR and Kestrel: wait with a zero-byte read, so an idle connection holds no buffer.
            var probe = await socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
            if (probe.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                var data = buffer.AsMemory(0, length);
                int end;
                while ((end = data.Span.IndexOf((byte)0x1e)) >= 0)
                {
                    var record = data[..end];
                    data = data[(end + 1)..];
                    if (!handshaken)
                    {
                        handshaken = true;
                        Enqueue("{}\u001e"u8.ToArray());
                        continue;
                    }
                    Handle(record.Span);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        reader.Read();
        string? id = null, target = null, sessionId = null;
        long after = 0;
        var type = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("invocationId"u8))
            {
                reader.Read();
                id = reader.GetString();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                target = reader.GetString();
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                var depth = reader.CurrentDepth;
                while (reader.Read() && reader.CurrentDepth > depth)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("sessionId"u8))
                    {
                        reader.Read();
                        sessionId = reader.GetString();
                    }
                    else if (reader.TokenType == JsonTokenType.Number && reader.CurrentDepth == depth + 1)
                    {
                        after = reader.GetInt64();
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (type != 1 || id is null)
        {
            return;
        }
        switch (target)
        {
            case "Join":
                _room = rooms.Get(sessionId ?? "raw");
                _room.Add(this);
                Complete(id, $"{{\"role\":\"Participant\",\"participantToken\":null,\"snapshot\":{{\"version\":{_room.Version}}}}}");
                break;
            case "Resync" when _room is not null:
                Complete(id, "{\"events\":" + Encoding.UTF8.GetString(_room.Since(after)) + ",\"snapshot\":null}");
                break;
            case "ServerTime":
                Complete(id, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                var seq = _room?.Broadcast() ?? 0;
                Complete(id, $"{{\"version\":{seq},\"id\":\"r{seq}\"}}");
                break;
        }
    }

    // In IgfLive's reply envelope, as the load client reads it from every server it drives.
    private void Complete(string invocationId, string valueJson) =>
        Enqueue(Encoding.UTF8.GetBytes($"{{\"type\":3,\"invocationId\":\"{invocationId}\",\"result\":{{\"value\":{valueJson},\"error\":null}}}}\u001e"));
}
