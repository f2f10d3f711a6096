using System.Net.Http.Json;
using IgfLive.Server.Endpoints;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>The seed proposal's agenda (IGF 2017 WS133), as an organiser pastes it, and helpers to create it.</summary>
public static class Seed
{
    public const string AgendaText = """
        Discussion facilitation:
        1.【5mins】The moderator will open the session by welcoming participants, framing the topic, briefly introducing panelists and mentioning their commitment in the discussion.
        2.【40mins】Formal Presentations from some panelists.
        3.【20mins】After presentation, the moderator will engage the panelists in a lively conversation to get their perspectives on the questions as outlined below.
        ①Optimizing the relationship between supply and demand with intelligent sharing tools.
        ②Interest distribution among key resource holders.
        ③Roles of government, industry and other players involved in the market.
        ④Interesting predictions about the future of sharing economy.
        4.【15mins】The moderator will elicit what panelists found most insightful from the discussion, and build on them by asking questions to create a dynamic flow of interaction among the panelists.
        5.【5mins】the moderator will invite the audience to pose brief questions to the panelists, asking audience members to identify themselves. (The moderator may consider engaging the audience earlier)
        6.【5mins】With 5 minutes left, the moderator will share the top takeaways from the discussion and bring the session to a close.
        """;

    public const string Title = "Governance Innovation in the Age of Sharing Economy (WS133)";

    /// <summary>Creates the seed session from its pasted agenda, starting at <paramref name="startsAt"/>.</summary>
    public static async Task<SessionCreatedResponse> CreateAsync(IServerUnderTest server, DateTimeOffset? startsAt = null)
    {
        using var http = server.CreateHttpClient();
        var request = new
        {
            title = Title,
            startsAt = (startsAt ?? new DateTimeOffset(2017, 12, 19, 15, 0, 0, TimeSpan.FromHours(1))).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            timeZone = "Europe/Zurich",
            room = "Room XXIV - E",
            speakers = new[]
            {
                new { id = "han", name = "Liyun Han", organisation = "CNNIC", stakeholderGroup = "Technical Community" },
                new { id = "zhong", name = "Rui Zhong", organisation = "Internet Society of China", stakeholderGroup = "Civil Society" },
            },
            agendaText = AgendaText,
        };
        var response = await http.PostAsJsonAsync("/api/sessions", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Creating the seed session failed: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<SessionCreatedResponse>(body, HttpJson.Options)!;
    }
}
