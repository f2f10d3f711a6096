using System.Net;
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

        var bundle = await http.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 1000);
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
