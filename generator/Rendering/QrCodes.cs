using System.Globalization;
using QRCoder;
using SkiaSharp;
using Site.Generator.Replacements;

namespace Site.Generator.Rendering;

/// <summary>
/// The modules of one QR code (quiet zone included), packed one bit each: small enough to keep one
/// per deputy across rebuilds.
/// </summary>
public sealed record QrMatrix(int Size, byte[] Bits)
{
    public bool IsDark(int row, int column)
    {
        var bit = (row * Size) + column;
        return (Bits[bit >> 3] & (1 << (bit & 7))) != 0;
    }
}

/// <summary>
/// QR codes of page URLs, scanned at stations ("扫码找代表") and printed on 三亮 cards, error
/// correction M. Page URLs go through <see cref="QrEncoder"/> (the same modules as QRCoder, at a
/// fraction of the cost); any other text through QRCoder. The SVG is drawn here as one path of horizontal
/// runs. Each URL is still encoded once per build and its modules kept.
/// </summary>
public static class QrCodes
{
    private const QRCodeGenerator.ECCLevel Correction = QRCodeGenerator.ECCLevel.M;

    public static QrMatrix Encode(string text)
    {
        if (!LibraryPaths.Enabled && QrEncoder.TryEncode(text, out var fast))
        {
            return fast;
        }

        using var data = QRCodeGenerator.GenerateQrCode(text, Correction);
        var size = data.ModuleMatrix.Count;
        var bits = new byte[((size * size) + 7) / 8];
        for (var row = 0; row < size; row++)
        {
            var line = data.ModuleMatrix[row];
            for (var column = 0; column < size; column++)
            {
                if (line[column])
                {
                    var bit = (row * size) + column;
                    bits[bit >> 3] |= (byte)(1 << (bit & 7));
                }
            }
        }

        return new QrMatrix(size, bits);
    }

