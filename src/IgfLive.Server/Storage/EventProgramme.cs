using System.Text.Json.Serialization;
using IgfLive.Core.Programme;
using IgfLive.Core.Sessions;

namespace IgfLive.Server.Storage;

/// <summary>
/// An event's rooms and its sessions as the last import left them. Each save names the version it
/// replaces, so two imports at once cannot both win.
/// </summary>
/// <param name="Version">0 for a new event's empty programme; each save adds one.</param>
/// <param name="Rooms">In the order they were first named (by the event's creation, then by imports).</param>
/// <param name="Slots">Every session of the event, by start, then room.</param>
public sealed record EventProgramme(long Version, IReadOnlyList<EventRoom> Rooms, IReadOnlyList<ProgrammeSlot> Slots);

/// <summary>A room of the event. <see cref="Id"/> is the room's name made fit for an address ("room-xxiv"), unique in the event.</summary>
/// <param name="SealedStageKey">
/// The key of the room's stage display link, sealed as <see cref="ProgrammeSlot.SealedKeys"/> are; null
/// only for a room stored before rooms had links, which its event's next save gives one.
/// </param>
/// <param name="SealedDeskKey">The key of the room desk link (the onsite technician's), sealed the same way.</param>
public sealed record EventRoom(
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SealedStageKey = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SealedDeskKey = null);

/// <summary>One session of the event: the programme entry it was made from and its role keys.</summary>
/// <param name="SealedKeys">
/// Each keyed role's current key, encrypted with the servers' shared data-protection key ring, so the
/// event's managers can download the links again (links.csv) without the store holding a usable key.
/// </param>
public sealed record ProgrammeSlot(string SessionId, string RoomId, ProgrammeEntry Entry, IReadOnlyDictionary<SessionRole, string> SealedKeys);

/// <summary>An event's record with its programme as stored.</summary>
public sealed record StoredEvent(EventRecord Record, EventProgramme Programme);
