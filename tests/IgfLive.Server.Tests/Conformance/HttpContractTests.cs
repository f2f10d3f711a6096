using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>protocol.md on the HTTP answers clients read by name: the keys of a new session, and the question log's columns.</summary>
public sealed partial class HttpContractTests(ConformanceServer conformance) : IClassFixture<ConformanceServer>
{
    [Fact]
    public async Task ANewSessionsKeysAreNamedAsDocumentedAndEachOpensItsRole()
    {
        var documented = DocumentedKeys();
        using var http = conformance.Server.CreateHttpClient();
        var created = await http.PostAsJsonAsync("/api/sessions", new
        {
            title = "Keys",
            startsAt = "2026-11-23T15:00:00+01:00",
            timeZone = "Europe/Zurich",
            agenda = new[] { new { title = "Opening", minutes = 5 } },
        }, TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var keys = body.RootElement.GetProperty("keys").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var links = body.RootElement.GetProperty("links").EnumerateObject().Select(p => p.Name);

        Assert.Equal(documented, keys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(documented.Append("participant").Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        var id = body.RootElement.GetProperty("id").GetString()!;
        foreach (var (name, key) in keys)
        {
            await using var client = await SessionClient.ConnectAsync(conformance.Server.Address, name);
            Assert.Equal(name, JsonNamingPolicy.CamelCase.ConvertName((await client.JoinAsync(id, key)).Role));
        }
    }

    [Fact]
    public async Task TheQuestionLogHasTheDocumentedColumnsAndARowPerQuestionInTheOrderAsked()
    {
        await using var cast = await conformance.NewCastAsync();
        var first = await cast.Alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("=1+1 or not?", "Alice", null, null, "zhong"));
        var second = await cast.Onsite.SendAsync("RecordQuestion", new RecordQuestionRequest("From the floor", null, null, null, "Floor", null));

        using var http = conformance.Server.CreateHttpClient(cast.Session.Keys["rapporteur"]);
        var response = await http.GetAsync($"/api/sessions/{cast.Session.Id}/questions.csv", TestContext.Current.CancellationToken);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");

        Assert.Equal(DocumentedHeader(), lines[0]);
        Assert.Equal([""], lines[3..]);
        var columns = lines[0].Split(',');
        var rows = lines[1..3].Select(l => l.Split(',')).ToArray();
        string Cell(int row, string column) => rows[row][Array.IndexOf(columns, column)];
        Assert.True(rows.All(r => r.Length == columns.Length), "A row has more or fewer cells than the header.");
        Assert.Equal((first.Id, "Submitted", "Online", "'=1+1 or not?", "Rui Zhong", "Part 1", "0"),
            (Cell(0, "id"), Cell(0, "status"), Cell(0, "channel"), Cell(0, "text"), Cell(0, "addressed_to"), Cell(0, "segment"), Cell(0, "votes")));
        Assert.Equal((second.Id, "Forwarded", "Floor", ""), (Cell(1, "id"), Cell(1, "status"), Cell(1, "channel"), Cell(1, "live_at")));
        Assert.True(DateTimeOffset.TryParse(Cell(0, "submitted_at"), System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    private static IReadOnlyList<string> DocumentedKeys()
    {
        var quoted = Keys().Match(ProtocolDocument.Current.Text);
        Assert.True(quoted.Success, "protocol.md does not name the members of keys.");
        return [.. quoted.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];
    }

    private static string DocumentedHeader()
    {
        var quoted = Header().Match(ProtocolDocument.Current.Text);
        Assert.True(quoted.Success, "protocol.md does not give the question log's header row.");
        return quoted.Groups[1].Value;
    }

    [GeneratedRegex(@"`keys: \{([a-zA-Z, \n]+)\}`")]
    private static partial Regex Keys();

    [GeneratedRegex("a header row `([a-z_,]+)`")]
    private static partial Regex Header();
}
