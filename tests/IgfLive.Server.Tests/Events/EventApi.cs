using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Events;

/// <summary>An organiser's calls to the event API of a server under test, as a mail-merging secretariat makes them.</summary>
public sealed class EventApi(IServerUnderTest server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<EventCreatedResponse> CreateAsync(string title = "IGF 2026", string timeZone = "Asia/Riyadh", params string[] rooms)
    {
        using var http = server.CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/events", new CreateEventRequest(title, timeZone, rooms), HttpJson.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EventCreatedResponse>(HttpJson.Options, Ct))!;
    }

    public async Task<HttpResponseMessage> PostProgrammeAsync(string eventId, string bearer, string body, string contentType = "text/csv", string query = "dryRun=false")
    {
        using var http = server.CreateHttpClient(bearer);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        var response = await http.PostAsync($"/api/events/{eventId}/programme?{query}", content, Ct);
        // The body is read before the client goes, so callers can read it after.
        await response.Content.LoadIntoBufferAsync(Ct);
        return response;
    }

    /// <summary>Imports a file that must be accepted, and answers what the import reported.</summary>
    public async Task<ProgrammeImportResponse> ImportAsync(string eventId, string bearer, string body, string contentType = "text/csv", bool dryRun = false)
    {
        var response = await PostProgrammeAsync(eventId, bearer, body, contentType, $"dryRun={(dryRun ? "true" : "false")}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ProgrammeImportResponse>(HttpJson.Options, Ct))!;
    }

    public async Task<EventView> GetAsync(string eventId)
    {
        using var http = server.CreateHttpClient(bearer: null);
        return (await http.GetFromJsonAsync<EventView>($"/api/events/{eventId}", HttpJson.Options, Ct))!;
    }

    /// <summary>links.csv as rows of header name → cell.</summary>
    public async Task<List<Dictionary<string, string>>> LinksAsync(string eventId, string bearer)
    {
        using var http = server.CreateHttpClient(bearer);
        var response = await http.GetAsync($"/api/events/{eventId}/links.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var csv = CsvReader.FromText(await response.Content.ReadAsStringAsync(Ct), null);
        var rows = new List<Dictionary<string, string>>();
        var header = csv.Headers.ToArray();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetString(h)));
        }
        return rows;
    }

    /// <summary>A room screen's link in links.csv ("roomStage" or "roomDesk"): the room's id in its path, and its key.</summary>
    public static (string RoomId, string Key) RoomLinkOf(IEnumerable<Dictionary<string, string>> links, string room, string role)
    {
        var link = new Uri(links.Single(r => r["room"] == room && r["role"] == role)["link"]);
        return (link.Segments[^2].TrimEnd('/'), Uri.UnescapeDataString(link.Fragment["#key=".Length..]));
    }

    /// <summary>The key a role's link in links.csv carries (after "#key="), for one session.</summary>
    public static string KeyOf(IEnumerable<Dictionary<string, string>> links, string sessionId, string role)
    {
        var link = links.Single(r => r["session_id"] == sessionId && r["role"] == role)["link"];
        return Uri.UnescapeDataString(link[(link.IndexOf("#key=", StringComparison.Ordinal) + 5)..]);
    }

    /// <summary>The problem document of a refused request: its status and code.</summary>
    public static async Task<(HttpStatusCode Status, string Code, JsonElement Body)> ProblemAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, body.GetProperty("code").GetString()!, body);
    }
}
