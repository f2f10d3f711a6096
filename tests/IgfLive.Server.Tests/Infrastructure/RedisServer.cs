using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// A real redis-server process on a free loopback port with its own directory, append-only file on
/// and RDB snapshots off. It can be killed (SIGKILL) and started again on the same port and
/// directory, as a crashed Redis would be.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly string[] _extraArguments;
    private readonly List<string> _output = [];
    private Process? _process;

    private RedisServer(int port, string directory, string[] extraArguments)
    {
        Port = port;
        Directory = directory;
        _extraArguments = extraArguments;
    }

    public int Port { get; }

    public string Directory { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a server; <paramref name="extraArguments"/> are added to the command line (e.g. "--appendfsync", "always").</summary>
    public static async Task<RedisServer> StartAsync(params string[] extraArguments)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("igflive-redis-").FullName;
        // A port found free can be taken before redis-server binds it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(FreePort(), directory, extraArguments);
            try
            {
                await server.RunAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Output.Contains("Address already in use", StringComparison.Ordinal))
            {
                await server.KillAsync();
            }
        }
    }

    /// <summary>SIGKILL: Redis gets no chance to flush anything it has not written already.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync().WaitAsync(StartTimeout);
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts redis-server again on the same port and directory, so it reloads its append-only file.</summary>
    public Task RestartAsync() => RunAsync();

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        TestServer.TryDelete(Directory);
    }

    private async Task RunAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("This redis-server is already running.");
        }
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "yes",
            "--dir", Directory,
            .. _extraArguments])
        {
            start.ArgumentList.Add(argument);
        }
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_output)
            {
                _output.Add(line);
            }
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _ = FailIfItExitsAsync(process, ready);
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"redis-server was not ready within {StartTimeout.TotalSeconds} s:\n{Output}");
        }
        await PingAsync();
    }

    /// <summary>An exit before "ready" fails the start with everything redis-server printed.</summary>
    private async Task FailIfItExitsAsync(Process process, TaskCompletionSource ready)
    {
        if (await process.ExitedWithAllOutputReadAsync())
        {
            ready.TrySetException(new InvalidOperationException($"redis-server exited before it was ready:\n{Output}"));
        }
    }

    /// <summary>One PING over a plain socket, so the server is known to answer before any test uses it.</summary>
    private async Task PingAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, timeout.Token);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);
        if (!reply.StartsWith("+PONG", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"redis-server answered PING with '{reply.Trim()}'.");
        }
    }

    private static string Executable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            "redis-server is not installed. ./test.sh installs it (Debian package redis-server); or run: sudo apt-get install -y redis-server");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
