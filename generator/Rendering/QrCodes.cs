using System.Globalization;
using System.Text;
using QRCoder;

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
/// correction M. Page URLs go through <see cref="QrEncoder"/> (the same modules as QRCoder, several
/// times faster); any other text through QRCoder. The SVG is drawn here as one path of horizontal
/// runs. Each URL is still encoded once per build and its modules kept.
/// </summary>
public static class QrCodes
{
    private const QRCodeGenerator.ECCLevel Correction = QRCodeGenerator.ECCLevel.M;

    public static QrMatrix Encode(string text)
    {
        if (QrEncoder.TryEncode(text, out var fast))
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
        var n = matrix.Size.ToString(CultureInfo.InvariantCulture);
        var svg = new StringBuilder(3072);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").Append(n).Append(' ').Append(n)
            .Append("\" shape-rendering=\"crispEdges\"><path fill=\"#fff\" d=\"M0 0h").Append(n).Append('v').Append(n).Append("H0z\"/><path stroke=\"#000\" d=\"");
        for (var row = 0; row < matrix.Size; row++)
        {
            var end = -1; // where the previous run of this row ended
            for (var column = 0; column < matrix.Size;)
            {
                if (!matrix.IsDark(row, column))
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < matrix.Size && matrix.IsDark(row, column))
                {
                    column++;
                }

                if (end < 0)
                {
                    svg.Append('M').Append(start).Append(' ').Append(row).Append(".5");
                }
                else
                {
                    svg.Append('m').Append(start - end).Append(" 0");
                }

                svg.Append('h').Append(column - start);
                end = column;
            }
        }

        return svg.Append("\"/></svg>").ToString();
    }
}
