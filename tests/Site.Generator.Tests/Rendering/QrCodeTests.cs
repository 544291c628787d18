using System.Text.RegularExpressions;
using QRCoder;
using Site.Generator.Rendering;

namespace Site.Generator.Tests.Rendering;

/// <summary>
/// QR codes are kept as packed modules and drawn as one SVG path: the modules must be QRCoder's own,
/// and the path must draw each dark module once. (Scanning is checked in the browser tests.)
/// </summary>
public sealed partial class QrCodeTests
{
    public static TheoryData<string> Texts() =>
    [
        "https://rd.example.gov.cn/deputies/D1/",
        "https://rd.example.gov.cn/deputies/D12/",
        "https://rd.example.gov.cn/deputies/D12345/",
        "https://rd.example.gov.cn/deputies/xiangtan-county-2026-0001/",
        "https://rd.example.gov.cn/stations/" + new string('s', 90) + "/",
        "HTTPS://RD.EXAMPLE.GOV.CN/D/1",
        "12345678901234567890",
        "https://rd.example.gov.cn/代表/王爱珍/",
    ];

    // WeChat shows no SVG: the PNG must be the same modules, every pixel of a module black or white.
    [Theory]
    [MemberData(nameof(Texts))]
    public void Png_DrawsEveryModuleAsASquareOfTwelvePixels(string text)
    {
        var matrix = QrCodes.Encode(text);

        using var bitmap = SkiaSharp.SKBitmap.Decode(QrCodes.Png(matrix));

        Assert.Equal(matrix.Size * 12, bitmap.Width);
        Assert.Equal(matrix.Size * 12, bitmap.Height);
        for (var row = 0; row < matrix.Size; row++)
        {
            for (var column = 0; column < matrix.Size; column++)
            {
                var expected = matrix.IsDark(row, column) ? SkiaSharp.SKColors.Black : SkiaSharp.SKColors.White;
                Assert.Equal(expected, bitmap.GetPixel((column * 12) + 0, (row * 12) + 0));
                Assert.Equal(expected, bitmap.GetPixel((column * 12) + 11, (row * 12) + 11));
            }
        }
    }

    // The one-bit PNG (Replacements/SkiaSharp) against SkiaSharp's own encoding of the same code: every pixel, at
    // scales whose rows end inside a byte and on one.
    [Theory]
    [MemberData(nameof(Texts))]
    public void Png_OneBitEncoder_DecodesToSkiaSharpsPicture(string text)
    {
        var matrix = QrCodes.Encode(text);
        foreach (var scale in new[] { 1, 3, 8, 12 })
        {
            using var own = SkiaSharp.SKBitmap.Decode(QrPngEncoder.Encode(matrix, scale));
            using var library = SkiaSharp.SKBitmap.Decode(QrCodes.SkiaPng(matrix, scale));

            Assert.Equal((library.Width, library.Height), (own.Width, own.Height));
            for (var y = 0; y < own.Height; y++)
            {
                for (var x = 0; x < own.Width; x++)
                {
                    Assert.True(library.GetPixel(x, y) == own.GetPixel(x, y), $"{text} at scale {scale}: pixel ({x}, {y})");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Encode_AnyText_KeepsQRCodersModules(string text)
    {
        using var own = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);

        var matrix = QrCodes.Encode(text);

        Assert.Equal(own.ModuleMatrix.Count, matrix.Size);
        for (var row = 0; row < matrix.Size; row++)
        {
            for (var column = 0; column < matrix.Size; column++)
            {
                Assert.Equal(own.ModuleMatrix[row][column], matrix.IsDark(row, column));
            }
        }
    }

    [Fact]
    public void Svg_DrawsExactlyTheDarkModulesOnAWhiteSquare()
    {
        var matrix = QrCodes.Encode("https://rd.example.gov.cn/deputies/D7/");

        var svg = QrCodes.Svg(matrix);

        Assert.StartsWith($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {matrix.Size} {matrix.Size}\"", svg, StringComparison.Ordinal);
        Assert.Contains($"<path fill=\"#fff\" d=\"M0 0h{matrix.Size}v{matrix.Size}H0z\"/>", svg, StringComparison.Ordinal);

        // Follow the pen: each h is a stroke one module wide along the middle of a row.
        var path = Path().Match(svg).Groups[1].Value;
        var drawn = new bool[matrix.Size, matrix.Size];
        int x = 0, row = 0;
        foreach (Match step in Step().Matches(path))
        {
            var (a, b) = (int.Parse(step.Groups[2].Value), step.Groups[3].Success ? step.Groups[3].Value : null);
            switch (step.Groups[1].Value)
            {
                case "M":
                    (x, row) = (a, int.Parse(b!.Replace(".5", "")));
                    Assert.EndsWith(".5", b);
                    break;
                case "m":
                    Assert.Equal("0", b);
                    x += a;
                    break;
                default:
                    for (var i = 0; i < a; i++)
                    {
                        Assert.False(drawn[row, x + i], $"module ({row}, {x + i}) drawn twice");
                        drawn[row, x + i] = true;
                    }

                    x += a;
                    break;
            }
        }

        for (var r = 0; r < matrix.Size; r++)
        {
            for (var c = 0; c < matrix.Size; c++)
            {
                Assert.Equal(matrix.IsDark(r, c), drawn[r, c]);
            }
        }
    }

    [GeneratedRegex("<path stroke=\"#000\" d=\"([^\"]*)\"/>")]
    private static partial Regex Path();

    [GeneratedRegex(@"([Mmh])(-?\d+)(?: (\d+(?:\.5)?))?")]
    private static partial Regex Step();
}
