using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;
using static IgfLive.Server.Sessions.StoreCalls;

namespace IgfLive.Server.Sessions;

/// <summary>
/// The store's sessions taken together, for whatever looks at many of them at once: one question to
/// the store for the length of every log, and only the logs that moved since this node last looked
/// are read. The states are the ones <see cref="SessionService"/> holds, caught up.
/// </summary>
public sealed class SessionDirectory(ISessionCatalog catalog, IEventLog log, SessionService sessions, TimeProvider time)
{
    /// <summary>Sessions scheduled to start longer ago than this are not watched for cues unless someone uses them.</summary>
    public static readonly TimeSpan ActiveHorizon = TimeSpan.FromDays(2);

    /// <summary>
    /// Loads, or catches up, every session in the store whose clock may still run, so this node
    /// watches its cues whichever node created it or runs its commands. Every node does this, so a
    /// node that dies leaves no session unwatched. Ended and deleted sessions are left as they are.
    /// </summary>
    public async Task LoadActiveAsync(CancellationToken cancellationToken)
    {
        var records = await Guard(() => catalog.ListAsync(cancellationToken)).ConfigureAwait(false);
        var horizon = time.GetUtcNow() - ActiveHorizon;
        var active = records.Where(r => r.StartsAt >= horizon && sessions.Remember(r) is not ({ Clock.Status: ClockStatus.Ended } or { Deleted: true })).ToList();
        await CatchUpAsync(active, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every session in the store (by scheduled start) with its state caught up; deleted ones included.</summary>
    public async Task<IReadOnlyList<(SessionRecord Record, SessionState State)>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await Guard(() => catalog.ListAsync(cancellationToken)).ConfigureAwait(false);
        var states = await CatchUpAsync([.. records], cancellationToken).ConfigureAwait(false);
        return [.. records.Zip(states)];
    }

    /// <summary>The state of each session of <paramref name="records"/>, in their order, caught up with the store.</summary>
    private async Task<IReadOnlyList<SessionState>> CatchUpAsync(List<SessionRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }
        var last = await Guard(() => log.LastSequencesAsync([.. records.Select(r => r.Id)], cancellationToken)).ConfigureAwait(false);
        var states = new List<SessionState>(records.Count);
        foreach (var record in records)
        {
            var held = sessions.Remember(record);
            states.Add(held is not null && last.GetValueOrDefault(record.Id) <= held.Version
                ? held
                : (await sessions.GetStateAsync(record.Id, cancellationToken).ConfigureAwait(false))!);
        }
        return states;
    }
}
