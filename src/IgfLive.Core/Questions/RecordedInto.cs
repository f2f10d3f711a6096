namespace IgfLive.Core.Questions;

/// <summary>
/// Where a question a moderator records lands: the online moderator triages into the online queue;
/// the onsite moderator, who takes it from the room, puts it straight into the room's queue.
/// </summary>
public enum RecordedInto
{
    /// <summary>Approved, in the online moderator's queue.</summary>
    OnlineQueue,

    /// <summary>Approved and forwarded, in the onsite moderator's queue (never in the online one).</summary>
    OnsiteQueue,
}
