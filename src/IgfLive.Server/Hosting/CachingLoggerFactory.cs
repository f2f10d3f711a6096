using System.Collections.Concurrent;

namespace IgfLive.Server.Hosting;

/// <summary>
/// Hands out one logger per category, as the framework's own logger factory does. Serilog's factory
/// builds a new logger (with its own event-id cache) on every <c>CreateLogger</c> call, and SignalR
/// asks for two for every connection: with 5,000 connections that was about 2.5 KiB of each
/// connection's memory held in loggers that all said the same thing (docs/benchmarks.md, P4).
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider)
    {
        inner.AddProvider(provider);
        // Loggers made before a provider was added would not reach it.
        _loggers.Clear();
    }

    public void Dispose() => inner.Dispose();
}
