using Serilog;
using Serilog.Extensions.Hosting;
using Serilog.Formatting.Compact;

namespace IgfLive.Server.Hosting;

/// <summary>
/// Serilog, configured once, as the one provider of the framework's logger factory: readable console
/// in Development, compact JSON elsewhere. The framework's factory hands out one logger per category
/// (SignalR asks for two on every connection); Serilog's levels alone decide what is written.
/// </summary>
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddIgfLiveLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logger = new LoggerConfiguration()
            // Defaults first, so that configuration (Serilog:MinimumLevel:Override:<category>) can change any of them.
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
            // Polly reports every store call at Information (two lines per Redis round trip: an
            // IGF day's commands wrote 700 lines a second). Retries and an open circuit are
            // Warning and above, and those still show.
            .MinimumLevel.Override("Polly", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "IgfLive");
        if (builder.Environment.IsDevelopment())
        {
            logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            logger.WriteTo.Console(new RenderedCompactJsonFormatter());
        }
        var serilog = logger.CreateLogger();
        builder.Logging.ClearProviders()
            .SetMinimumLevel(LogLevel.Trace)
            .AddSerilog(serilog, dispose: true);
        // The request logging middleware's per-request properties.
        var diagnostics = new DiagnosticContext(serilog);
        builder.Services.AddSingleton(diagnostics);
        builder.Services.AddSingleton<IDiagnosticContext>(diagnostics);
        return builder;
    }
}
