using IgfLive.Server.Storage;

namespace IgfLive.Server.Access;

/// <summary>The two screens a room has a link for: what the room sees, and what its technician runs.</summary>
public enum RoomScreen
{
    /// <summary>The stage display: the current session's clock, and between sessions the next one.</summary>
    Stage,

    /// <summary>The room desk: the current and next session's clock and the onsite moderator's controls.</summary>
    Desk,
}

/// <summary>
/// The keys of each room's links. Made when a room is first saved, sealed with the servers' key ring
/// (as the sessions' keys are) so links.csv can give them again, and checked in constant time.
/// </summary>
public sealed class RoomKeys(RoleKeySeal seal)
{
    /// <summary><paramref name="rooms"/>, each one without keys given new ones.</summary>
    public IReadOnlyList<EventRoom> WithKeys(string eventId, IEnumerable<EventRoom> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        return [.. rooms.Select(room => room with
        {
            SealedStageKey = room.SealedStageKey ?? seal.Seal(Purpose(eventId, room.Id, RoomScreen.Stage), SecretKeys.NewKey()),
            SealedDeskKey = room.SealedDeskKey ?? seal.Seal(Purpose(eventId, room.Id, RoomScreen.Desk), SecretKeys.NewKey()),
        })];
    }

    /// <summary>The key of the room's link for <paramref name="screen"/>, or null when it has none (or the key ring cannot read it).</summary>
    public string? Key(string eventId, EventRoom room, RoomScreen screen)
    {
        ArgumentNullException.ThrowIfNull(room);
        var sealedKey = screen == RoomScreen.Stage ? room.SealedStageKey : room.SealedDeskKey;
        return sealedKey is null ? null : seal.Open(Purpose(eventId, room.Id, screen), sealedKey);
    }

    /// <summary>The screen <paramref name="key"/> opens in this room, or null when it opens none.</summary>
    public RoomScreen? Opens(string eventId, EventRoom room, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }
        RoomScreen? opens = null;
        // Both compared, always: the time taken says nothing about which one was close.
        foreach (var screen in (RoomScreen[])[RoomScreen.Stage, RoomScreen.Desk])
        {
            if (Key(eventId, room, screen) is { } own && SecretKeys.Matches(key, SecretKeys.Hash(own)))
            {
                opens = screen;
            }
        }
        return opens;
    }

    private static string Purpose(string eventId, string roomId, RoomScreen screen) => $"{eventId}/{roomId}/{screen}";
}
