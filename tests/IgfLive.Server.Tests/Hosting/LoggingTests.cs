using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IgfLive.Server.Tests.Hosting;

/// <summary>The server's loggers: Serilog behind them, and one per category however often one is asked for.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task EachCategoryHasOneLoggerSoConnectionsDoNotEachHoldTheirOwn()
    {
        await using var server = await TestServer.StartAsync();
        var factory = server.Services.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionContext");
        var again = factory.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionContext");
        var other = factory.CreateLogger("Microsoft.AspNetCore.Http.Connections.Internal.HttpConnectionContext");

        Assert.Same(first, again);
        Assert.NotSame(first, other);
    }

    [Fact]
    public async Task TheLoggersAreSerilogsAndFollowItsConfiguredLevels()
    {
        // The test server sets Serilog:MinimumLevel:Default=Warning.
        await using var server = await TestServer.StartAsync();
        var logger = server.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IgfLive.Tests");

        Assert.True(logger.IsEnabled(LogLevel.Warning));
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.Equal("Serilog.Extensions.Logging.SerilogLogger", logger.GetType().FullName);
    }
}
