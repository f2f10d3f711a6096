using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Access;

/// <summary>Tells which role a key opens in a session: a role's secret key, or the public participant code.</summary>
public static class RoleResolver
{
    public static SessionRole? Resolve(SessionRecord session, string? key)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }
        foreach (var (role, hash) in session.KeyHashes)
        {
            if (SecretKeys.Matches(key, hash))
            {
                return role;
            }
        }
        return string.Equals(key.Trim(), session.ParticipantCode, StringComparison.OrdinalIgnoreCase)
            ? SessionRole.Participant
            : null;
    }
}
