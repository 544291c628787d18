using System.Diagnostics;
using QRCoder;
using Site.Generator.Rendering;

namespace Site.Benchmarks;

/// <summary>
/// Encodes N deputy-page URLs with QRCoder and with the site's own encoder (one thread each), and
/// checks on the way that both place the same modules.
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
        Console.WriteLine($"  modules differing in the first 1,000: {differing}");
        return differing == 0 ? 0 : 1;
    }
}
