using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// The printed QR code on a deputy's profile and 三亮 card must take a phone to that deputy's message form
/// (the page at #message, as its caption 扫码给代表留言 says; it opened the top of the page): the SVG is drawn
/// in the browser and read back by an independent decoder (jsQR), as a phone camera would.
/// The card is the profile's first block, printed alone when the page is opened at #card.
/// </summary>
[Collection(nameof(SampleServer))]
public sealed class QrCodeTests(SampleServer server)
{
    [BrowserTheory]
    [InlineData("/deputies/D0001/")]
    [InlineData("/deputies/D0042/")]
    public async Task QrCode_OnDeputyPages_DecodesToTheDeputysPage(string path)
    {
        var page = await server.OpenAsync("desktop", path, injectsTools: true);
        await SampleServer.JourneyAsync(page, "qr-" + path.Replace('/', '-'), async () =>
        {
            var canonical = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=canonical]').href");
            Assert.EndsWith(path, canonical);
            var expected = canonical + "#message";

            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = JsQr });
            // As seen on the page: a picture (WeChat recognises a code pressed on a picture, not inline SVG), named for
            // what scanning does, with a caption saying it.
            var shown = page.Locator("#card figure img.qr");
            await Assertions.Expect(shown).ToBeVisibleAsync();
            Assert.Equal(path + "qr.png", await shown.GetAttributeAsync("src"));
            Assert.Contains("扫码打开", await shown.GetAttributeAsync("alt"));
            await Assertions.Expect(page.Locator("#card figure figcaption")).ToContainTextAsync("扫码给代表留言");
            Assert.Equal(expected, await page.EvaluateAsync<string?>(Decode, "inline"));

            // As downloaded for a print shop: an SVG file beside the page (WeChat's browser saves no data: link), the same code.
            var download = page.GetByRole(AriaRole.Link, new() { Name = "矢量图（SVG，供印刷）" });
            Assert.EndsWith("代表二维码.svg", await download.GetAttributeAsync("download"));
            Assert.Equal(path + "qr.svg", await download.GetAttributeAsync("href"));
            var svgFile = await page.APIRequest.GetAsync(path + "qr.svg");
            Assert.Equal(200, svgFile.Status);
            Assert.StartsWith("image/svg+xml", svgFile.Headers["content-type"]);
            Assert.Equal(expected, await page.EvaluateAsync<string?>(Decode, "download"));
            // On paper it says whose code it is and what scanning does.
            var svgText = await svgFile.TextAsync();
            var name = await page.Locator("#card h1").TextContentAsync();
            Assert.Contains($">{name}代表</text>", svgText);
            Assert.Contains(">扫码给代表留言</text>", svgText);

