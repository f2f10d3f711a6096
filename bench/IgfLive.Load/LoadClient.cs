using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace IgfLive.Load;

/// <summary>
/// One hub connection over a bare <see cref="ClientWebSocket"/>: no negotiate, the handshake, then
/// invocations and a receive loop that holds no buffer between messages (it waits with a zero-byte
/// read and rents a buffer only while a message is being read).
/// </summary>
internal sealed class LoadClient : IWireSink, IDisposable
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dictionary<int, Pending>? _pending;
    private int _nextInvocation;
    private bool _handshakeDone;
    private byte[]? _carry;
    private volatile bool _stopReading;
    private TaskCompletionSource? _resumeReading;

    public LoadClient(ClientTracker tracker)
    {
        Tracker = tracker;
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public ClientTracker Tracker { get; }

    public long LastSentAt { get; private set; }

    public bool IsOpen => !_closed.Task.IsCompleted;

    public Task Closed => _closed.Task;

    public string? CloseReason { get; private set; }

    public async Task ConnectAsync(Uri hub, HttpMessageInvoker invoker, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(hub, invoker, cancellationToken);
        _ = ReceiveLoopAsync();
        await SendAsync(Wire.Handshake, cancellationToken);
        var error = await _handshake.Task.WaitAsync(CallTimeout, cancellationToken);
        if (error is not null)
        {
            throw new InvalidOperationException($"Handshake refused: {error}");
        }
    }

    /// <summary>Sends an invocation and waits for its completion; returns it with the send timestamp.</summary>
    public async Task<(Completion Completion, long SentAt)> InvokeAsync(string target, Action<Utf8JsonWriter>? arguments, bool replay = false, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextInvocation);
        var message = Wire.Invocation(id, target, arguments);
        var pending = new Pending(replay);
        lock (_handshake)
        {
            if (_closed.Task.IsCompleted)
            {
                throw new WebSocketException($"The connection is closed ({CloseReason}).");
            }
            (_pending ??= []).Add(id, pending);
        }
        var sentAt = Stopwatch.GetTimestamp();
        await SendAsync(message, cancellationToken);
        var completion = await pending.Result.Task.WaitAsync(CallTimeout, cancellationToken);
        return (completion, sentAt);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            LastSentAt = Stopwatch.GetTimestamp();
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Sends a ping unless something else is being sent; a failure ends the connection.</summary>
    public void PingSoon()
    {
        if (!IsOpen || !_sendGate.Wait(0))
        {
            return;
        }
        _ = PingAsync();
    }

    private async Task PingAsync()
    {
        try
        {
            await _socket.SendAsync(Wire.Ping, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            LastSentAt = Stopwatch.GetTimestamp();
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or InvalidOperationException)
        {
            Close(ex.Message);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Stops reading the socket (a client that has stalled); the server's writes back up.</summary>
    public void StopReading()
    {
        _resumeReading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _stopReading = true;
    }

    public void ResumeReading()
    {
        _stopReading = false;
        _resumeReading?.TrySetResult();
    }

    /// <summary>Drops the connection at once, as a lost network does.</summary>
    public void Abort()
    {
        _socket.Abort();
        Close("aborted");
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendGate.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        byte[]? buffer = null;
        try
        {
            while (true)
            {
                if (_stopReading && _resumeReading is { } resume)
                {
                    await resume.Task;
                }
                // Wait for the next frame without holding a buffer: thousands of idle clients hold none.
                var probe = await _socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                if (probe.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
                var length = 0;
                if (_carry is { } carry)
                {
                    carry.CopyTo(buffer, 0);
                    length = carry.Length;
                    _carry = null;
                }
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
                    result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                var messages = Tracker.EventMessages;
                Process(buffer.AsSpan(0, length), Stopwatch.GetTimestamp());
                if (Tracker.EventMessages != messages)
                {
                    Tracker.EventFrames++;
                }
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = null;
            }
            Close(_socket.CloseStatusDescription ?? "closed by the server");
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException or InvalidOperationException)
        {
            Close(ex.Message);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            Close($"unreadable message: {ex.Message}");
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private void Process(ReadOnlySpan<byte> data, long receivedAt)
    {
        while (true)
        {
            var end = data.IndexOf(Wire.RecordSeparator);
            if (end < 0)
            {
                // A record split over WebSocket messages: keep the start for the next one.
                _carry = data.IsEmpty ? null : data.ToArray();
                return;
            }
            var record = data[..end];
            data = data[(end + 1)..];
            if (!_handshakeDone)
            {
                _handshakeDone = true;
                _handshake.TrySetResult(Wire.HandshakeError(record));
                continue;
            }
            var before = Tracker.EventMessages;
            var eventsBefore = Tracker.Events;
            Wire.Dispatch(record, this, receivedAt);
            if (Tracker.EventMessages != before && Tracker.Events - eventsBefore == 1)
            {
                Tracker.SingleEventMessages++;
                Tracker.SingleEventBytes += record.Length + 1;
            }
        }
    }

    void IWireSink.OnEvent(long seq, long receivedAt, bool live) => Tracker.Live(seq, receivedAt);

    void IWireSink.OnEventsMessage(int events) => Tracker.EventMessages++;

    void IWireSink.OnOtherInvocation(long receivedAt)
    {
        // MyQuestionChanged, PresenceChanged: not sequenced, not measured.
    }

    void IWireSink.OnCompletion(int invocationId, Completion completion, long receivedAt)
    {
        Pending? pending;
        lock (_handshake)
        {
            if (_pending is null || !_pending.Remove(invocationId, out pending))
            {
                return;
            }
        }
        if (completion.Error is null)
        {
            if (completion.SnapshotVersion >= 0)
            {
                Tracker.Joined(completion.SnapshotVersion);
            }
            if (completion.ParticipantToken is not null)
            {
                Tracker.ParticipantToken = completion.ParticipantToken;
            }
            if (pending.Replay && completion.Events is { } events)
            {
                foreach (var seq in events)
                {
                    Tracker.Replayed(seq);
                }
            }
        }
        pending.Result.TrySetResult(completion);
    }

    void IWireSink.OnClose(string? error) => Close(error ?? "close message from the server");

    private void Close(string reason)
    {
        List<Pending>? failed = null;
        lock (_handshake)
        {
            if (_closed.Task.IsCompleted)
            {
                return;
            }
            CloseReason = reason;
            _closed.TrySetResult();
            if (_pending is not null)
            {
                failed = [.. _pending.Values];
                _pending.Clear();
            }
        }
        _handshake.TrySetResult($"connection closed: {reason}");
        foreach (var p in failed ?? [])
        {
            p.Result.TrySetException(new WebSocketException($"The connection closed: {reason}"));
        }
    }

    private sealed class Pending(bool replay)
    {
        public bool Replay { get; } = replay;

        public TaskCompletionSource<Completion> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
