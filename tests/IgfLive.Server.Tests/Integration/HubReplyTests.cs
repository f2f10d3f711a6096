using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hubs;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// What a hub call answers: a reply whose refusal is a field (camelCase on the wire), an unexpected
/// failure as <c>internal_error</c> with nothing of the exception in it, and, for a call SignalR
/// cannot bind to a method, SignalR's own error completion, which changes nothing.
/// </summary>
public sealed class HubReplyTests : IAsyncLifetime
{
    private readonly FailingHubFilter _faults = new();
    private TestServer _server = null!;
    private Roles _cast = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await TestServer.StartAsync(innerHubFilter: _faults);
        _cast = await Roles.JoinAsync(_server, await Seed.CreateAsync(_server));
        await _cast.Onsite.SendAsync("StartClock");
        await _cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("A fair question", "Alice", null, null, null));
    }

    public async ValueTask DisposeAsync()
    {
        await _cast.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public void EveryHubMethodAnswersAReply()
    {
        var methods = typeof(SessionHub).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetBaseDefinition().DeclaringType == typeof(SessionHub))
            .ToArray();

        Assert.Contains(methods, m => m.Name == nameof(SessionHub.ServerTime));
        Assert.Empty(methods.Where(m => !IsReply(m.ReturnType)).Select(m => $"{m.Name} returns {m.ReturnType.Name}"));
    }

    [Fact]
    public async Task OnTheWireAReplyIsAValueOrAnErrorWithACodeAndAMessage()
    {
        await using var hub = await RawHub.ConnectAsync(_server.Address);

        using (var refused = await hub.InvokeAsync("StartClock"))
        {
            var root = refused.RootElement;
            Assert.False(root.TryGetProperty("error", out _), "A refusal is a reply, not SignalR's error completion.");
            var result = root.GetProperty("result");
            Assert.Equal(["value", "error"], result.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Null, result.GetProperty("value").ValueKind);
            Assert.Equal(["code", "message"], result.GetProperty("error").EnumerateObject().Select(p => p.Name));
            Assert.Equal("not_joined", result.GetProperty("error").GetProperty("code").GetString());
            Assert.Equal("Join a session first.", result.GetProperty("error").GetProperty("message").GetString());
        }

        using var answered = await hub.InvokeAsync("ServerTime");
        var reply = answered.RootElement.GetProperty("result");
        Assert.True(reply.GetProperty("value").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task AnUnexpectedFailureIsAnInternalErrorThatSaysNothingOfTheException()
    {
        var before = await VersionAsync();
        _faults.FailNext("PauseClock", new InvalidOperationException("secret-detail-42 in /var/lib/igflive"));

        var error = await _cast.Onsite.RefusalAsync("PauseClock");

        Assert.Equal(HubErrors.InternalError, error.Code);
        Assert.DoesNotContain("secret-detail-42", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync());
        // The connection goes on: the same call now goes through.
        var paused = await _cast.Onsite.SendAsync("PauseClock");
        Assert.Equal(before + 1, paused.Version);
    }

    public static TheoryData<string, string, object?[]> Unbindable => new()
    {
        // role, method, arguments SignalR cannot bind to the method
        { "alice", "SubmitQuestion", [42] },
        { "alice", "SubmitQuestion", [new { text = 42 }] },
        { "alice", "SubmitQuestion", [] },
        { "online", "ApproveQuestion", [] },
        { "online", "ApproveQuestion", [42] },
        { "online", "ApproveQuestion", ["q1", "and more"] },
        { "onsite", "AdjustSegment", ["thirty"] },
        { "onsite", "NoSuchMethod", [] },
    };

    [Theory]
    [MemberData(nameof(Unbindable))]
    public async Task ACallSignalRCannotBindFailsWithSignalRsOwnErrorAndChangesNothing(string who, string method, object?[] args)
    {
        var before = await VersionAsync();
        var caller = _cast.All.Single(c => c.Name == who);

        var error = await Assert.ThrowsAsync<HubException>(() => caller.Connection.InvokeCoreAsync<HubReply<object>>(method, args, Ct));

        Assert.StartsWith($"Failed to invoke '{method}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync());
        // Nothing else is broken: the connection still answers.
        Assert.True((await caller.Connection.InvokeAsync<HubReply<long?>>("ServerTime", Ct)).Value > 0);
    }

    private static bool IsReply(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(HubReply<>)
            || (type.GetGenericTypeDefinition() == typeof(Task<>) && IsReply(type.GetGenericArguments()[0])));

    private async Task<long> VersionAsync() => (await _cast.Online.CallAsync<ResyncResult>("Resync", 0L)).Events[^1].Seq;

    /// <summary>The hub's JSON protocol spoken by hand, to see the very bytes a client receives.</summary>
    private sealed class RawHub : IAsyncDisposable
    {
        private const char RecordSeparator = '\u001e';
        private readonly ClientWebSocket _socket = new();
        private readonly StringBuilder _received = new();
        private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
        private int _invocations;

        public static async Task<RawHub> ConnectAsync(Uri server)
        {
            var hub = new RawHub();
            await hub._socket.ConnectAsync(new Uri($"ws://{server.Authority}/hubs/session"), Ct);
            await hub.SendAsync("""{"protocol":"json","version":1}""");
            Assert.Equal("{}", await hub.ReceiveAsync());
            return hub;
        }

        /// <summary>Invokes a method with no arguments and returns its completion (type 3), skipping pings.</summary>
        public async Task<JsonDocument> InvokeAsync(string target)
        {
            var id = (++_invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments = Array.Empty<object>() }));
            while (true)
            {
                var message = JsonDocument.Parse(await ReceiveAsync());
                if (message.RootElement.GetProperty("type").GetInt32() == 3)
                {
                    Assert.Equal(id, message.RootElement.GetProperty("invocationId").GetString());
                    return message;
                }
                message.Dispose();
            }
        }

        public ValueTask DisposeAsync()
        {
            _socket.Dispose();
            return ValueTask.CompletedTask;
        }

        private Task SendAsync(string record) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(record + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, Ct);

        /// <summary>The next record, however the server split its records into frames.</summary>
        private async Task<string> ReceiveAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(SessionClient.Timeout);
            var buffer = new byte[4096];
            while (true)
            {
                var text = _received.ToString();
                var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
                if (end >= 0)
                {
                    _received.Remove(0, end + 1);
                    return text[..end];
                }
                var frame = await _socket.ReceiveAsync(buffer, timeout.Token);
                Assert.NotEqual(WebSocketMessageType.Close, frame.MessageType);
                var chars = new char[_utf8.GetCharCount(buffer, 0, frame.Count)];
                _utf8.GetChars(buffer, 0, frame.Count, chars, 0);
                _received.Append(chars);
            }
        }
    }
}
