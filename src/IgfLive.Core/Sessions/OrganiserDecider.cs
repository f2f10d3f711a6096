using IgfLive.Core.Clock;

namespace IgfLive.Core.Sessions;

/// <summary>Decides what the organiser does to a session as a whole, beside its agenda and questions.</summary>
internal static class OrganiserDecider
{
    /// <summary>A SHA-256 written as lowercase hexadecimal, the way the server hashes keys.</summary>
    private const int KeyHashLength = 64;

    public static Decision Decide(SessionState state, SessionCommand command) => command switch
    {
        RotateRoleKey c => Rotate(c),
        // Once the clock has run, the session happened: its log is the record of it, and stays reachable.
        DeleteSession => state.Clock.Status == ClockStatus.NotStarted
            ? Decision.Accept(new SessionDeleted())
            : Decision.Reject(RejectionCode.IllegalTransition, "The session has started; it can no longer be deleted."),
        // A session under way keeps its time and room: the people in it are already there.
        RescheduleSession c => state.Clock.Status == ClockStatus.NotStarted
            ? Decision.Accept(new SessionRescheduled(c.Definition))
            : Decision.Reject(RejectionCode.IllegalTransition, "The session has started; the programme can no longer move it."),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not an organiser command."),
    };

    private static Decision Rotate(RotateRoleKey c)
    {
        if (c.Role == SessionRole.Participant)
        {
            return Decision.Reject(RejectionCode.InvalidInput, "Participants join with the public participant code; there is no participant key to replace.");
        }
        if (!Enum.IsDefined(c.Role))
        {
            return Decision.Reject(RejectionCode.InvalidInput, $"{(int)c.Role} is not a role.");
        }
        return c.KeyHash is { Length: KeyHashLength } hash && hash.All(char.IsAsciiHexDigitLower)
            ? Decision.Accept(new RoleKeyRotated(c.Role, hash))
            : Decision.Reject(RejectionCode.InvalidInput, $"A key hash is {KeyHashLength} lowercase hexadecimal characters.");
    }
}
