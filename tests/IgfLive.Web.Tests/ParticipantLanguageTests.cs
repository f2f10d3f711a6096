using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>The participant view speaks the browser's language (French, Spanish or English) and can be switched without losing what was typed.</summary>
public sealed class ParticipantLanguageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AFrenchBrowserGetsFrenchAndTheSwitcherKeepsTheTypedQuestion()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("language", async () =>
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = BrowserSession.Phone });
            try
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(live.Session.Links["participant"]);
                await Expect(page.Locator(".conn[data-state='connected']")).ToHaveTextAsync("Connecté");
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Poser une question" })).ToBeVisibleAsync();
                await page.GetByLabel("Votre question", new() { Exact = true }).FillAsync("¿Y los usuarios rurales?");

                await page.GetByLabel("Langue", new() { Exact = true }).SelectOptionAsync("es");
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hacer una pregunta" })).ToBeVisibleAsync();
                await Expect(page.GetByLabel("Su pregunta", new() { Exact = true })).ToHaveValueAsync("¿Y los usuarios rurales?");
                await View.Button(page, "Enviar pregunta").ClickAsync();
                await Expect(page.Locator(".mine .q-status")).ToHaveTextAsync("Esperando a un moderador");

                // The choice is remembered on this device.
                await page.ReloadAsync();
                await Expect(page.Locator(".conn[data-state='connected']")).ToHaveTextAsync("Conectado");
                await Expect(page.Locator(".mine .q-text")).ToHaveTextAsync("¿Y los usuarios rurales?");
            }
            finally
            {
                await context.CloseAsync();
            }
        });
    }
}
