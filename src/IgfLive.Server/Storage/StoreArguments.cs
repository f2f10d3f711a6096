using IgfLive.Core.Sessions;

namespace IgfLive.Server.Storage;

/// <summary>
/// The argument checks every store makes before touching its data, written once so the stores
/// cannot drift apart. A failed check is a programming error: it throws an
/// <see cref="ArgumentException"/> and nothing is read or written.
/// </summary>
internal static class StoreArguments
{
    public static void Session(string sessionId) => ArgumentNullException.ThrowIfNull(sessionId);

    public static void Sessions(IReadOnlyCollection<string> sessionIds) => ArgumentNullException.ThrowIfNull(sessionIds);

    public static void Code(string participantCode) => ArgumentNullException.ThrowIfNull(participantCode);

    /// <summary>A new session's record and the first event of its log, which must be sequence 1.</summary>
    public static void Create(SessionRecord session, RecordedEvent created)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(created);
        if (created.Sequence != 1)
        {
            throw new ArgumentException($"A session's log starts at sequence 1, not {created.Sequence}.", nameof(created));
        }
    }

    /// <summary>At least one event, numbered <paramref name="expectedVersion"/> + 1, + 2, … with no gap.</summary>
    public static void Append(string sessionId, long expectedVersion, IReadOnlyList<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (events.Count == 0)
        {
            throw new ArgumentException("There is nothing to append.", nameof(events));
        }
        for (var i = 0; i < events.Count; i++)
        {
            var wanted = expectedVersion + 1 + i;
            if (events[i] is null || events[i].Sequence != wanted)
            {
                throw new ArgumentException(
                    $"Appending after {expectedVersion}, event {i} must have sequence {wanted}, not {events[i]?.Sequence}.", nameof(events));
            }
        }
    }

    public static void Event(string eventId) => ArgumentNullException.ThrowIfNull(eventId);

    /// <summary>A new event, whose first programme is version 0.</summary>
    public static void CreateEvent(EventRecord record, EventProgramme programme)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(programme);
        if (programme.Version != 0)
        {
            throw new ArgumentException($"A new event's programme is version 0, not {programme.Version}.", nameof(programme));
        }
    }

    /// <summary>A programme that replaces a stored one, so its version is at least 1.</summary>
    public static void SaveProgramme(string eventId, EventProgramme programme)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(programme.Version);
    }

    /// <summary>A node's report: a named node, a count that is not negative, and a lease that has not already run out.</summary>
    public static void Presence(string sessionId, string nodeId, int online, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        ArgumentOutOfRangeException.ThrowIfNegative(online);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
    }

    /// <summary>A snapshot folds at least the first event, and has a state.</summary>
    public static void Snapshot(string sessionId, long version, string state)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
    }
}
