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

public sealed record SessionListItem(string Id, string Title, DateTimeOffset StartsAt, string TimeZone, string? Room, string ParticipantCode);

public sealed record SessionSummary(SessionInfoDto Session, ClockDto Clock);

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
            links[Name(role)] = $"{baseUrl}/s/{record.Id}/{Path(role)}#key={Uri.EscapeDataString(key)}";
        }
        return links;
    }

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
