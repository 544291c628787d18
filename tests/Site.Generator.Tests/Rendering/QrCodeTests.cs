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
    public void Svg_DrawsEveryDarkModuleOnceOnAWhiteSquare()
    {
        var matrix = QrCodes.Encode("https://rd.example.gov.cn/deputies/D7/");

        var svg = QrCodes.Svg(matrix);

        Assert.StartsWith($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {matrix.Size} {matrix.Size}\"", svg, StringComparison.Ordinal);
        Assert.Contains($"<path fill=\"#ffffff\" d=\"M0 0h{matrix.Size}v{matrix.Size}H0z\"/>", svg, StringComparison.Ordinal);
        var dark = Enumerable.Range(0, matrix.Size * matrix.Size).Count(i => matrix.IsDark(i / matrix.Size, i % matrix.Size));
        var drawn = Run().Matches(svg).Sum(m => int.Parse(m.Groups[1].Value));
        Assert.Equal(dark, drawn);
    }

    [GeneratedRegex(@"M\d+ \d+h(\d+)v1h-\d+z")]
    private static partial Regex Run();
}
