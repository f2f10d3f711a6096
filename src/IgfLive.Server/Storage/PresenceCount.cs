namespace IgfLive.Server.Storage;

/// <summary>Participants of a session online now across every node, and the most there have been at once.</summary>
public sealed record PresenceCount(int Online, int Peak)
{
    public static PresenceCount None { get; } = new(0, 0);
}
