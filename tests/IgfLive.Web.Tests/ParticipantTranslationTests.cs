using System.Text.RegularExpressions;
using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// A French or Spanish participant reads everything in their language: the page's own words, the
/// skip link, and the server's refusals (said from their stable codes). Any string that reads the
/// same in English, apart from what people typed and names, is an untranslated one.
/// </summary>
public sealed partial class ParticipantTranslationTests(BrowserFixture browser)
{
    /// <summary>Words that are the same in the other language and English.</summary>
    private static readonly Dictionary<string, string[]> SameWord = new()
    {
        ["fr"] = ["Organisation"],
        ["es"] = ["Academia"],
    };

    /// <summary>Every piece of text a person can read or hear on the page: text, labels, placeholders, options.</summary>
    private const string Collect = """
        () => {
          const out = new Set();
          const add = (t) => { t = (t ?? '').replace(/\s+/g, ' ').trim(); if (t) out.add(t); };
          const walk = (node) => {
            if (node.nodeType === Node.TEXT_NODE) { add(node.textContent); return; }
            if (node.nodeType !== Node.ELEMENT_NODE || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(node.tagName)) return;
            for (const name of ['aria-label', 'placeholder', 'title', 'alt']) add(node.getAttribute(name));
            for (const child of node.childNodes) walk(child);
          };
          walk(document.body);
          add(document.title);
          return [...out];
        }
        """;

    [Theory]
    [InlineData("fr", "Langue")]
    [InlineData("es", "Idioma")]
    public async Task EveryStringAParticipantReadsIsInTheirLanguage(string language, string languageLabel)
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync($"translation-{language}", async () =>
        {
            var ids = await Backstage.ForwardQuestionsAsync(live, "Who audits the algorithms?", "How do rural users take part?");
            await using (var onsite = await Backstage.JoinAsync(live, "onsiteModerator"))
            {
                await onsite.CallAsync("StartClock");
                await onsite.CallAsync("MakeQuestionLive", ids[0]);
            }
            var device = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = language, ViewportSize = BrowserSession.Phone, TimezoneId = "Europe/Zurich" });
            try
            {
                var join = await device.NewPageAsync();
                await join.GotoAsync(new Uri(live.Server.Address, "/join").ToString());
                await Expect(join.Locator("html")).ToHaveAttributeAsync("lang", language);
                var joinTexts = await join.EvaluateAsync<string[]>(Collect);

                var page = await device.NewPageAsync();
                await page.GotoAsync(live.Session.Links["participant"]);
                await Expect(page.Locator(".conn[data-state='connected']")).ToBeVisibleAsync();
                var box = page.Locator("#ask-text");
                await box.FillAsync("¿Quién paga la interoperabilidad?");
                await page.Locator(".ask-form button[type='submit']").ClickAsync();
                await Expect(page.Locator(".mine li.q")).ToHaveCountAsync(1);
                var texts = await page.EvaluateAsync<string[]>(Collect);

                // The same pages, the same state, in English.
                await page.GetByLabel(languageLabel, new() { Exact = true }).SelectOptionAsync("en");
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
                var english = await page.EvaluateAsync<string[]>(Collect);
                await join.ReloadAsync();
                var joinEnglish = await join.EvaluateAsync<string[]>(Collect);

                var data = new[] { Seed.Title, "Room XXIV - E", live.Session.ParticipantCode, "Liyun Han", "CNNIC", "Rui Zhong", "Internet Society of China", "IgfLive",
                        "English", "Français", "Español", "Who audits the algorithms?", "How do rural users take part?", "¿Quién paga la interoperabilidad?", "Digital Rights Lab" }
                    .Concat(live.Session.Session.Segments.Select(s => s.Title))
                    .Concat(Enumerable.Range(1, 2).Select(i => $"Participant {i}"))
                    .OrderByDescending(d => d.Length)
                    .ToArray();
                var untranslated = texts.Intersect(english).Concat(joinTexts.Intersect(joinEnglish))
                    .Where(t => HasWords(t, data) && !SameWord[language].Contains(t))
                    .Distinct()
                    .ToList();
                Assert.True(untranslated.Count == 0, $"Read the same in {language} and English: {string.Join(" | ", untranslated)}");

                // Refusals come in the participant's language too: the sixth question within a minute is refused.
                await page.GetByLabel("Idioma", new() { Exact = true }).Or(page.GetByLabel("Language", new() { Exact = true })).SelectOptionAsync(language);
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                for (var i = 0; i < 5; i++)
                {
                    await box.FillAsync($"Pregunta número {i}");
                    await page.Locator(".ask-form button[type='submit']").ClickAsync();
                }
                await Expect(page.Locator(".messages [role='alert']")).ToContainTextAsync(language == "fr" ? "Vous envoyez trop vite." : "Está enviando demasiado rápido.");
                await Expect(page.Locator(".messages")).Not.ToContainTextAsync("slow down");

                // A preset reason the onsite moderator gives is read in the author's language.
                await using (var online = await Backstage.JoinAsync(live, "onlineModerator"))
                await using (var onsite = await Backstage.JoinAsync(live, "onsiteModerator"))
                {
                    await online.CallAsync("ForwardQuestion", "q3");
                    await onsite.CallAsync("RejectQuestionFor", "q3", "no_time");
                }
                var mine = page.Locator(".mine li.q", new() { HasText = "¿Quién paga la interoperabilidad?" });
                await Expect(mine.Locator(".q-reason")).ToHaveTextAsync(language == "fr" ? "Motif : Plus de temps pour y répondre" : "Motivo: No queda tiempo para ella");
            }
            finally
            {
                await device.CloseAsync();
            }
        });
    }

    /// <summary>Whether a text has any words once what people typed, names and numbers are taken out.</summary>
    private static bool HasWords(string text, string[] data)
    {
        foreach (var d in data)
        {
            text = text.Replace(d, " ", StringComparison.Ordinal);
        }
        return Letters().IsMatch(text);
    }

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();
}
