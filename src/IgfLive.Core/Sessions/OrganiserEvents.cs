namespace IgfLive.Core.Sessions;

/// <summary>A role's key was replaced: from this event on only the key with this hash opens the role.</summary>
public sealed record RoleKeyRotated(SessionRole Role, string KeyHash) : SessionEvent;
