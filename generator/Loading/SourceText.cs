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
    public static T Read<T>(string path, TextUse<T> use) => Read(path, use, detectGb18030: false, out _);

    /// <summary>
    /// As <see cref="Read{T}(string, TextUse{T})"/>; with <paramref name="detectGb18030"/>, a file without a
    /// byte order mark whose bytes are not valid UTF-8 is read as GB18030 (the superset of GBK and GB2312
    /// that Chinese Windows editors save as "ANSI") when it decodes as that without a bad byte.
    /// <paramref name="found"/> says which way the file was read.
    /// </summary>
    public static T Read<T>(string path, TextUse<T> use, bool detectGb18030, out SourceEncoding found)
    {
        found = SourceEncoding.Utf8;
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
            if (detectGb18030 && bom == 0 && !System.Text.Unicode.Utf8.IsValid(bytes))
            {
                found = SourceEncoding.NotUtf8;
                if (IsGb18030(bytes))
                {
                    encoding = Gb18030.Value;
                    found = SourceEncoding.Gb18030;
                }
            }

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

    /// <summary>
    /// Tells the author how a file was read: a GBK file gets a warning (it was read correctly, but should be
    /// saved as UTF-8), a file in neither encoding an error. False when the text is not to be used.
    /// </summary>
    public static bool Report(SourceEncoding encoding, string relativePath, Diagnostics.DiagnosticBag diagnostics)
    {
        var location = new Diagnostics.SourceLocation(relativePath, 1, 1);
        switch (encoding)
        {
            case SourceEncoding.Gb18030:
                diagnostics.Warning(
                    Diagnostics.DiagnosticCodes.NotUtf8,
                    location,
                    "文件是 GBK（GB18030）编码，已按 GBK 读取；请在编辑器里用“UTF-8”编码另存此文件（记事本：另存为 → 编码选 UTF-8）");
                return true;
            case SourceEncoding.NotUtf8:
                diagnostics.Error(
                    Diagnostics.DiagnosticCodes.NotUtf8,
                    location,
                    "文件不是 UTF-8 编码，也不是 GBK，无法正确读出文字：请在编辑器里用“UTF-8”编码另存此文件");
                return false;
            default:
                return true;
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

    /// <summary>GB18030 comes with .NET's code pages provider (part of the shared framework), registered once.</summary>
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    private static bool IsGb18030(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Gb18030.Value.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

/// <summary>How <see cref="SourceText"/> read a file.</summary>
public enum SourceEncoding
{
    /// <summary>UTF-8 (or the UTF-16/32 its byte order mark named).</summary>
    Utf8,

    /// <summary>Not valid UTF-8, read as GB18030 (GBK).</summary>
    Gb18030,

    /// <summary>Neither UTF-8 nor GB18030: read as UTF-8, each bad byte as U+FFFD.</summary>
    NotUtf8,
}
