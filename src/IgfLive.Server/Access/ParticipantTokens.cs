using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace IgfLive.Server.Access;

/// <summary>
/// Gives each participant a stable, unforgeable identity per session, so "one vote per
/// participant" and "only the author may withdraw" hold across reconnects without accounts.
/// </summary>
public sealed class ParticipantTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("IgfLive.ParticipantToken.v1");

    public string Issue(string sessionId, string participantId) => _protector.Protect($"{sessionId}|{participantId}");

    /// <summary>The participant id inside a token issued for this session, or null when it is not one.</summary>
    public string? Read(string sessionId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var value = _protector.Unprotect(token);
            var bar = value.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && value[..bar] == sessionId ? value[(bar + 1)..] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string NewParticipantId() => Guid.NewGuid().ToString("N");
}
