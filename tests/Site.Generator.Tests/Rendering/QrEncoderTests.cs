using QRCoder;
using Site.Generator.Rendering;

namespace Site.Generator.Tests.Rendering;

/// <summary>
/// The site's own QR encoder must place exactly QRCoder's modules (same version, codewords, mask
/// segments, mask choice and format bits) for every text it accepts, and decline every text it does not handle.
/// </summary>
public sealed class QrEncoderTests
{
    private const string UrlCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-_./:?=&%#ABCDEFGHIJKLMNOPQRSTUVWXYZ~";

    [Fact]
    public void TryEncode_ThousandsOfUrls_PlacesQRCodersModules()
    {
        var random = new Random(20261123);
        var texts = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            // Every length the encoder takes, across all six versions and both sides of each boundary;
            // runs of digits and of capitals, so that every mode switch of the segmenting rules is met.
            var length = 1 + (i % QrEncoder.MaxLength);
            var text = new System.Text.StringBuilder(length);
            while (text.Length < length)
            {
                var run = random.Next(1, 16);
                var alphabet = random.Next(3) switch { 0 => "0123456789", 1 => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:", _ => UrlCharacters };
                for (var j = 0; j < run && text.Length < length; j++)
                {
                    text.Append(alphabet[random.Next(alphabet.Length)]);
                }
            }

            texts.Add(text.ToString());
        }

        texts.AddRange(Enumerable.Range(1, 2000).Select(n => $"https://rd.example.gov.cn/deputies/d{n:D6}/"));
        texts.AddRange(Enumerable.Range(1, 200).Select(n => $"http://127.0.0.1:8080/stations/s{n}/"));

        texts.AddRange(["HTTPS://RD.EXAMPLE.GOV.CN/D/1", "12345678901234567890", "https://rd.example.gov.cn/deputies/xiangtan-county-2026-0001/"]);

        foreach (var text in texts)
        {
            Assert.True(QrEncoder.TryEncode(text, out var matrix), text);
            AssertSameModules(text, matrix);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://rd.example.gov.cn/代表/王爱珍/")] // UTF-8
    [InlineData("https://rd.example.gov.cn/é/")] // ISO-8859-1
    [InlineData("line\nbreak")]
    public void TryEncode_TextItDoesNotHandle_Declines(string text)
    {
        Assert.False(QrEncoder.TryEncode(text, out _));
    }

    [Fact]
    public void TryEncode_LongerThanVersionSix_Declines()
    {
        Assert.True(QrEncoder.TryEncode("https://" + new string('a', QrEncoder.MaxLength - 8), out _));
        Assert.False(QrEncoder.TryEncode("https://" + new string('a', QrEncoder.MaxLength - 7), out _));
    }

    private static void AssertSameModules(string text, QrMatrix matrix)
    {
        using var own = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        Assert.True(own.ModuleMatrix.Count == matrix.Size, $"{text}: size {matrix.Size}, QRCoder {own.ModuleMatrix.Count}");
        for (var row = 0; row < matrix.Size; row++)
        {
            for (var column = 0; column < matrix.Size; column++)
            {
                if (own.ModuleMatrix[row][column] != matrix.IsDark(row, column))
                {
                    Assert.Fail($"{text}: module ({row}, {column}) differs from QRCoder's");
                }
            }
        }
    }
}
