using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests.Infrastructure;

/// <summary>What the tests read from, and do in, the views — through what a user sees where possible.</summary>
public static class View
{
    public static Task WaitConnectedAsync(IPage page) =>
        Expect(page.Locator(".conn[data-state='connected']")).ToBeVisibleAsync();

    /// <summary>The segment countdown as drawn: remaining ms, the browser instant it was drawn, and the browser's now.</summary>
    public static async Task<ClockSample> ClockAsync(IPage page)
    {
        var values = await page.EvaluateAsync<double[]>("""
            () => {
              const el = document.querySelector('[data-clock="segment"]');
              return [Number(el?.dataset.remainingMs ?? NaN), Number(el?.dataset.renderedAt ?? NaN), Date.now()];
            }
            """);
        return new ClockSample(values[0], values[1], values[2]);
    }

    /// <summary>
    /// The page's state as text: the main content without what legitimately differs between two
    /// screens of the same state (the ticking clock, the connection badge, messages, the report preview).
    /// </summary>
    public static Task<string> StateTextAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const root = (document.querySelector('#app') ?? document.body).cloneNode(true);
          root.querySelectorAll('[data-volatile], .report-body, .sr-only').forEach((el) => el.remove());
          const parts = [];
          const walk = (node) => {
            if (node.nodeType === Node.TEXT_NODE) { const t = node.textContent.trim(); if (t) parts.push(t); return; }
            if (node.nodeType !== Node.ELEMENT_NODE) return;
            if (node.hidden) return;
            for (const child of node.childNodes) walk(child);
          };
          walk(root);
          return parts.join(' | ');
        }
        """);

    /// <summary>Elements that would exist only if someone's text had been parsed as HTML.</summary>
    public static Task<int> InjectedElementsAsync(IPage page) => page.EvaluateAsync<int>("""
        () => document.querySelectorAll('img[src="x"], img[onerror], script:not([src]), script[src]:not([src^="/js/"])').length
        """);

    public static ILocator Question(IPage page, string text) => page.Locator("li.q", new PageLocatorOptions { HasText = text });

    public static ILocator Button(ILocator scope, string name) => scope.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = name, Exact = true });

    public static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
