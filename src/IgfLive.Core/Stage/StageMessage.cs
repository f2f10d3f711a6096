namespace IgfLive.Core.Stage;

/// <summary>A short message from a moderator to the speakers' stage display, shown until cleared.</summary>
/// <param name="Pinned">Shown until cleared by hand; an unpinned message also goes when the clock moves to another segment or speaker, or the session ends.</param>
public sealed record StageMessage(string Id, string Text, DateTimeOffset SentAt, DateTimeOffset? AcknowledgedAt, bool Pinned);
