using Serilog;
using Serilog.Formatting.Compact;

namespace IgfLive.Server.Hosting;

/// <summary>Serilog, configured once: readable console in Development, compact JSON elsewhere.</summary>
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddIgfLiveLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            // Defaults first, so that configuration (Serilog:MinimumLevel:Override:<category>) can change any of them.
            logger
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
            if (development)
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
        CacheLoggers(builder.Services);
        return builder;
    }

    /// <summary>Wraps the logger factory <c>AddSerilog</c> registered in a <see cref="CachingLoggerFactory"/>.</summary>
    private static void CacheLoggers(IServiceCollection services)
    {
        var serilog = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var create = serilog.ImplementationFactory
            ?? throw new InvalidOperationException("AddSerilog no longer registers its logger factory through a factory method.");
        services.Remove(serilog);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory((ILoggerFactory)create(provider)));
    }
}
