using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Hubs;

/// <summary>
/// Values kept in a SignalR connection's items for as long as the connection lives (hubs are made
/// anew for every call, so nothing may live in their fields), one per type: the type is the key, so
/// no two kinds of value can take each other's place.
/// </summary>
public static class ConnectionItems
{
    public static T? Get<T>(HubCallerContext context) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(typeof(T), out var value) ? value as T : null;
    }

    public static void Set<T>(HubCallerContext context, T value) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[typeof(T)] = value;
    }

    public static void Remove<T>(HubCallerContext context) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items.Remove(typeof(T));
    }
}
