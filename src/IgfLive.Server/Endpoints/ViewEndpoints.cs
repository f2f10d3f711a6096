using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace IgfLive.Server.Endpoints;

/// <summary>
/// The browser views (built from src/IgfLive.Web into wwwroot): one page per role, each at the
/// address its link points to. Pages and scripts carry a strict Content-Security-Policy, so even
/// a slip in the views could not run an injected script.
/// </summary>
public static class ViewEndpoints
{
    /// <summary>Scripts and styles only from this server; SignalR talks back to it (WebSockets included).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static readonly (string Pattern, string File)[] Views =
    [
        ("/organiser", "index.html"),
        ("/join", "participant.html"),
        ("/join/{code}", "participant.html"),
        ("/screen/{code}", "screen.html"),
        ("/s/{id}/online", "online.html"),
        ("/s/{id}/onsite", "onsite.html"),
        ("/s/{id}/rapporteur", "rapporteur.html"),
        ("/s/{id}/stage", "stage.html"),
        ("/e/{id}", "programme.html"),
        ("/e/{id}/dashboard", "dashboard.html"),
        ("/e/{id}/rooms/{room}/stage", "room-stage.html"),
        ("/e/{id}/rooms/{room}/desk", "room-desk.html"),
    ];

    public static StaticFileOptions StaticFiles { get; } = new()
    {
        ContentTypeProvider = new FileExtensionContentTypeProvider(),
        OnPrepareResponse = context => Harden(context.Context.Response),
    };

    /// <summary>Serves wwwroot, with "/" showing the organiser page.</summary>
    public static IApplicationBuilder UseViews(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(StaticFiles);
        return app;
    }

    public static IEndpointRouteBuilder MapViews(this IEndpointRouteBuilder app)
    {
        foreach (var (pattern, file) in Views)
        {
            app.MapFallbackToFile(pattern, file, StaticFiles);
        }
        return app;
    }

    private static void Harden(HttpResponse response)
    {
        // File names carry no hash, so browsers revalidate (cheap, with ETags) instead of running a stale view.
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
