using System.Globalization;

namespace IgfLive.Load;

/// <summary>Command-line options: <c>scenario --name value …</c>; every size has a default that suits a smoke run.</summary>
internal sealed class LoadOptions
{
    public string Scenario { get; private set; } = "";

    /// <summary>Base addresses of the nodes under test; clients are spread over them in turn.</summary>
    public List<Uri> Urls { get; } = [];

    /// <summary>The target is the bare WebSocket broadcast server, not IgfLive.</summary>
    public bool Raw { get; private set; }

    /// <summary>
    /// The target is the baseline's bare SignalR hub (<c>/hubs/session</c> on the raw server): the
    /// same rooms as <see cref="Raw"/> behind SignalR's own group sends, to tell SignalR's cost from ours.
    /// </summary>
    public bool Bare { get; private set; }

    public int Clients { get; private set; } = 500;

    public double Rate { get; private set; } = 2;

    public double Seconds { get; private set; } = 20;

    public double JoinRate { get; private set; } = 500;

    public int Sessions { get; private set; } = 30;

    public int SessionClients { get; private set; } = 20;

    /// <summary>Commands per second per session in the day scenario.</summary>
    public double SessionRate { get; private set; } = 0.2;

    public double SlowPercent { get; private set; } = 1;

    /// <summary>Event scenario: rooms (each with one live session), dashboards watching, sessions in the imported programme.</summary>
    public int Rooms { get; private set; } = 15;

    public int Dashboards { get; private set; } = 5;

    public int ProgrammeSessions { get; private set; } = 300;

    public List<int> ServerPids { get; } = [];

    public string? OrganiserKey { get; private set; }

    public string? Out { get; private set; }

    public string Label { get; private set; } = "";

    /// <summary>Broadcast rates tried by the throughput scenario.</summary>
    public List<double> Steps { get; } = [];

    public double StepSeconds { get; private set; } = 5;

    /// <summary>
    /// Seconds of unmeasured broadcasts before each measured phase (at least 5 a second), so the
    /// server's code is compiled and its caches warm when measuring starts. The runtime optimises a
    /// method only after it has run a few dozen times; after 3 s of this IgfLive's command path was
    /// still being compiled well into the phase (docs/benchmarks.md).
    /// </summary>
    public TimeSpan Warmup { get; private set; } = TimeSpan.FromSeconds(12);

    public int MaxInFlight { get; private set; } = 32;

    /// <summary>Report: directory of result files; markdown output file.</summary>
    public string? Dir { get; private set; }

    public string? Markdown { get; private set; }

    /// <summary>Cluster: the nodes given by --url, only the first gets members of the second session.</summary>
    public bool IsolatedSession { get; private set; }

    /// <summary>Cluster: the Redis the nodes share (127.0.0.1:PORT), read for PUBLISH counts and subscriptions.</summary>
    public string? Redis { get; private set; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("The first argument is the scenario: fanout, throughput, idle, joinstorm, slowreaders, day, event, cluster or report.");
        }
        options.Scenario = args[0];
        for (var i = 1; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--url": options.Urls.Add(new Uri(Value())); break;
                case "--raw": options.Raw = true; break;
                case "--bare": options.Raw = true; options.Bare = true; break;
                case "--clients": options.Clients = Int(Value(), name); break;
                case "--rate": options.Rate = Number(Value(), name); break;
                case "--seconds": options.Seconds = Number(Value(), name); break;
                case "--join-rate": options.JoinRate = Number(Value(), name); break;
                case "--sessions": options.Sessions = Int(Value(), name); break;
                case "--session-clients": options.SessionClients = Int(Value(), name); break;
                case "--session-rate": options.SessionRate = Number(Value(), name); break;
                case "--slow-percent": options.SlowPercent = Number(Value(), name); break;
                case "--rooms": options.Rooms = Int(Value(), name); break;
                case "--dashboards": options.Dashboards = Int(Value(), name); break;
                case "--programme-sessions": options.ProgrammeSessions = Int(Value(), name); break;
                case "--server-pid": options.ServerPids.Add(Int(Value(), name)); break;
                case "--organiser-key": options.OrganiserKey = Value(); break;
                case "--out": options.Out = Value(); break;
                case "--label": options.Label = Value(); break;
                case "--steps": options.Steps.AddRange(Value().Split(',').Select(s => Number(s, name))); break;
                case "--step-seconds": options.StepSeconds = Number(Value(), name); break;
                case "--warmup": options.Warmup = TimeSpan.FromSeconds(Number(Value(), name)); break;
                case "--max-in-flight": options.MaxInFlight = Int(Value(), name); break;
                case "--dir": options.Dir = Value(); break;
                case "--markdown": options.Markdown = Value(); break;
                case "--isolated-session": options.IsolatedSession = true; break;
                case "--redis": options.Redis = Value(); break;
                default: throw new ArgumentException($"Unknown option {name}.");
            }
        }
        if (options.Scenario != "report")
        {
            if (options.Urls.Count == 0)
            {
                throw new ArgumentException("Give the server with --url http://127.0.0.1:PORT.");
            }
            if (options.Urls.Any(u => u.Host != "127.0.0.1"))
            {
                throw new ArgumentException("Load runs on loopback only: every --url must be http://127.0.0.1:PORT.");
            }
            if (!options.Raw && options.OrganiserKey is null)
            {
                options.OrganiserKey = Environment.GetEnvironmentVariable("IgfLive__OrganiserKey")
                    ?? throw new ArgumentException("Give the organiser key with --organiser-key (or IgfLive__OrganiserKey).");
            }
        }
        if (options.Scenario == "event" && (options.Rooms == 0 || options.ProgrammeSessions < options.Rooms))
        {
            throw new ArgumentException("The event scenario needs at least one room and a session in each: --programme-sessions ≥ --rooms ≥ 1.");
        }
        if (options.Steps.Count == 0)
        {
            options.Steps.AddRange([2, 5, 10, 20, 50, 100, 200, 400]);
        }
        return options;
    }

    private static int Int(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"{name} must be a whole number, not '{value}'.");

    private static double Number(string value, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"{name} must be a number, not '{value}'.");
}