            // As a picture for WeChat and phones: a PNG file beside the page, made by the build, the same code.
            var png = page.GetByRole(AriaRole.Link, new() { Name = "图片（PNG，可发微信）" });
            Assert.EndsWith("代表二维码.png", await png.GetAttributeAsync("download"));
            Assert.Equal(path + "qr.png", await png.GetAttributeAsync("href"));
            var file = await page.APIRequest.GetAsync(path + "qr.png");
            Assert.Equal("image/png", file.Headers["content-type"]);
            Assert.Equal(expected, await page.EvaluateAsync<string?>(Decode, "png"));
        });
    }

    /// <summary>
    /// An office worker prints a deputy's 三亮 card from the profile: the link opens the print dialog, and
    /// what prints is the card alone (heading, identity, duties, pledge, a QR code that still decodes), not
    /// the site's header, the biography or the duty record.
    /// </summary>
    [BrowserFact]
    public async Task ThreeLiangCard_PrintsAloneFromTheProfile()
    {
        var page = await server.OpenAsync("desktop", "/deputies/D0001/", injectsTools: true);
        await SampleServer.JourneyAsync(page, "card-print", async () =>
        {
            var card = page.Locator("#card");
            var bio = card.Locator(".bio");
            var heading = page.GetByText("人大代表“三亮”卡片");

            // On screen, before printing the card, the page is the profile.
            await Assertions.Expect(heading).ToBeHiddenAsync();
            await Assertions.Expect(bio).ToBeVisibleAsync();

            // Printing the whole profile prints the duty record too.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "履职档案" })).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Screen });

            // The link asks the browser to print (the dialog itself is the browser's, so it is counted, not shown).
            await page.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed++; }; }");
            await page.GetByRole(AriaRole.Link, new() { Name = "打印“三亮”卡片" }).ClickAsync();
            await page.WaitForFunctionAsync("() => window.printed === 1");
            Assert.EndsWith("/deputies/D0001/#card", page.Url);
            await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("Ctrl+P");

            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await Assertions.Expect(heading).ToBeVisibleAsync();
            await Assertions.Expect(card.GetByRole(AriaRole.Heading, new() { Name = "王建国" })).ToBeVisibleAsync();
            await Assertions.Expect(card).ToContainTextAsync("易俗河镇金霞社区党委书记");
            await Assertions.Expect(card).ToContainTextAsync("履职承诺：每月15日接待日到易俗河镇代表联络站");
            await Assertions.Expect(bio).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator(".qr-downloads")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "履职档案" })).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator(".site-footer")).ToBeHiddenAsync();

            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = JsQr });
            var expected = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=canonical]').href") + "#message";
            Assert.Equal(expected, await page.EvaluateAsync<string?>(Decode, "inline"));
        });
    }

    /// <summary>
    /// What the code opens, on a phone: the message form's heading at the top of the first screen (not the photo and
    /// facts above it). The "长按…识别图中二维码" advice is for a touch screen (a phone, where WeChat is): a desktop,
    /// which has no long press, does not show it.
    /// </summary>
    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task QrCode_OpensTheMessageForm_AndLongPressAdviceIsOnlyOnPhones(bool care)
    {
        var page = await server.OpenAsync("phone", "/deputies/D0001/#message", care);
        await SampleServer.JourneyAsync(page, "qr-opens-message" + (care ? "-care" : ""), async () =>
        {
            var heading = page.Locator("h2#message");
            await Assertions.Expect(heading).ToHaveTextAsync("给王建国代表留言");
            var top = await heading.EvaluateAsync<double>("h => h.getBoundingClientRect().top");
            Assert.InRange(top, -1, 120);
            await Assertions.Expect(page.GetByLabel("留言内容（5 至 2000 字，必填）")).ToBeInViewportAsync();
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await Assertions.Expect(page.Locator("#card .qr-hint")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#card .qr-hint")).ToContainTextAsync("长按");
        });

        var desktop = await server.OpenAsync("wide", "/deputies/D0001/");
        await SampleServer.JourneyAsync(desktop, "qr-hint-desktop", async () =>
        {
            await Assertions.Expect(desktop.Locator("#card figcaption strong")).ToHaveTextAsync("扫码给代表留言");
            await Assertions.Expect(desktop.Locator("#card .qr-hint")).ToBeHiddenAsync();
        });
    }

    internal static string JsQr => Path.Combine(SampleServer.RepositoryRoot(), "tests", "Site.EndToEnd.Tests", "node_modules", "jsqr", "dist", "jsQR.js");

    /// <summary>Draws the SVG large on white, as printed, and reads it back with jsQR.</summary>
    internal const string Decode = """
        async source => {
            const img = new Image();
            if (source === 'download' || source === 'png') {
                const extension = source === 'png' ? '.png' : '.svg';
                img.src = [...document.links].find(a => (a.getAttribute('download') || '').endsWith(extension)).href;
            } else if (document.querySelector('figure img.qr')) {
                // As the page shows it: the picture WeChat can recognise when pressed.
                img.src = document.querySelector('figure img.qr').src;
            } else {
                const svg = document.querySelector('figure svg');
                if (!svg) return 'no QR code on the page';
                img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
            }
            await img.decode();
            // The SVG file for print shops has a caption under the code (its width and height in mm): drawn in its own proportions.
            const size = 600, margin = 40;
            const height = source === 'download' ? Math.round(size * img.naturalHeight / img.naturalWidth) : size;
            const canvas = document.createElement('canvas');
            canvas.width = size + 2 * margin;
            canvas.height = height + 2 * margin;
            const context = canvas.getContext('2d');
            context.fillStyle = '#fff';
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(img, margin, margin, size, height);
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
            const code = jsQR(pixels.data, pixels.width, pixels.height);
            return code ? code.data : null;
        }
        """;
}
