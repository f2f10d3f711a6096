using IgfLive.Server.Endpoints;
using IgfLive.Server.Hubs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serilog;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace IgfLive.Server.Hosting;

/// <summary>Builds the application; Program.cs and the test host both start here, so tests run the real thing.</summary>
public static partial class IgfLiveApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = BuiltWebRoot() });
        builder.AddIgfLiveLogging();
        builder.Services.AddIgfLive(builder.Configuration, builder.Environment);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseViews();
        app.UseWebSockets();
        app.MapIgfLive();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceOrganiserKey(app));
        return app;
    }

    /// <summary>
    /// The browser views are copied beside the built server (<c>bin/…/wwwroot</c>). Started from
    /// another directory — <c>deploy/local-cluster.sh</c> runs the server from the repository root —
    /// the content root has no wwwroot, and the one beside the server is served instead.
    /// </summary>
    private static string? BuiltWebRoot()
    {
        var here = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot");
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return !Directory.Exists(here) && Directory.Exists(beside) ? beside : null;
    }

    public static IEndpointRouteBuilder MapIgfLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<SessionHub>("/hubs/session");
        app.MapHub<EventHub>("/hubs/event");
        app.MapAgendaEndpoints();
        app.MapSessionEndpoints();
        app.MapEventEndpoints();
        app.MapViews();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    private static void AnnounceOrganiserKey(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<IgfLiveOptions>>().Value;
        if (options.OrganiserKeyGenerated)
        {
            // Development only: the developer needs this key to create a session with curl.
            Log.OrganiserKeyGenerated(app.Logger, options.OrganiserKey!);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "No IgfLive:OrganiserKey is configured; the Development organiser key (kept in the data directory) is {OrganiserKey}")]
        public static partial void OrganiserKeyGenerated(ILogger logger, string organiserKey);
    }
}
