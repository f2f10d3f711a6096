using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IgfLive.Server.Tests.Hosting;

/// <summary>The server's loggers: the framework's factory with Serilog behind it, and one logger per category however often one is asked for.</summary>
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
        // The framework's factory, with Serilog its one provider.
        Assert.Equal("Microsoft.Extensions.Logging.LoggerFactory", server.Services.GetRequiredService<ILoggerFactory>().GetType().FullName);
        var provider = Assert.Single(server.Services.GetServices<ILoggerProvider>());
        Assert.Equal("Serilog.Extensions.Logging.SerilogLoggerProvider", provider.GetType().FullName);
    }
}
