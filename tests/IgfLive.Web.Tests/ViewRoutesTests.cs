using System.Net;
using System.Text.RegularExpressions;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Web.Tests;

/// <summary>
/// The built server, started from its bin folder in Production, serves each role's page at the
/// address its link points to, with the bundled script and a strict Content-Security-Policy.
/// </summary>
public sealed class ViewRoutesTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("igflive-views-").FullName;
    private ServerProcess _server = null!;

    public async ValueTask InitializeAsync() => _server = await ServerProcess.StartAsync(_data);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        TestServer.TryDelete(_data);
    }

    [Theory]
    [InlineData("/", "/js/organiser.js")]
    [InlineData("/organiser", "/js/organiser.js")]
    [InlineData("/join", "/js/participant.js")]
    [InlineData("/join/ABC234", "/js/participant.js")]
    [InlineData("/s/some-session/online", "/js/online.js")]
    [InlineData("/s/some-session/onsite", "/js/onsite.js")]
    [InlineData("/s/some-session/rapporteur", "/js/rapporteur.js")]
    [InlineData("/s/some-session/stage", "/js/stage.js")]
    [InlineData("/e/some-event", "/js/programme.js")]
    [InlineData("/e/some-event/dashboard", "/js/dashboard.js")]
    [InlineData("/e/some-event/rooms/room-xxiv/stage", "/js/room.js")]
    [InlineData("/e/some-event/rooms/room-xxiv/desk", "/js/room.js")]
    public async Task EachRoleLinkServesItsPageWithAStrictContentSecurityPolicy(string path, string script)
    {
        using var http = _server.CreateHttpClient(bearer: null);
        var response = await http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"src=\"{script}\"", html, StringComparison.Ordinal);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);

        // The view's entry and the chunks it shares with other views, each served as JavaScript.
        var entry = await ScriptAsync(http, script);
        var chunks = Regex.Matches(entry, "from\\s*\"\\./(chunk-[A-Z0-9]+\\.js)\"|import\\s*\"\\./(chunk-[A-Z0-9]+\\.js)\"")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();
        Assert.NotEmpty(chunks);
        var total = entry.Length;
        foreach (var chunk in chunks)
        {
            total += (await ScriptAsync(http, $"/js/{chunk}")).Length;
        }
        Assert.True(total > 10_000, $"{script} and its chunks are {total} characters");
    }

    private static async Task<string> ScriptAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("/s/some-session/unknown-role")]
    [InlineData("/join/ABC234/extra")]
    [InlineData("/js/missing.js")]
    public async Task AnAddressThatIsNoViewIsNotFound(string path)
    {
        using var http = _server.CreateHttpClient(bearer: null);
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
