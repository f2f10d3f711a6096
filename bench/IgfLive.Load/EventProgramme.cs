using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace IgfLive.Load;

/// <summary>
/// The event scenario's programme: an event created over HTTP, a CSV of many sessions in its rooms
/// over several days imported (timed, preview and commit), and each room's first session's keys
/// read back from <c>links.csv</c>, as a secretariat does it.
/// </summary>
internal sealed class EventProgramme(Harness harness)
{
    /// <summary>Sessions a room holds a day: 90-minute slots two hours apart.</summary>
    private const int SlotsPerDay = 4;

    public string EventId { get; private set; } = "";

    public string EventKey { get; private set; } = "";

    /// <summary>Creates the event; every room's first slot has started a minute ago (UTC, the venue's zone).</summary>
    public async Task CreateAsync(int rooms)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/events", harness.Options.OrganiserKey!,
            new StringContent(JsonSerializer.Serialize(new { title = "Load event", timeZone = "UTC", rooms = Rooms(rooms) }), Encoding.UTF8, "application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        EventId = json.RootElement.GetProperty("id").GetString()!;
        EventKey = json.RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>
    /// Imports <paramref name="sessions"/> sessions spread over the rooms, a day's four slots per room
    /// and as many days as that takes; returns the preview's and the commit's seconds.
    /// </summary>
    public async Task<(double Preview, double Commit)> ImportAsync(int rooms, int sessions)
    {
        var csv = Csv(rooms, sessions, DateTimeOffset.UtcNow.AddMinutes(-1));
        var preview = await TimedImportAsync(csv, dryRun: true);
        var commit = await TimedImportAsync(csv, dryRun: false);
        return (preview, commit);
    }

    /// <summary>The first session of each room, with its participant code and moderators' keys from links.csv.</summary>
    public async Task<List<SessionKeys>> LiveSessionsAsync(int rooms)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/events/{EventId}/links.csv", EventKey, null);
        using var csv = CsvReader.FromText(await response.Content.ReadAsStringAsync(), null);
        var links = new List<(string SessionId, string Role, string Link)>();
        while (csv.Read())
        {
            // Each room's first session: external id "R{room}-1".
            if (csv.GetString("external_id").EndsWith("-1", StringComparison.Ordinal))
            {
                links.Add((csv.GetString("session_id"), csv.GetString("role"), csv.GetString("link")));
            }
        }
        return [.. links.GroupBy(r => r.SessionId).Select(g =>
        {
            string Link(string role) => g.Single(r => r.Role == role).Link;
            return new SessionKeys(g.Key, Link("participant").Split("/join/")[1], Fragment(Link("onsiteModerator")), Fragment(Link("onlineModerator")));
        }).Take(rooms)];
    }

    private static string Fragment(string link) => Uri.UnescapeDataString(link[(link.IndexOf("#key=", StringComparison.Ordinal) + 5)..]);

    private async Task<double> TimedImportAsync(string csv, bool dryRun)
    {
        var began = Stopwatch.GetTimestamp();
        using var response = await SendAsync(HttpMethod.Post, $"/api/events/{EventId}/programme?dryRun={(dryRun ? "true" : "false")}", EventKey,
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        var seconds = Stopwatch.GetElapsedTime(began).TotalSeconds;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors").GetArrayLength();
        if (errors > 0)
        {
            throw new InvalidOperationException($"The generated programme has {errors} errors: {json.RootElement.GetProperty("errors")}");
        }
        return seconds;
    }

    private static string[] Rooms(int rooms) => [.. Enumerable.Range(1, rooms).Select(r => $"Room {r}")];

    /// <summary>The programme as a secretariat's spreadsheet has it: one row per session, external id "R{room}-{n}".</summary>
    private static string Csv(int rooms, int sessions, DateTimeOffset firstStart)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
        {
            csv.WriteHeader(["External ID", "Title", "Date", "Start", "Duration", "Room", "Format", "Onsite moderator", "Online moderator", "Rapporteur", "Speakers", "Agenda"]);
            for (var i = 0; i < sessions; i++)
            {
                var room = i % rooms + 1;
                var n = i / rooms;
                var start = firstStart.AddDays(n / SlotsPerDay).AddHours(2 * (n % SlotsPerDay));
                // Each person in one session only: the programme has no conflicts to report.
                csv.WriteRecord([
                    $"R{room}-{n + 1}", $"Session {n + 1} in room {room}",
                    start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("HH:mm", CultureInfo.InvariantCulture), "90",
                    $"Room {room}", "Workshop", $"Onsite {i}", $"Online {i}", $"Rapporteur {i}",
                    $"Speaker {i} (Organisation {i}, Civil Society, Africa); Speaker {i}b (Organisation {i}b, Private Sector, WEOG)",
                    "1. Opening (60 min)\n2. Discussion (20 min)\n3. Takeaways (10 min)",
                ]);
            }
        }
        return writer.ToString();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(harness.Options.Urls[0], path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var response = await harness.Http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }
        return response;
    }
}
