namespace IgfLive.Core.Stage;

/// <summary>A short message from a moderator to the speakers' stage display, shown until cleared.</summary>
public sealed record StageMessage(string Id, string Text, DateTimeOffset SentAt, DateTimeOffset? AcknowledgedAt);
