using System.Buffers;
using System.Text;

namespace Site.Generator.Loading;

/// <summary>
/// Reads a text file the way <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte order
/// mark says otherwise, invalid bytes as U+FFFD), allocating only the strings the caller keeps: the
/// file's bytes and its characters go into pooled buffers. ReadAllText's reader buffers and growing builder
/// were garbage several times the size of each story, which a large site loads by the ten thousand
/// (figures: BENCHMARKS.md, `build`).
/// </summary>
public static class SourceText
{
    /// <summary>The text as a span, valid only during the call; <see cref="Read{T}"/> gives it to one.</summary>
    public delegate T TextUse<out T>(ReadOnlySpan<char> text);

    public static string Read(string path) => Read(path, static text => text.ToString());

    /// <summary>
    /// Decodes the file into a pooled buffer and hands <paramref name="use"/> the text, so a caller that
    /// keeps only parts of it (a story's header and body) does not first copy all of it into a string.
    /// </summary>
    public static T Read<T>(string path, TextUse<T> use)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > 64 << 20)
        {
            return use(File.ReadAllText(path)); // not a page anyone writes by hand; no need to be clever
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        char[]? chars = null;
        try
        {
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            var (encoding, bom) = EncodingOf(buffer.AsSpan(0, read));
            var bytes = buffer.AsSpan(bom, read - bom);
            chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(bytes.Length));
            return use(chars.AsSpan(0, encoding.GetChars(bytes, chars)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (chars is not null)
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    /// <summary>The byte order marks StreamReader recognises (and their length), then UTF-8.</summary>
    private static (Encoding Encoding, int Bom) EncodingOf(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (BigEndianUtf32, 4),
        _ => (Encoding.UTF8, 0),
    };

    private static readonly UTF32Encoding BigEndianUtf32 = new(bigEndian: true, byteOrderMark: false);
}
