using System.Security.Cryptography;
using System.Text;
using IgfLive.Core.Sessions;
using IgfLive.Server.Hosting;
using IgfLive.Server.Storage;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Access;

/// <summary>Checks "Authorization: Bearer …" against the organiser key, or a session's staff keys.</summary>
public sealed class OrganiserAccess(IOptions<IgfLiveOptions> options)
{
    public bool IsOrganiser(HttpRequest request) => IsOrganiserKey(BearerOf(request));

    /// <summary>Whether <paramref name="key"/> is the organiser key (compared in constant time).</summary>
    public bool IsOrganiserKey(string? key)
    {
        var expected = options.Value.OrganiserKey;
        return key is not null
            && expected is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>The organiser, or someone holding a moderator's or the rapporteur's current key for this session.</summary>
    public bool IsOrganiserOrStaff(HttpRequest request, SessionRecord session, SessionState state)
    {
        if (IsOrganiser(request))
        {
            return true;
        }
        return RoleResolver.Resolve(session, state, BearerOf(request)) is SessionRole.OnlineModerator or SessionRole.OnsiteModerator or SessionRole.Rapporteur;
    }

    /// <summary>The key in "Authorization: Bearer …", or null.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}
