using System.Diagnostics;
using System.Text.Json;

namespace IgfLive.Server.Tests.WireContracts;

/// <summary>
/// The browser's contracts (src/IgfLive.Web/src/lib/contracts) read with the TypeScript compiler,
/// through Node and the <c>typescript</c> package the build installs for the web views.
/// </summary>
internal static class TsContracts
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, TsDeclaration>>> Read = new(ReadAsync);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<IReadOnlyDictionary<string, TsDeclaration>> Declarations => Read.Value;

    public static string WebDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "IgfLive.sln")))
                {
                    return Path.Combine(dir.FullName, "src", "IgfLive.Web");
                }
            }
            throw new DirectoryNotFoundException($"No IgfLive.sln above {AppContext.BaseDirectory}: run the tests from the repository's build.");
        }
    }

    private static async Task<IReadOnlyDictionary<string, TsDeclaration>> ReadAsync()
    {
        var web = WebDirectory;
        if (!Directory.Exists(Path.Combine(web, "node_modules", "typescript")))
        {
            throw new InvalidOperationException($"{web}/node_modules/typescript is missing: build the solution (it runs npm ci for the web views) or run npm ci there.");
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("tools", "contract-shapes.mjs"));
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Node.js could not be started; it must be on the PATH.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await node.WaitForExitAsync(timeout.Token);
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/contract-shapes.mjs failed ({node.ExitCode}):\n{await errors}");
        }
        return JsonSerializer.Deserialize<Dictionary<string, TsDeclaration>>(await output, Json)
            ?? throw new InvalidOperationException("tools/contract-shapes.mjs printed nothing.");
    }
}
