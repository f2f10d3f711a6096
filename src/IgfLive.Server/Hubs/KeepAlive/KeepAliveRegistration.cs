using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Hubs.KeepAlive;

public static class KeepAliveRegistration
{
    /// <summary>
    /// Long enough that SignalR's own keep-alive never pings; the <see cref="KeepAlivePinger"/> does.
    /// (SignalR pings on its heartbeat whenever this much has passed since its last ping, whatever
    /// else was sent meanwhile, so leaving it on would double every ping.)
    /// </summary>
    public static readonly TimeSpan SignalRKeepAliveOff = TimeSpan.FromDays(1);

    /// <summary>
    /// Pings <typeparamref name="THub"/>'s connections with a <see cref="KeepAlivePinger"/> in place of
    /// SignalR's keep-alive. Call it after any other lifetime manager is added (it wraps whichever one
    /// is registered last) and after AddSignalR's options (it switches SignalR's keep-alive off).
    /// </summary>
    public static ISignalRServerBuilder AddSpreadKeepAlive<THub>(this ISignalRServerBuilder signalR) where THub : Hub
    {
        ArgumentNullException.ThrowIfNull(signalR);
        var services = signalR.Services;
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(HubLifetimeManager<>))?.ImplementationType
            ?? throw new InvalidOperationException("No SignalR lifetime manager is registered; call AddSignalR first.");
        var inner = registered.MakeGenericType(typeof(THub));
        services.AddSingleton(inner);
        services.AddSingleton<KeepAlivePinger>();
        services.AddHostedService(sp => sp.GetRequiredService<KeepAlivePinger>());
        services.AddSingleton<HubLifetimeManager<THub>>(sp => new KeepAliveHubLifetimeManager<THub>(
            (HubLifetimeManager<THub>)sp.GetRequiredService(inner), sp.GetRequiredService<KeepAlivePinger>()));
        services.Configure<HubOptions>(options => options.KeepAliveInterval = SignalRKeepAliveOff);
        return signalR;
    }
}
