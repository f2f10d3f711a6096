using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace IgfLive.Server.Access;

/// <summary>
/// Keeps an event's role keys readable by the servers only, so its managers can download the links
/// again: each key is encrypted with the data-protection key ring every node shares (in Redis for a
/// cluster), and checked against the session's key hash when it is read back.
/// </summary>
public sealed class RoleKeySeal(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("IgfLive.RoleKey.v1");

    public string Seal(string sessionId, string key) => _protector.Protect($"{sessionId}|{key}");

    /// <summary>The key sealed for this session, or null when <paramref name="sealedKey"/> is not one (another session's, a lost key ring).</summary>
    public string? Open(string sessionId, string sealedKey)
    {
        try
        {
            var value = _protector.Unprotect(sealedKey);
            var bar = value.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && value[..bar] == sessionId ? value[(bar + 1)..] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
