using System.Globalization;
using System.Text;

namespace IgfLive.RawBroadcast;

/// <summary>One session's members, each with its own queue of formatted broadcasts.</summary>
public sealed class Room(int payloadBytes)
{
    private static readonly byte[] Prefix = "{\"type\":1,\"target\":\"EventsRecorded\",\"arguments\":[["u8.ToArray();
    private static readonly byte[] Suffix = "]]}\u001e"u8.ToArray();

    private readonly HashSet<RawConnection> _members = [];
    private readonly List<byte[]> _log = [];

    public long Version
    {
        get
        {
            lock (_members)
            {
                return _log.Count;
            }
        }
    }

    public void Add(RawConnection connection)
    {
        lock (_members)
        {
            _members.Add(connection);
        }
    }

    public void Remove(RawConnection connection)
    {
        lock (_members)
        {
            _members.Remove(connection);
        }
    }

    /// <summary>Appends an event and queues it to every member; returns its sequence number.</summary>
    public long Broadcast()
    {
        lock (_members)
        {
            var (seq, @event) = Append();
            var message = new byte[Prefix.Length + @event.Length + Suffix.Length];
            Prefix.CopyTo(message, 0);
            @event.CopyTo(message, Prefix.Length);
            Suffix.CopyTo(message, Prefix.Length + @event.Length);
            foreach (var member in _members)
            {
                member.Enqueue(message);
            }
            return seq;
        }
    }

    /// <summary>Numbers and formats the next event and keeps it for resyncs; the caller sends it.</summary>
    public (long Sequence, byte[] Event) Append()
    {
        lock (_members)
        {
            var seq = _log.Count + 1L;
            var head = string.Create(CultureInfo.InvariantCulture, $"{{\"seq\":{seq},\"at\":\"{DateTimeOffset.UtcNow:O}\",\"type\":\"SegmentAdjusted\",\"data\":{{\"pad\":\"");
            const string tail = "\"}}";
            var pad = Math.Max(0, payloadBytes - Prefix.Length - Suffix.Length - head.Length - tail.Length);
            var @event = Encoding.UTF8.GetBytes(head + new string('x', pad) + tail);
            _log.Add(@event);
            return (seq, @event);
        }
    }

    /// <summary>The events after <paramref name="after"/>, as a JSON array.</summary>
    public byte[] Since(long after)
    {
        lock (_members)
        {
            var events = _log.Skip((int)Math.Max(after, 0)).ToList();
            var size = 2 + events.Sum(e => e.Length + 1);
            var bytes = new byte[size];
            bytes[0] = (byte)'[';
            var at = 1;
            for (var i = 0; i < events.Count; i++)
            {
                if (i > 0)
                {
                    bytes[at++] = (byte)',';
                }
                events[i].CopyTo(bytes, at);
                at += events[i].Length;
            }
            bytes[at++] = (byte)']';
            return bytes[..at];
        }
    }
}
