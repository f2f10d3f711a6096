using IgfLive.Server.Hosting;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// The real server, in this process, on a real Kestrel socket on a free loopback port, with its
/// own data directory. Only the clock may be swapped — tests about time use a fake one so they
/// never wait for real minutes to pass — and the scheduler that runs the writing to clients, so a
/// test can hold it back and line broadcasts up; and a hub filter may be added inside the server's
/// own, so a test can make a call fail in a way the server does not expect.
/// </summary>
public sealed class TestServer : IServerUnderTest, IAsyncDisposable
{
    public const string OrganiserKey = "test-organiser-key-0123456789";

    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;

    private TestServer(WebApplication app, string dataDirectory, bool ownsDirectory, Uri address, FakeTimeProvider? time)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        Address = address;
        Time = time;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    /// <summary>The fake clock, when the server was started with one.</summary>
    public FakeTimeProvider? Time { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestServer> StartAsync(FakeTimeProvider? time = null, string? dataDirectory = null, IDictionary<string, string?>? settings = null, PipeScheduler? deliveryScheduler = null, IHubFilter? innerHubFilter = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("igflive-test-").FullName;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Testing",
            $"--Storage:DataDirectory={dataDirectory}",
            $"--IgfLive:OrganiserKey={OrganiserKey}",
            "--Serilog:MinimumLevel:Default=Warning",
            .. (settings ?? new Dictionary<string, string?>()).Select(kv => $"--{kv.Key}={kv.Value}"),
        ];
        var app = IgfLiveApp.Build(args, builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton<TimeProvider>(time);
            }
            if (deliveryScheduler is not null)
            {
                builder.Services.AddSingleton(deliveryScheduler);
            }
            if (innerHubFilter is not null)
            {
                // Configured after the server's own filters, so it runs inside them.
                builder.Services.Configure<HubOptions>(options => options.AddFilter(innerHubFilter));
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, dataDirectory, owns, new Uri(address), time);
    }

    public HttpClient CreateHttpClient(string? bearer = OrganiserKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDirectory)
        {
            TryDelete(DataDirectory);
        }
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; failing a test over it is not.
        }
    }
}
