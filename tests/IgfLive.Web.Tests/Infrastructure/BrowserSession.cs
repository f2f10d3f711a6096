using System.Collections.Concurrent;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IgfLive.Web.Tests.Infrastructure;

/// <summary>
/// A real server process with the seed workshop, and browser pages opened on its role links.
/// Every page is watched: a JavaScript dialog (which an injected script would open), an uncaught
/// error or a console error is recorded, and tests assert there were none.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 740 };
    public static readonly ViewportSize Projector = new() { Width = 1280, Height = 720 };

    private readonly BrowserFixture _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<(string Role, IPage Page)> _pages = [];
    private readonly bool _ownsData;

    private BrowserSession(BrowserFixture browser, ServerProcess server, SessionCreatedResponse session, string dataDirectory, bool ownsData)
    {
        _browser = browser;
        Server = server;
        Session = session;
        DataDirectory = dataDirectory;
        _ownsData = ownsData;
    }

    public ServerProcess Server { get; private set; }

    public SessionCreatedResponse Session { get; }

    public string DataDirectory { get; }

    /// <summary>Dialogs any page opened (alert, confirm, prompt): an injected script's first move.</summary>
    public ConcurrentQueue<string> Dialogs { get; } = new();

    /// <summary>Uncaught exceptions of any page.</summary>
    public ConcurrentQueue<string> PageErrors { get; } = new();

    /// <summary>Errors written to any page's console (a restart legitimately causes some).</summary>
    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    public static async Task<BrowserSession> StartAsync(BrowserFixture browser)
    {
        var data = Directory.CreateTempSubdirectory("igflive-web-").FullName;
        var server = await ServerProcess.StartAsync(data);
        // The session is scheduled to start now, so the room's booking and the agenda line up.
        var session = await Seed.CreateAsync(server, DateTimeOffset.UtcNow);
        return new BrowserSession(browser, server, session, data, ownsData: true);
    }

    /// <summary>A new browser profile (its own storage), like another person's device.</summary>
    public async Task<IBrowserContext> NewDeviceAsync(ViewportSize viewport)
    {
        var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport,
            AcceptDownloads = true,
            Locale = "en-GB",
            TimezoneId = "Europe/Zurich",
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        return context;
    }

    /// <summary>Opens a role's link ("participant", "onsiteModerator", …) on a device and waits until it is connected.</summary>
    public async Task<IPage> OpenAsync(string role, ViewportSize? viewport = null, IBrowserContext? device = null)
    {
        device ??= await NewDeviceAsync(viewport ?? Desktop);
        var page = await device.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Enqueue($"{role}: {dialog.Type} {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.PageError += (_, error) => PageErrors.Enqueue($"{role}: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Enqueue($"{role}: {message.Text}");
            }
        };
        _pages.Add((role, page));
        await page.GotoAsync(Session.Links[role]);
        await View.WaitConnectedAsync(page);
        return page;
    }

    /// <summary>Opens the organiser page on a device, signed in with the organiser key, once the session list is shown.</summary>
    public async Task<IPage> OpenOrganiserAsync(IBrowserContext device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var page = await device.NewPageAsync();
        await page.GotoAsync(new Uri(Server.Address, "/organiser").ToString());
        await page.GetByLabel("Organiser key", new() { Exact = true }).FillAsync(TestServer.OrganiserKey);
        await View.Button(page, "Use key").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".session-item").First).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Runs a test's steps; when one fails, every open page is photographed for the post-mortem.</summary>
    public async Task RunAsync(string name, Func<Task> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            await steps();
        }
        catch
        {
            var folder = Directory.CreateDirectory(Path.Combine(Artifacts.Screenshots, "failed")).FullName;
            for (var i = 0; i < _pages.Count; i++)
            {
                try
                {
                    await _pages[i].Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{i}-{_pages[i].Role}.png"), FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // A closed page cannot be photographed; the others still can.
                }
            }
            throw;
        }
    }

    /// <summary>Kills the server (SIGKILL) and starts it again on the same data and the same port.</summary>
    public async Task RestartServerAsync(Func<Task>? whileDown = null)
    {
        var port = Server.Address.Port;
        await Server.KillAsync();
        await Server.DisposeAsync();
        try
        {
            if (whileDown is not null)
            {
                await whileDown();
            }
        }
        finally
        {
            // Started again even when a step failed meanwhile, so the session disposes cleanly and
            // the failure itself is what the test reports.
            Server = await ServerProcess.StartAsync(DataDirectory, port: port);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        await Server.DisposeAsync();
        if (_ownsData)
        {
            TestServer.TryDelete(DataDirectory);
        }
    }
}
