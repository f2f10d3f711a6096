using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(IgfLive.Web.Tests.Infrastructure.BrowserFixture))]
// Each test drives a server process and half a dozen pages; on a small machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace IgfLive.Web.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test run: Debian's own build (never a downloaded one),
/// driven by Playwright. Each test opens its own contexts, so pages share nothing but the process.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The system Chromium; IGFLIVE_CHROMIUM overrides it.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("IGFLIVE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}. Install it (Debian: apt-get install chromium); ./test.sh does this.");
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Pages that are not in front must keep their timers running, like separate devices would.
            Args = ["--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        Playwright.Dispose();
    }
}
