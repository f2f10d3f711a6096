using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace IgfLive.Load;

/// <summary>
/// What every scenario shares: the servers under test and their /proc probes, session creation,
/// connecting and joining clients at a rate, the ping pump that keeps idle connections alive, and
/// the result being written.
/// </summary>
internal sealed partial class Harness : IAsyncDisposable
{
    // As the web client does (@microsoft/signalr's keep-alive interval): a ping after 15 s without sending.
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    private readonly List<LoadClient> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private readonly Dictionary<string, int> _errors = [];
    private HttpMessageInvoker? _slowInvoker;
    private int _sessionCount;

    public Harness(LoadOptions options)
    {
        Options = options;
        Invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(30) });
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var pids = options.ServerPids.Count > 0
            ? options.ServerPids
            : options.Urls.Select(u => ProcessProbe.FindByPort(u.Port)).OfType<int>().ToList();
        Servers = pids.Select(p => new ProcessProbe(p)).ToList();
        Result = new ScenarioResult
        {
            Scenario = options.Scenario,
            Label = options.Label.Length > 0 ? options.Label : options.Scenario + (options.Bare ? "-bare" : options.Raw ? "-raw" : "-igf"),
            Target = options.Bare ? "signalr" : options.Raw ? "raw" : "igflive",
            ServerPids = pids,
        };
        _pump = PingPumpAsync(_stop.Token);
    }

    public LoadOptions Options { get; }

    public HttpMessageInvoker Invoker { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<ProcessProbe> Servers { get; }

    public ScenarioResult Result { get; }

    public Dictionary<string, double> Metrics => Result.Metrics;

    public Uri HubUri(int node)
    {
        var url = Options.Urls[node % Options.Urls.Count];
        return new Uri($"ws://{url.Host}:{url.Port}{(Options.Raw && !Options.Bare ? "/ws" : "/hubs/session")}");
    }

    public long ServerRssKib() => Servers.Sum(s => s.RssKib());

    public void Note(string note)
    {
        Console.Error.WriteLine($"  {note}");
        Result.Notes.Add(note);
    }

    /// <summary>Counts an error by its message, so a thousand identical failures make one line.</summary>
    public void Error(string what, string message)
    {
        var key = $"{what}: {message}";
        lock (_errors)
        {
            _errors[key] = _errors.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Creates a session (on the first node) with a long first segment, so no cue fires during a run.</summary>
    public async Task<SessionRun> CreateSessionAsync(int node = 0)
    {
        var n = Interlocked.Increment(ref _sessionCount);
        if (Options.Raw)
        {
            return new SessionRun(new SessionKeys($"raw{n}", "raw", "raw", "raw"));
        }
        var body = JsonSerializer.Serialize(new
        {
            title = $"Load session {n}",
            startsAt = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            timeZone = "Europe/Zurich",
            room = $"Room {n}",
            agenda = new object[]
            {
                new { title = "Opening", minutes = 120 },
                new { title = "Discussion", minutes = 60 },
                new { title = "Questions and answers", minutes = 30 },
                new { title = "Takeaways", minutes = 10 },
            },
        });
        var url = Options.Urls[node % Options.Urls.Count];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "/api/sessions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.OrganiserKey);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating a session failed: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var keys = root.GetProperty("keys");
        return new SessionRun(new SessionKeys(
            root.GetProperty("id").GetString()!,
            root.GetProperty("participantCode").GetString()!,
            keys.GetProperty("onsiteModerator").GetString()!,
            keys.GetProperty("onlineModerator").GetString()!));
    }

    /// <summary>Connects and joins the session's onsite and online moderators, and starts the clock.</summary>
    public async Task StaffAsync(SessionRun session, int node = 0)
    {
        session.Onsite = await JoinAsync(session, new ClientTracker(session.Board, "OnsiteModerator"), session.Keys.OnsiteKey, node, slow: false, null, attempts: 3)
            ?? throw new InvalidOperationException("The onsite moderator could not join.");
        session.Online = await JoinAsync(session, new ClientTracker(session.Board, "OnlineModerator"), session.Keys.OnlineKey, node, slow: false, null, attempts: 3)
            ?? throw new InvalidOperationException("The online moderator could not join.");
        var (started, sentAt) = await session.Onsite.InvokeAsync("StartClock", null);
        if (started.Error is not null)
        {
            throw new InvalidOperationException($"StartClock failed: {started.Error}");
        }
        session.Board.Sent(started.Version, sentAt);
    }

    /// <summary>
    /// Connects, handshakes and joins, retrying like a real client (after a second) up to
    /// <paramref name="attempts"/> times; every failed attempt is counted. Null when all failed.
    /// </summary>
    public async Task<LoadClient?> JoinAsync(SessionRun session, ClientTracker tracker, string key, int node, bool slow, LatencyLog? latency, int attempts = 5)
    {
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            var client = new LoadClient(tracker);
            try
            {
                await client.ConnectAsync(HubUri(node), slow ? SlowInvoker() : Invoker, _stop.Token);
                var token = tracker.ParticipantToken;
                var (joined, _) = await client.InvokeAsync("Join", w =>
                {
                    w.WriteStartObject();
                    w.WriteString("sessionId", session.Keys.Id);
                    w.WriteString("key", key);
                    w.WriteString("participantToken", token);
                    w.WriteEndObject();
                });
                if (joined.Error is not null)
                {
                    throw new InvalidOperationException(joined.Error);
                }
                latency?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                lock (_connections)
                {
                    _connections.Add(client);
                }
                return client;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or InvalidOperationException or TimeoutException or IOException or SocketException)
            {
                Interlocked.Increment(ref session.FailedJoins);
                Error("join", ex.Message);
                client.Abort();
                client.Dispose();
                if (attempt < attempts)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
        return null;
    }

    /// <summary>Starts <paramref name="count"/> tasks at <paramref name="perSecond"/> (0: all at once) and waits for them all.</summary>
    public static async Task RampAsync(int count, double perSecond, Func<int, Task> start)
    {
        var tasks = new Task[count];
        var began = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (perSecond > 0)
            {
                var wait = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(began);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }
            }
            tasks[i] = start(i);
        }
        await Task.WhenAll(tasks);
    }

    /// <summary>Joins <paramref name="count"/> participants to <paramref name="session"/> at <paramref name="perSecond"/>.</summary>
    public Task RampParticipantsAsync(SessionRun session, int count, double perSecond, LatencyLog joins, Func<int, bool>? slow = null, int firstNode = 0, int nodeStride = 1) =>
        RampAsync(count, perSecond, async i =>
        {
            var person = new Person(new ClientTracker(session.Board, "Participant") { Slow = slow?.Invoke(i) ?? false });
            lock (session.People)
            {
                session.People.Add(person);
            }
            person.Connection = await JoinAsync(session, person.Tracker, session.Keys.ParticipantCode, firstNode + i * nodeStride, person.Tracker.Slow, joins);
        });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
        }
        lock (_errors)
        {
            foreach (var (message, count) in _errors.OrderByDescending(e => e.Value).Take(10))
            {
                Result.Notes.Add($"{count} x {message}");
            }
        }
        LoadClient[] all;
        lock (_connections)
        {
            all = [.. _connections];
        }
        foreach (var client in all)
        {
            client.Abort();
            client.Dispose();
        }
        Invoker.Dispose();
        _slowInvoker?.Dispose();
        Http.Dispose();
        _stop.Dispose();
    }

    /// <summary>Connections for clients that will stall (<see cref="StallingSockets"/>).</summary>
    private HttpMessageInvoker SlowInvoker() => _slowInvoker ??= StallingSockets.Invoker();

    private async Task PingPumpAsync(CancellationToken cancellationToken)
    {
        var every = (long)(PingEvery.TotalSeconds * Stopwatch.Frequency);
        var due = new List<LoadClient>();
        while (!cancellationToken.IsCancellationRequested)
        {
            // Every tenth of a second: browsers' timers run each on its own, so their pings come
            // spread out, not in one burst a second. Only the few due are taken out of the lock.
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            due.Clear();
            lock (_connections)
            {
                _connections.RemoveAll(c => !c.IsOpen);
                var now = Stopwatch.GetTimestamp();
                due.AddRange(_connections.Where(c => now - c.LastSentAt > every));
            }
            foreach (var client in due)
            {
                client.PingSoon();
            }
        }
    }
}
