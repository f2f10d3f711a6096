using System.Net;
using System.Text.RegularExpressions;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Hosting;

/// <summary>How the real server process starts with and without an organiser key.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class StartupTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("igflive-startup-").FullName;

    [Fact]
    public async Task WithoutAKeyOutsideDevelopmentTheServerRefusesToStartAndSaysWhy()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(_dataDirectory,
            new Dictionary<string, string> { ["IgfLive__OrganiserKey"] = "" }));

        Assert.Contains("IgfLive:OrganiserKey is required outside Development", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATooShortKeyIsRefusedAtStartUp()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(_dataDirectory,
            new Dictionary<string, string> { ["IgfLive__OrganiserKey"] = "short" }));

        Assert.Contains("at least 16 characters", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Limits__SendBufferKiB", "0", "SendBufferKiB must be between 4 and 1024")]
    [InlineData("Limits__SendBufferKiB", "4096", "SendBufferKiB must be between 4 and 1024")]
    [InlineData("Limits__CallsPerSecond", "0", "CallsPerSecond must be between 1 and 10000")]
    public async Task ALimitOutOfRangeIsRefusedAtStartUpNamingIt(string variable, string value, string expected)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(_dataDirectory,
            new Dictionary<string, string> { [variable] = value }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentAKeyIsGeneratedOncePrintedAndKeptAcrossRestarts()
    {
        var development = new Dictionary<string, string> { ["IgfLive__OrganiserKey"] = "", ["ASPNETCORE_ENVIRONMENT"] = "Development" };

        string first;
        await using (var server = await ServerProcess.StartAsync(_dataDirectory, development))
        {
            first = await PrintedKeyAsync(server);
            using var http = server.CreateHttpClient(first);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/sessions")).StatusCode);
        }
        await using (var again = await ServerProcess.StartAsync(_dataDirectory, development))
        {
            Assert.Equal(first, await PrintedKeyAsync(again));
        }
        Assert.Equal(first, (await File.ReadAllTextAsync(Path.Combine(_dataDirectory, "organiser-key.development"))).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dataDirectory, "organiser-key.development")));
    }

    [Fact]
    public async Task TheHealthcheckCommandExitsZeroForAReadyServerAndOneWhenNothingAnswers()
    {
        await using var server = await ServerProcess.StartAsync(_dataDirectory);
        var ready = await RunServerCommandAsync("healthcheck", new Uri(server.Address, "/health/ready").ToString());
        Assert.Equal(0, ready.ExitCode);
        Assert.Contains("200", ready.Output, StringComparison.Ordinal);

        await server.KillAsync();
        var gone = await RunServerCommandAsync("healthcheck", new Uri(server.Address, "/health/ready").ToString());
        Assert.Equal(1, gone.ExitCode);
        Assert.Contains("no answer", gone.Output, StringComparison.Ordinal);

        var misuse = await RunServerCommandAsync("healthcheck", "not a url");
        Assert.Equal(2, misuse.ExitCode);
    }

    private static async Task<(int ExitCode, string Output)> RunServerCommandAsync(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServerProcess.ServerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static async Task<string> PrintedKeyAsync(ServerProcess server)
    {
        // The key is printed once the host has started, just after the listening line.
        var line = await server.WaitForLineAsync(l => PrintedKey().IsMatch(l));
        return PrintedKey().Match(line).Groups[1].Value;
    }

    [GeneratedRegex(@"organiser key \(kept in the data directory\) is ([A-Za-z0-9_-]{16,})")]
    private static partial Regex PrintedKey();
}
