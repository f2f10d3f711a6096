using IgfLive.Core.Sessions;

namespace IgfLive.Core.Stage;

/// <summary>A new stage message; it replaces the one shown before, if any.</summary>
/// <param name="Pinned">Stays when the floor moves on; an unpinned message is cleared with the segment or speaker it was about.
/// Events recorded before messages could be pinned read as unpinned.</param>
public sealed record StageMessageSent(string MessageId, string Text, bool Pinned = false) : SessionEvent;

/// <summary>The stage display confirmed the message is on screen.</summary>
public sealed record StageMessageAcknowledged(string MessageId) : SessionEvent;

public sealed record StageMessageCleared(string MessageId) : SessionEvent;
