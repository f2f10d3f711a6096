using System.Security.Cryptography;
using System.Text;

namespace IgfLive.Server.Access;

/// <summary>
/// Random secrets and their hashes. Keys carry 144 bits of randomness, so a single SHA-256 is
/// enough to make a stolen database useless; a slow password hash would only slow every join.
/// </summary>
public static class SecretKeys
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(18));

    public static string NewSessionId() => Base64Url(RandomNumberGenerator.GetBytes(9)).Replace('-', 'x').Replace('_', 'y');

    /// <summary>A short code people can read aloud or type on a phone.</summary>
    public static string NewParticipantCode() => RandomNumberGenerator.GetString(CodeAlphabet, 6);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string key, string hash) => SameHash(Hash(key), hash);

    /// <summary>Compares two key hashes in constant time, like every comparison of secrets here.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
