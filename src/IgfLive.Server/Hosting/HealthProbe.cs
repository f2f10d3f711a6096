namespace IgfLive.Server.Hosting;

/// <summary>
/// <c>IgfLive.Server healthcheck [url]</c>: asks a running server whether it is ready and exits 0
/// (ready) or 1 (not ready, or no answer within 5 seconds). Container images have no curl; this
/// lets a Docker HEALTHCHECK use the server's own binary.
/// </summary>
public static class HealthProbe
{
    public const string Command = "healthcheck";

    /// <summary>The readiness address inside a container: the aspnet images listen on port 8080.</summary>
    public static readonly Uri DefaultAddress = new("http://127.0.0.1:8080/health/ready");

    public static bool IsRequested(string[] args) => args is [Command, ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length > 2 || (args.Length == 2 && !Uri.TryCreate(args[1], UriKind.Absolute, out _)))
        {
            await output.WriteLineAsync($"usage: IgfLive.Server {Command} [http://127.0.0.1:8080/health/ready]");
            return 2;
        }
        var address = args.Length == 2 ? new Uri(args[1]) : DefaultAddress;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(address);
            await output.WriteLineAsync($"{address}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{address}: no answer ({ex.Message})");
            return 1;
        }
    }
}
