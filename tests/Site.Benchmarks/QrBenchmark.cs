using System.Diagnostics;
using QRCoder;
using Site.Generator.Rendering;

namespace Site.Benchmarks;

/// <summary>
/// Encodes N deputy-page URLs with QRCoder and with the site's own encoder (one thread each), and
/// checks on the way that both place the same modules; then draws the first 2,000 as SVG and as the
/// deputy's PNG by SkiaSharp and by the one-bit encoder.
/// </summary>
internal static class QrBenchmark
{
    public static int Run(int codes)
    {
        var urls = Enumerable.Range(1, codes).Select(n => $"https://rd.example.gov.cn/deputies/d{n:D6}/").ToList();

        // Warm both up so the JIT is not measured.
        foreach (var url in urls.Take(200))
        {
            QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M).Dispose();
            QrEncoder.TryEncode(url, out _);
        }

        var library = Stopwatch.StartNew();
        foreach (var url in urls)
        {
            QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M).Dispose();
        }

        library.Stop();
        var own = Stopwatch.StartNew();
        foreach (var url in urls)
        {
            QrEncoder.TryEncode(url, out _);
        }

        own.Stop();
        var matrices = urls.Select(QrCodes.Encode).ToList();
        var drawing = Stopwatch.StartNew();
        var characters = matrices.Sum(m => (long)QrCodes.Svg(m).Length);
        drawing.Stop();
        // The deputy's qr.png: SkiaSharp's encoder against the one-bit encoder, on the first 2,000 codes.
        var some = matrices.Take(Math.Min(2000, matrices.Count)).ToList();
        QrCodes.SkiaPng(some[0], 12);
        QrPngEncoder.Encode(some[0], 12);
        var skia = Stopwatch.StartNew();
        var skiaBytes = some.Sum(m => (long)QrCodes.SkiaPng(m, 12).Length);
        skia.Stop();
        var oneBit = Stopwatch.StartNew();
        var oneBitBytes = some.Sum(m => (long)QrPngEncoder.Encode(m, 12).Length);
        oneBit.Stop();
        var differing = urls.Take(1000).Count(url =>
        {
            using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
            var matrix = QrCodes.Encode(url);
            return Enumerable.Range(0, matrix.Size * matrix.Size).Any(i => data.ModuleMatrix[i / matrix.Size][i % matrix.Size] != matrix.IsDark(i / matrix.Size, i % matrix.Size));
        });

        Console.WriteLine($"{codes:N0} URLs like {urls[^1]}");
        Console.WriteLine($"  QRCoder     {library.Elapsed.TotalMicroseconds / codes,7:F1} µs per code");
        Console.WriteLine($"  QrEncoder   {own.Elapsed.TotalMicroseconds / codes,7:F1} µs per code");
        Console.WriteLine($"  SVG drawing {drawing.Elapsed.TotalMicroseconds / codes,7:F1} µs per code ({characters / codes:N0} characters)");
        Console.WriteLine($"  PNG, SkiaSharp {skia.Elapsed.TotalMicroseconds / some.Count,7:F1} µs per code ({skiaBytes / some.Count:N0} bytes)");
        Console.WriteLine($"  PNG, one bit   {oneBit.Elapsed.TotalMicroseconds / some.Count,7:F1} µs per code ({oneBitBytes / some.Count:N0} bytes)");
        Console.WriteLine($"  modules differing in the first 1,000: {differing}");
        return differing == 0 ? 0 : 1;
    }
}
