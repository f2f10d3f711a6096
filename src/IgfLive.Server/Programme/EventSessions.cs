using IgfLive.Core.Clock;
using IgfLive.Core.Sessions;
using IgfLive.Server.Access;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Programme;

/// <summary>
/// The sessions behind an event's programme: makes a slot's session, brings each session in line with
/// its slot after an import (made, moved, deleted), and reads back the keys of a slot's links.
/// </summary>
public sealed class EventSessions(SessionService sessions, IProgrammeStore programmes, RoleKeySeal seal, TimeProvider time)
{
    /// <summary>Each session's state, caught up, by id; null for one that does not exist (yet).</summary>
    public async Task<IReadOnlyDictionary<string, SessionState?>> StatesAsync(IEnumerable<string> sessionIds, CancellationToken cancellationToken)
    {
        var ids = sessionIds.Distinct(StringComparer.Ordinal).ToList();
        var states = await Task.WhenAll(ids.Select(id => sessions.GetStateAsync(id, cancellationToken)));
        return ids.Zip(states).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>A new slot for <paramref name="entry"/>, with a new session id and new keys, sealed; the session itself is made by <see cref="ReconcileAsync"/>.</summary>
    public ProgrammeSlot NewSlot(Core.Programme.ProgrammeEntry entry, string roomId)
    {
        var id = SecretKeys.NewSessionId();
        var keys = RoleLinks.Keyed.ToDictionary(role => role, role => seal.Seal(id, SecretKeys.NewKey()));
        return new ProgrammeSlot(id, roomId, entry, keys);
    }

    /// <summary>
    /// Makes every slot's session that does not exist, changes every not-started session whose
    /// definition is not its slot's, and deletes the sessions <paramref name="removed"/> names. Each step
    /// can be repeated, so an import interrupted after its programme was saved is completed by the next.
    /// </summary>
    public async Task ReconcileAsync(EventRecord record, EventProgramme programme, IEnumerable<ProgrammeSlot> removed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(programme);
        var states = await StatesAsync(programme.Slots.Select(s => s.SessionId), cancellationToken);
        foreach (var slot in programme.Slots)
        {
            var state = states[slot.SessionId];
            if (state is null)
            {
                await CreateAsync(record, slot, cancellationToken);
            }
            else if (state.Clock.Status == ClockStatus.NotStarted && !state.Deleted && !ProgrammeSessions.Describes(state.Definition, slot.Entry))
            {
                await sessions.ExecuteAsync(slot.SessionId, new RescheduleSession(ProgrammeSessions.Definition(slot.Entry, record.TimeZone)), cancellationToken);
            }
        }
        foreach (var slot in removed)
        {
            // Refused for a session that started meanwhile: it stays, out of the programme, reachable by its links.
            await sessions.ExecuteAsync(slot.SessionId, new DeleteSession(), cancellationToken);
        }
    }

    /// <summary>The slot's current keys, by role, for its links; a key whose hash is not the session's current one (rotated elsewhere) is left out.</summary>
    public IReadOnlyDictionary<SessionRole, string> Keys(ProgrammeSlot slot, SessionRecord session, SessionState state)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var current = RoleResolver.CurrentKeys(session, state).ToDictionary(k => k.Role, k => k.Hash);
        var keys = new Dictionary<SessionRole, string>();
        foreach (var (role, sealedKey) in slot.SealedKeys)
        {
            if (seal.Open(slot.SessionId, sealedKey) is { } key && current.TryGetValue(role, out var hash) && SecretKeys.Matches(key, hash))
            {
                keys[role] = key;
            }
        }
        return keys;
    }

    /// <summary>
    /// Seals a rotated key into the session's slot, so links.csv gives the new link. Retried when an import
    /// saves the programme meanwhile; a session no longer in the programme has nothing to update.
    /// </summary>
    public async Task RememberKeyAsync(string eventId, string sessionId, SessionRole role, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await programmes.FindAsync(eventId, cancellationToken) is not { Programme: var programme }
                || programme.Slots.FirstOrDefault(s => s.SessionId == sessionId) is not { } slot)
            {
                return;
            }
            var keys = new Dictionary<SessionRole, string>(slot.SealedKeys) { [role] = seal.Seal(sessionId, key) };
            var slots = programme.Slots.Select(s => s == slot ? s with { SealedKeys = keys } : s).ToList();
            if (await programmes.SaveAsync(eventId, programme with { Version = programme.Version + 1, Slots = slots }, cancellationToken))
            {
                return;
            }
        }
        throw new InvalidOperationException($"The programme of {eventId} kept changing; the new key of {sessionId} is valid but links.csv does not show it.");
    }

    private async Task CreateAsync(EventRecord record, ProgrammeSlot slot, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<SessionRole, string>();
        foreach (var (role, sealedKey) in slot.SealedKeys)
        {
            hashes[role] = SecretKeys.Hash(seal.Open(slot.SessionId, sealedKey)
                ?? throw new InvalidOperationException($"The key of {slot.SessionId} for {role} cannot be read: the data-protection key ring is not the one that sealed it."));
        }
        var definition = ProgrammeSessions.Definition(slot.Entry, record.TimeZone);
        // A clash of random codes is rare but possible: try a few; a taken id is this slot's session, made by an earlier try.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var session = new SessionRecord(
                slot.SessionId, SecretKeys.NewParticipantCode(), hashes, definition.Title, definition.StartsAt, definition.TimeZone, definition.Room, time.GetUtcNow(), record.Id);
            if (await sessions.CreateAsync(session, definition, cancellationToken) || await sessions.FindAsync(slot.SessionId, cancellationToken) is not null)
            {
                return;
            }
        }
        throw new InvalidOperationException($"Could not allocate a participant code for {slot.SessionId}.");
    }
}
