using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// The built server as a separate operating-system process, so a test can kill it (SIGKILL) at
/// any moment and start it again on the same data directory, as a crash in production would.
/// </summary>
public sealed partial class ServerProcess : IServerUnderTest, IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private ServerProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; private set; } = null!;

    public string DataDirectory { get; }

    public int Id => _process.Id;

    /// <param name="port">A fixed loopback port (to restart a server where its clients expect it); 0 picks a free one.</param>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment = null, int port = 0)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServerDll)!,
        };
        start.ArgumentList.Add(ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["IgfLive__OrganiserKey"] = TestServer.OrganiserKey;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new ServerProcess(process, dataDirectory);
        process.OutputDataReceived += (_, e) => server.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnOutput(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = server.ReportEarlyExitAsync();
        server.Address = await server._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

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

    /// <summary>The first output line (already printed or still to come) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        lock (_output)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return Task.FromResult(line);
            }
            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
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

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>The server assembly built beside the tests, in the same configuration.</summary>
    public static string ServerDll
    {
        get
        {
            var testDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
            var framework = Path.GetFileName(testDir);
            var configuration = Path.GetFileName(Path.GetDirectoryName(testDir))!;
            var root = Path.GetFullPath(Path.Combine(testDir, "..", "..", "..", "..", ".."));
            var dll = Path.Combine(root, "src", "IgfLive.Server", "bin", configuration, framework, "IgfLive.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first: {dll} is missing.");
        }
    }

    /// <summary>A server that exits before listening fails the start with everything it printed.</summary>
    private async Task ReportEarlyExitAsync()
    {
        if (await _process.ExitedWithAllOutputReadAsync())
        {
            _listening.TrySetException(new InvalidOperationException($"The server exited with {SafeExitCode(_process)} before listening:\n{Output}"));
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToArray())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(line);
            }
        }
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "an unknown code";
        }
    }

    [GeneratedRegex(@"Now listening on: \\?""?(http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
