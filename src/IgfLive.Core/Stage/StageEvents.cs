using IgfLive.Core.Sessions;

namespace IgfLive.Core.Stage;

/// <summary>A new stage message; it replaces the one shown before, if any.</summary>
public sealed record StageMessageSent(string MessageId, string Text) : SessionEvent;

/// <summary>The stage display confirmed the message is on screen.</summary>
public sealed record StageMessageAcknowledged(string MessageId) : SessionEvent;

public sealed record StageMessageCleared(string MessageId) : SessionEvent;
