using System.Text.Json;
using IgfLive.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IgfLive.Server.Tests.Json;

/// <summary>
/// The JSON settings the server registers for its hub protocol and its HTTP API, read from the real
/// application built as the server builds it (never started: no port, no store opened).
/// </summary>
public sealed class ServerJsonFixture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("igflive-json-");

    public ServerJsonFixture()
    {
        _app = IgfLiveApp.Build(
        [
            "--environment", "Testing",
            $"--Storage:DataDirectory={_data.FullName}",
            "--IgfLive:OrganiserKey=test-organiser-key-0123456789",
            "--Serilog:MinimumLevel:Default=Warning",
        ]);
        Hub = _app.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        Http = _app.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        Protocol = new JsonHubProtocol(_app.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>());
    }

    /// <summary>What SignalR writes hub arguments and results with.</summary>
    public JsonSerializerOptions Hub { get; }

    /// <summary>What the minimal API endpoints write their results with.</summary>
    public JsonSerializerOptions Http { get; }

    /// <summary>The JSON hub protocol with the server's settings.</summary>
    public IHubProtocol Protocol { get; }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _data.Delete(recursive: true);
    }
}
