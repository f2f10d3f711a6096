using Microsoft.Playwright;

namespace IgfLive.Web.Tests.Infrastructure;

/// <summary>Files the tests leave for people to look at: screenshots and downloads, under artifacts/ at the repository root.</summary>
public static class Artifacts
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "artifacts"));

    public static string Screenshots => Directory.CreateDirectory(Path.Combine(Root, "screenshots")).FullName;

    public static string Downloads => Directory.CreateDirectory(Path.Combine(Root, "downloads")).FullName;

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
