namespace IgfLive.Server.Sessions;

/// <summary>
/// This node's connections per participant and session, and whether the participant has asked
/// (become an author) here, so that their connections belong in their own group.
/// </summary>
/// <remarks>
/// Only this node's connections are known: a participant's tab on another node is put in their
/// group when it next joins, because joining looks for questions of theirs in the session.
/// </remarks>
internal sealed class ParticipantConnections
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Session, string Participant), Entry> _entries = [];

    /// <summary>Records the connection; true when the participant is an author here (the connection belongs in their group).</summary>
    public bool Arrived(string sessionId, string participantId, string connectionId)
    {
        lock (_gate)
        {
            var entry = EntryOf(sessionId, participantId);
            if (!entry.Connections.Contains(connectionId))
            {
                entry.Connections.Add(connectionId);
            }
            return entry.Author;
        }
    }

    /// <summary>Marks the participant an author here; returns the connections to put in their group (none when already marked).</summary>
    public string[] BecameAuthor(string sessionId, string participantId)
    {
        lock (_gate)
        {
            var entry = EntryOf(sessionId, participantId);
            if (entry.Author)
            {
                return [];
            }
            entry.Author = true;
            return [.. entry.Connections];
        }
    }

    public void Left(string sessionId, string participantId, string connectionId)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((sessionId, participantId), out var entry) && entry.Connections.Remove(connectionId) && entry.Connections.Count == 0)
            {
                _entries.Remove((sessionId, participantId));
            }
        }
    }

    private Entry EntryOf(string sessionId, string participantId)
    {
        if (!_entries.TryGetValue((sessionId, participantId), out var entry))
        {
            _entries[(sessionId, participantId)] = entry = new Entry();
        }
        return entry;
    }

    /// <remarks>
    /// A participant has one connection here, or a few (tabs): a list of one costs a fifth of a set
    /// of one, and this entry lives as long as every participant's connection does.
    /// </remarks>
    private sealed class Entry
    {
        public List<string> Connections { get; } = new(1);

        public bool Author { get; set; }
    }
}
