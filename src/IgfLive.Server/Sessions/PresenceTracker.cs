using System.Collections.Concurrent;
using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Sessions;

/// <summary>Counts participants online per session on this node and keeps the peak in the store for the report.</summary>
public sealed class PresenceTracker(ISessionStore store, SessionBroadcaster broadcaster)
{
    private readonly ConcurrentDictionary<string, int> _online = new(StringComparer.Ordinal);

    public int Online(string sessionId) => _online.TryGetValue(sessionId, out var n) ? n : 0;

    public async Task<PresenceDto> CurrentAsync(string sessionId, CancellationToken cancellationToken)
    {
        var peak = await store.GetPeakPresenceAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var online = Online(sessionId);
        return new PresenceDto(online, Math.Max(peak, online));
    }

    public Task ArrivedAsync(string sessionId) => ChangeAsync(sessionId, +1);

    public Task LeftAsync(string sessionId) => ChangeAsync(sessionId, -1);

    private async Task ChangeAsync(string sessionId, int delta)
    {
        var online = _online.AddOrUpdate(sessionId, Math.Max(delta, 0), (_, n) => Math.Max(n + delta, 0));
        var peak = delta > 0
            ? await store.RecordPresenceAsync(sessionId, online, CancellationToken.None).ConfigureAwait(false)
            : await store.GetPeakPresenceAsync(sessionId, CancellationToken.None).ConfigureAwait(false);
        await broadcaster.PresenceAsync(sessionId, new PresenceDto(online, Math.Max(peak, online))).ConfigureAwait(false);
    }
}
