using IgfLive.Core.Sessions;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Access;

/// <summary>Tells which role a key opens in a session: a role's secret key, or the public participant code.</summary>
public static class RoleResolver
{
    /// <summary>
    /// The role <paramref name="key"/> opens, checked against each role's current key: the one it was
    /// given at creation (in the record) unless <paramref name="state"/> records a replacement. Without a
    /// state only the record's keys count.
    /// </summary>
    public static SessionRole? Resolve(SessionRecord session, SessionState? state, string? key)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }
        foreach (var (role, hash) in session.KeyHashes)
        {
            if (SecretKeys.Matches(key, CurrentHash(state, role, hash)))
            {
                return role;
            }
        }
        return string.Equals(key.Trim(), session.ParticipantCode, StringComparison.OrdinalIgnoreCase)
            ? SessionRole.Participant
            : null;
    }

    /// <summary>The hash of the role's current key: <paramref name="created"/> unless <paramref name="state"/> records a replacement.</summary>
    public static string CurrentHash(SessionState? state, SessionRole role, string created) =>
        state is not null && state.RotatedKeyHashes.TryGetValue(role, out var rotated) ? rotated : created;

    /// <summary>Each keyed role with the hash of its current key.</summary>
    public static IEnumerable<(SessionRole Role, string Hash)> CurrentKeys(SessionRecord session, SessionState state)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.KeyHashes.Select(k => (k.Key, CurrentHash(state, k.Key, k.Value)));
    }
}
