using System.Globalization;
using CsvHelper;
using IgfLive.Core.Sessions;
using IgfLive.Server.Access;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Programme;

/// <summary>
/// links.csv: one row per session and role (the participant's public link, then each role's secret
/// link), with the session's room and local start, ready for a mail merge; then each room's stage
/// display and room desk links (roles roomStage and roomDesk). Cells a spreadsheet would run as a
/// formula are escaped.
/// </summary>
public sealed class EventLinksCsv(EventSessions eventSessions, Sessions.SessionService sessions, RoomKeys roomKeys)
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    private static readonly string[] Header = ["session", "session_id", "external_id", "room", "start", "role", "link"];

    /// <summary>A room's stage display or desk link: /e/{event}/rooms/{room}/stage (or desk), the key in the fragment.</summary>
    public static string RoomLink(string baseUrl, string eventId, string roomId, RoomScreen screen, string key) =>
        $"{baseUrl}/e/{eventId}/rooms/{roomId}/{(screen == RoomScreen.Stage ? "stage" : "desk")}#key={Uri.EscapeDataString(key)}";

    public async Task<string> WriteAsync(StoredEvent stored, string baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var (record, programme) = stored;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(record.TimeZone);
        var states = await eventSessions.StatesAsync(programme.Slots.Select(s => s.SessionId), cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var slot in programme.Slots)
            {
                if (states[slot.SessionId] is not { Deleted: false } state || await sessions.FindAsync(slot.SessionId, cancellationToken) is not { } session)
                {
                    continue;
                }
                var keys = eventSessions.Keys(slot, session, state);
                var start = TimeZoneInfo.ConvertTime(state.Definition.StartsAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var links = RoleLinks.For(baseUrl, session, keys);
                foreach (var role in (SessionRole[])[SessionRole.Participant, .. RoleLinks.Keyed])
                {
                    // A key rotated since the last import is shown only once, by the rotation; its row says so.
                    var link = links.TryGetValue(RoleLinks.Name(role), out var l) ? l : "(replaced: use the link given when the key was rotated)";
                    csv.WriteRecord([state.Definition.Title, session.Id, slot.Entry.ExternalId, state.Definition.Room ?? string.Empty, start, RoleLinks.Name(role), link]);
                }
            }
            foreach (var room in programme.Rooms)
            {
                foreach (var (screen, role) in (ReadOnlySpan<(RoomScreen, string)>)[(RoomScreen.Stage, "roomStage"), (RoomScreen.Desk, "roomDesk")])
                {
                    if (roomKeys.Key(record.Id, room, screen) is { } key)
                    {
                        csv.WriteRecord([string.Empty, string.Empty, string.Empty, room.Name, string.Empty, role, RoomLink(baseUrl, record.Id, room.Id, screen, key)]);
                    }
                }
            }
        }
        return text.ToString();
    }
}
