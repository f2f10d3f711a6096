using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace IgfLive.RawBroadcast;

/// <summary>
/// Rooms by session id. A broadcast numbers the event, formats it once (padded to the payload
/// size of a typical IgfLive event batch) and queues the same bytes to every member.
/// </summary>
public sealed class Rooms(int payloadBytes)
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    public Room Get(string id) => _rooms.GetOrAdd(id, _ => new Room(payloadBytes));
}
