namespace IgfLive.Core.Sessions;

/// <summary>A role's key was replaced: from this event on only the key with this hash opens the role.</summary>
public sealed record RoleKeyRotated(SessionRole Role, string KeyHash) : SessionEvent;

/// <summary>The organiser deleted a session that had not started; every later command is refused.</summary>
public sealed record SessionDeleted : SessionEvent;

/// <summary>The event's programme changed a session before it started (time, room, title, agenda): it is now <see cref="Definition"/>; its questions, notes and keys stay.</summary>
public sealed record SessionRescheduled(SessionDefinition Definition) : SessionEvent;
