using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// The cluster of <c>deploy/local-cluster.sh</c> — redis-server with an append-only file, two
/// server processes, nginx in front — started by the script itself on free loopback ports in a
/// temporary directory, so the script users run is the one the tests exercise.
/// </summary>
public sealed class LocalCluster : IServerUnderTest, IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;

    private LocalCluster(string directory, Dictionary<string, string> environment, Uri address)
    {
        Directory = directory;
        _environment = environment;
        Address = address;
    }

    /// <summary>nginx: the address users open.</summary>
    public Uri Address { get; }

    public string Directory { get; }

    public static async Task<LocalCluster> UpAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("igflive-cluster-").FullName;
        var ports = FreePorts(4);
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var environment = new Dictionary<string, string>
        {
            ["IGFLIVE_CLUSTER_DIR"] = directory,
            ["IGFLIVE_REDIS_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["IGFLIVE_NODE1_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["IGFLIVE_NODE2_PORT"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["IGFLIVE_NGINX_PORT"] = ports[3].ToString(CultureInfo.InvariantCulture),
            ["IGFLIVE_ORGANISER_KEY"] = TestServer.OrganiserKey,
            ["IGFLIVE_CONFIGURATION"] = configuration,
        };
        var cluster = new LocalCluster(directory, environment, new Uri($"http://127.0.0.1:{ports[3]}"));
        var (exit, output) = await cluster.ScriptAsync("up");
        if (exit != 0)
        {
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"local-cluster.sh up failed ({exit}):\n{output}");
        }
        return cluster;
    }

    public HttpClient CreateHttpClient(string? bearer = TestServer.OrganiserKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    /// <summary>The node ("node1" or "node2") whose log shows a connection joining <paramref name="sessionId"/>.</summary>
    public string NodeServing(string sessionId) =>
        new[] { "node1", "node2" }.FirstOrDefault(node => Joined(node, sessionId))
        ?? throw new InvalidOperationException($"No node logged a join to {sessionId}.");

    /// <summary>Whether <paramref name="node"/>'s log shows a connection joining <paramref name="sessionId"/>.</summary>
    public bool Joined(string node, string sessionId)
    {
        using var reader = new StreamReader(new FileStream(Path.Combine(Directory, $"{node}.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd().Split('\n')
            .Any(l => l.Contains("joined session", StringComparison.Ordinal) && l.Contains(sessionId, StringComparison.Ordinal));
    }

    /// <summary>SIGKILL to one node's process, as a crash would.</summary>
    public async Task KillAsync(string node)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(Directory, $"{node}.pid")).Trim(), CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task<(int ExitCode, string Output)> ScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "deploy", "local-cluster.sh"));
        start.ArgumentList.Add(command);
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output + await error);
    }

    public async ValueTask DisposeAsync()
    {
        await ScriptAsync("down");
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived "down" still holds a file; the temporary directory is left behind.
        }
    }

    private static string RepositoryRoot =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ServerProcess.ServerDll)!, "..", "..", "..", "..", ".."));

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }
        return ports;
    }
}
