using System.Text.RegularExpressions;
using IgfLive.Server.Tests.Infrastructure;
using IgfLive.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IgfLive.Web.Tests;

/// <summary>
/// The room's join screen shows the session, the join address, the code and a QR code of the join
/// link; the organiser's list links to it; and the onsite view says why "Ask now" is greyed out.
/// </summary>
public sealed class JoinScreenTests(BrowserFixture browser)
{
    /// <summary>The SVG drawn on a 400-pixel canvas, as grey levels.</summary>
    private const string ScanScript = """
        async (svg) => {
          const image = new Image();
          image.src = 'data:image/svg+xml;base64,' + btoa(new XMLSerializer().serializeToString(svg));
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = 400;
          const context = canvas.getContext('2d');
          context.drawImage(image, 0, 0, 400, 400);
          const rgba = context.getImageData(0, 0, 400, 400).data;
          const grey = [];
          for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round((rgba[i] + rgba[i + 1] + rgba[i + 2]) / 3));
          return grey;
        }
        """;

    [Fact]
    public async Task TheJoinScreenShowsTheCodeAndAQrCodeOfTheJoinLink()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("join-screen", async () =>
        {
            var device = await live.NewDeviceAsync(new ViewportSize { Width = 1920, Height = 1080 });
            var organiser = await live.OpenOrganiserAsync(device);
            var screen = await organiser.Context.RunAndWaitForPageAsync(() => organiser.GetByRole(AriaRole.Link, new() { Name = "Join screen for the room" }).ClickAsync());
            await Expect(screen.Locator(".screen-title")).ToHaveTextAsync(Seed.Title);
            var code = live.Session.ParticipantCode;
            await Expect(screen.Locator(".screen-code")).ToHaveAttributeAsync("data-code", code);
            await Expect(screen.Locator(".screen-address")).ToHaveTextAsync($"{live.Server.Address.Authority}/join");
            await Expect(screen.Locator(".screen-when")).ToHaveTextAsync(new Regex(@"^Room XXIV - E · Starts at \d\d:\d\d$"));
            var qr = screen.Locator(".screen-qr svg");
            await Expect(qr).ToHaveAttributeAsync("aria-label", $"QR code for {live.Server.Address.GetLeftPart(UriPartial.Authority)}/join/{code}");
            // Read back as a phone would: the symbol, drawn in pixels, decodes to the participants' link.
            var pixels = await qr.EvaluateAsync<int[]>(ScanScript);
            var side = (int)Math.Sqrt(pixels.Length);
            var luminance = new ZXing.RGBLuminanceSource(pixels.Select(p => (byte)p).ToArray(), side, side, ZXing.RGBLuminanceSource.BitmapFormat.Gray8);
            var decoded = new ZXing.QrCode.QRCodeReader().decode(new ZXing.BinaryBitmap(new ZXing.Common.HybridBinarizer(luminance)));
            Assert.Equal(live.Session.Links["participant"], decoded?.Text);
            var box = await qr.BoundingBoxAsync();
            Assert.True(box!.Width >= 400 && Math.Abs(box.Width - box.Height) < 1, $"The QR code is {box.Width:0}×{box.Height:0} px on a 1080p screen.");
            await Artifacts.ScreenshotAsync(screen, "join-screen-1080p");
        });
    }

    [Fact]
    public async Task AskNowSaysWhyItWaitsWhileAQuestionIsBeingAsked()
    {
        await using var live = await BrowserSession.StartAsync(browser);
        await live.RunAsync("ask-now-why", async () =>
        {
            await Backstage.ForwardQuestionsAsync(live, "Who audits the algorithms?", "How do rural users take part?");
            var onsite = await live.OpenAsync("onsiteModerator");
            var wait = onsite.Locator("#ask-wait");
            await Expect(wait).ToBeHiddenAsync();
            await View.Button(View.Question(onsite, "Who audits"), "Ask now").ClickAsync();
            var next = View.Button(View.Question(onsite, "How do rural"), "Ask now");
            await Expect(next).ToBeDisabledAsync();
            await Expect(wait).ToHaveTextAsync("“Ask now” waits until the question being asked is marked answered.");
            await Expect(next).ToHaveAccessibleDescriptionAsync("“Ask now” waits until the question being asked is marked answered.");
            await View.Button(onsite, "Mark answered").ClickAsync();
            await Expect(next).ToBeEnabledAsync();
            await Expect(wait).ToBeHiddenAsync();
        });
    }
}
