using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// The printed QR code on a deputy's profile and 三亮 card must take a phone to that deputy's page:
/// the SVG is drawn in the browser and read back by an independent decoder (jsQR), as a phone camera would.
/// </summary>
[Collection(nameof(SampleServer))]
public sealed class QrCodeTests(SampleServer server)
{
    [Theory]
    [InlineData("/deputies/D0001/")]
    [InlineData("/deputies/D0001/card.html")]
    [InlineData("/deputies/D0042/")]
    public async Task QrCode_OnDeputyPages_DecodesToTheDeputysPage(string path)
    {
        var page = await server.OpenAsync("desktop", path);
        await SampleServer.JourneyAsync(page, "qr-" + path.Replace('/', '-'), async () =>
        {
            var profile = path.EndsWith("/card.html", StringComparison.Ordinal) ? path[..^"card.html".Length] : path;
            var canonical = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=canonical]').href");
            var expected = canonical.EndsWith("/card.html", StringComparison.Ordinal) ? canonical[..^"card.html".Length] : canonical;
            Assert.EndsWith(profile, expected);

            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(SampleServer.RepositoryRoot(), "tests", "Site.EndToEnd.Tests", "node_modules", "jsqr", "dist", "jsQR.js") });
            // As seen on the page: both pages draw the code inline.
            var decoded = await page.EvaluateAsync<string?>(Decode, "inline");
            Assert.Equal(expected, decoded);

            // As downloaded for a poster: the profile's download link carries the same SVG.
            if (!path.EndsWith("/card.html", StringComparison.Ordinal))
            {
                var download = page.GetByRole(AriaRole.Link, new() { Name = "下载二维码" });
                Assert.EndsWith("代表二维码.svg", await download.GetAttributeAsync("download"));
                Assert.Equal(expected, await page.EvaluateAsync<string?>(Decode, "download"));
            }
        });
    }

    /// <summary>Draws the SVG large on white, as printed, and reads it back with jsQR.</summary>
    private const string Decode = """
        async source => {
            const img = new Image();
            if (source === 'download') {
                img.src = [...document.links].find(a => a.hasAttribute('download')).href;
            } else {
                const svg = document.querySelector('figure svg');
                if (!svg) return 'no QR code on the page';
                img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
            }
            await img.decode();
            const size = 600, margin = 40;
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = size + 2 * margin;
            const context = canvas.getContext('2d');
            context.fillStyle = '#fff';
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(img, margin, margin, size, size);
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
            const code = jsQR(pixels.data, pixels.width, pixels.height);
            return code ? code.data : null;
        }
        """;
}
