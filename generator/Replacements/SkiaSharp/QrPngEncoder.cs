using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Site.Generator.Rendering;

/// <summary>
/// A QR code as a PNG of one bit per pixel (W3C PNG, third edition: IHDR bit depth 1, colour type 0,
/// greyscale, 0 black and 1 white), for the deputy's <c>qr.png</c>. SkiaSharp's encoder, given the
/// same code as an 8-bit grey image, tries the five row filters on every row of a picture that is
/// almost all repeats; at one PNG per deputy that was the largest cost of a province-sized roster's
/// render. Here the first pixel row of each module row is written unfiltered and the rows that
/// repeat it with the Up filter (all zeros), so zlib (<see cref="ZLibStream"/>) has next to nothing
/// to do; chunks are checked with the PNG CRC-32 (<see cref="Crc32"/>).
/// <para>
/// <c>QrPngEncoderTests</c> decodes this and SkiaSharp's PNG of the same codes and compares every
/// pixel; <see cref="Replacements.LibraryPaths"/> routes every PNG back through SkiaSharp.
/// </para>
/// </summary>
internal static class QrPngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG bytes of <paramref name="matrix"/> at <paramref name="scale"/> pixels per module (1 or more).</summary>
    public static byte[] Encode(QrMatrix matrix, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var pixels = matrix.Size * scale;
        var stride = (pixels + 7) / 8;

        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            var line = new byte[1 + stride];
            var repeat = new byte[1 + stride];
            repeat[0] = 2; // Up: each byte is the one above it.
            for (var row = 0; row < matrix.Size; row++)
            {
                Array.Clear(line);
                for (var x = 0; x < pixels; x++)
                {
                    if (!matrix.IsDark(row, x / scale))
                    {
                        line[1 + (x >> 3)] |= (byte)(0x80 >> (x & 7));
                    }
                }

                zlib.Write(line);
                for (var copy = 1; copy < scale; copy++)
                {
                    zlib.Write(repeat);
                }
            }
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, pixels);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], pixels);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering, one filter byte per row
        header[12] = 0; // not interlaced
        Chunk(png, "IHDR"u8, header);
        Chunk(png, "IDAT"u8, deflated.GetBuffer().AsSpan(0, (int)deflated.Length));
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        png.Write(number);
    }
}