    /// <summary>
    /// The code as SVG in module units (viewBox only: CSS or the img element sizes it), white
    /// background included so it scans on any page colour, crisp edges so printers do not blur it.
    /// Each run of dark modules in a row is one stroke one module wide along the row's middle, with
    /// relative moves between runs: about half the characters of a rectangle per run, and the code
    /// is in a deputy's page twice (drawn, and as the download link).
    /// </summary>
    public static string Svg(QrMatrix matrix)
    {
        var size = matrix.Size;
        var bits = matrix.Bits;

        // A run costs at most "m999 0h999" or "M999 999.5h999"; written into one rented buffer, because
        // a roster draws one code per deputy.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(256 + (size * size * 8));
        try
        {
            var writer = new SvgWriter(buffer);
            writer.Text("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Number(size).Text(" ").Number(size)
                .Text("\" shape-rendering=\"crispEdges\"><path fill=\"#fff\" d=\"M0 0h").Number(size).Text("v").Number(size).Text("H0z\"/><path stroke=\"#000\" d=\"");
            for (var row = 0; row < size; row++)
            {
                var end = -1; // where the previous run of this row ended
                var rowStart = row * size;
                for (var column = 0; column < size;)
                {
                    if (!IsDark(bits, rowStart + column))
                    {
                        column++;
                        continue;
                    }

                    var start = column;
                    while (column < size && IsDark(bits, rowStart + column))
                    {
                        column++;
                    }

                    if (end < 0)
                    {
                        writer.Char('M').Number(start).Char(' ').Number(row).Char('.').Char('5');
                    }
                    else
                    {
                        writer.Char('m').Number(start - end).Char(' ').Char('0');
                    }

                    writer.Char('h').Number(column - start);
                    end = column;
                }
            }

            return writer.Text("\"/></svg>").ToString();
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The code with a caption under it, for the file printed and taped to a station's wall (qr.svg,
    /// "供印刷"): whose code it is (<paramref name="title"/>, 王建国代表) and what scanning does
    /// (<paramref name="line"/>), so the paper says it by itself. The code keeps its quiet zone; the
    /// caption is a band of 8 modules below it, in the reader's CJK font (print shops and browsers have
    /// one). Printed 50 mm wide (width/height in mm); a caption wider than the code is squeezed to fit.
    /// </summary>
    public static string CaptionedSvg(QrMatrix matrix, string title, string line)
    {
        var size = matrix.Size;
        var height = size + 8;
        var code = Svg(matrix).Replace("<svg xmlns=\"http://www.w3.org/2000/svg\" ", $"<svg width=\"{size}\" height=\"{size}\" ", StringComparison.Ordinal);
        var millimetres = (50.0 * height / size).ToString("0.#", CultureInfo.InvariantCulture);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50mm\" height=\"{millimetres}mm\" viewBox=\"0 0 {size} {height}\">"
            + $"<rect width=\"{size}\" height=\"{height}\" fill=\"#fff\"/>{code}"
            + $"<g font-family=\"'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif\" text-anchor=\"middle\" fill=\"#000\">"
            + Text(title, size, size + 3, 3.2, bold: true)
            + Text(line, size, size + 6.6, 2.4, bold: false)
            + "</g></svg>";
    }

    /// <summary>One centred caption line; its width estimated (a CJK character 1 em, anything else 0.6 em) to squeeze a long one into the code's width.</summary>
    private static string Text(string text, int size, double baseline, double fontSize, bool bold)
    {
        var width = text.Sum(c => c >= '\u2e80' ? 1.0 : 0.6) * fontSize;
        var fit = width > size - 2 ? $" textLength=\"{size - 2}\" lengthAdjust=\"spacingAndGlyphs\"" : "";
        return $"<text x=\"{(size / 2.0).ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{baseline.ToString("0.#", CultureInfo.InvariantCulture)}\" font-size=\"{fontSize.ToString("0.#", CultureInfo.InvariantCulture)}\"{(bold ? " font-weight=\"700\"" : "")}{fit}>"
            + System.Net.WebUtility.HtmlEncode(text) + "</text>";
    }

    /// <summary>
    /// The code as a PNG, for sharing in WeChat (which shows no SVG) and for printing from a phone:
    /// <paramref name="scale"/> pixels per module (12: a 29-module code with its quiet zone is 348 px
    /// square), black on white, sharp module edges; one bit per pixel (<see cref="QrPngEncoder"/>).
    /// </summary>
    public static byte[] Png(QrMatrix matrix, int scale = 12) =>
        LibraryPaths.Enabled ? SkiaPng(matrix, scale) : QrPngEncoder.Encode(matrix, scale);

    /// <summary>The same picture encoded by SkiaSharp from an 8-bit grey image: the library path of <see cref="Png"/>.</summary>
    internal static byte[] SkiaPng(QrMatrix matrix, int scale)
    {
        var pixels = matrix.Size * scale;
        var grey = new byte[pixels * pixels];
        for (var row = 0; row < matrix.Size; row++)
        {
            for (var column = 0; column < matrix.Size; column++)
            {
                var value = matrix.IsDark(row, column) ? (byte)0 : (byte)255;
                for (var y = row * scale; y < (row + 1) * scale; y++)
                {
                    grey.AsSpan((y * pixels) + (column * scale), scale).Fill(value);
                }
            }
        }

        using var image = SKImage.FromPixelCopy(new SKImageInfo(pixels, pixels, SKColorType.Gray8, SKAlphaType.Opaque), grey);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static bool IsDark(byte[] bits, int bit) => (bits[bit >> 3] & (1 << (bit & 7))) != 0;

    private sealed class SvgWriter(char[] buffer)
    {
        private int _length;

        public SvgWriter Text(string text)
        {
            text.CopyTo(buffer.AsSpan(_length));
            _length += text.Length;
            return this;
        }

        public SvgWriter Char(char c)
        {
            buffer[_length++] = c;
            return this;
        }

        /// <summary>A module count or coordinate (0 to 999), in invariant digits.</summary>
        public SvgWriter Number(int value)
        {
            value.TryFormat(buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
            _length += written;
            return this;
        }

        public override string ToString() => new(buffer, 0, _length);
    }
}
