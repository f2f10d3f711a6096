using IgfLive.Core.Agenda;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Endpoints;

/// <summary>
/// The answer to POST /api/sessions. The role keys appear here once and are stored only as
/// hashes: the organiser must keep the links.
/// </summary>
public sealed record SessionCreatedResponse(
    string Id,
    string ParticipantCode,
    IReadOnlyDictionary<string, string> Links,
    IReadOnlyDictionary<string, string> Keys,
    SessionInfoDto Session,
    IReadOnlyList<UnreadLine> Unread);

/// <summary>One session in the organiser's list.</summary>
/// <param name="Status">The clock's status: NotStarted, Running, Paused or Ended.</param>
public sealed record SessionListItem(string Id, string Title, DateTimeOffset StartsAt, string TimeZone, string? Room, string ParticipantCode, DateTimeOffset CreatedAt, string Status);

public sealed record SessionSummary(SessionInfoDto Session, ClockDto Clock);

/// <summary>The answer to a key rotation: the role's new key and link, shown this once (only the key's hash is kept).</summary>
public sealed record RoleKeyResponse(string Role, string Key, string Link);

/// <summary>One link per role. Keys travel in the fragment, which browsers never send to a server or a referrer.</summary>
public static class RoleLinks
{
    public static IReadOnlyDictionary<string, string> For(string baseUrl, SessionRecord record, IReadOnlyDictionary<SessionRole, string> keys)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keys);
        var links = new Dictionary<string, string>
        {
            [Name(SessionRole.Participant)] = $"{baseUrl}/join/{record.ParticipantCode}",
        };
        foreach (var (role, key) in keys)
        {
            links[Name(role)] = Link(baseUrl, record, role, key);
        }
        return links;
    }

    /// <summary>The roles that have a secret key, and so a link that can be replaced.</summary>
    public static IReadOnlyList<SessionRole> Keyed { get; } = [SessionRole.OnlineModerator, SessionRole.OnsiteModerator, SessionRole.Rapporteur, SessionRole.Stage];

    public static string Link(string baseUrl, SessionRecord record, SessionRole role, string key)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"{baseUrl}/s/{record.Id}/{Path(role)}#key={Uri.EscapeDataString(key)}";
    }

    /// <summary>The role a link name stands for (as <see cref="Name"/> writes it, participant included), or null.</summary>
    public static SessionRole? Parse(string name) =>
        Enum.GetValues<SessionRole>().Select(r => (SessionRole?)r).FirstOrDefault(r => string.Equals(Name(r!.Value), name, StringComparison.Ordinal));

    public static string Name(SessionRole role) => role switch
    {
        SessionRole.OnlineModerator => "onlineModerator",
        SessionRole.OnsiteModerator => "onsiteModerator",
        SessionRole.Rapporteur => "rapporteur",
        SessionRole.Stage => "stage",
        _ => "participant",
    };

    private static string Path(SessionRole role) => role switch
    {
        SessionRole.OnlineModerator => "online",
        SessionRole.OnsiteModerator => "onsite",
        SessionRole.Rapporteur => "rapporteur",
        _ => "stage",
    };
}
