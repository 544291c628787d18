using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Site.Intake.Office;

/// <summary>
/// Puts characters outside the Basic Multilingual Plane (emoji such as 😀 and 👍🏽, CJK Extension B
/// such as 𠮷) back into a package MiniExcel wrote. MiniExcel escapes each UTF-16 surrogate on its
/// own as an OOXML <c>_xHHHH_</c> escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring); Excel decodes the
/// pair, but LibreOffice and WPS show the literal <c>_xD83D__xDE00_</c>. The escapes are read left to
/// right as the standard decodes them, so a literal <c>_x</c> the writer escaped as <c>_x005F_x…</c>
/// stays as it is.
/// </summary>
public static partial class SheetText
{
    /// <summary>
    /// The package <paramref name="xlsx"/> with every high+low surrogate escape pair in its
    /// worksheets and shared strings replaced by the character itself; other escapes are kept.
    /// </summary>
    public static byte[] RestoreAstral(byte[] xlsx)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var parts = zip.Entries
                .Where(e => e.FullName == "xl/sharedStrings.xml" || (e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
                .Select(e => e.FullName)
                .ToList();
            foreach (var name in parts)
            {
                var entry = zip.GetEntry(name)!;
                string xml;
                using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                {
                    xml = reader.ReadToEnd();
                }

                var restored = Restore(xml);
                if (ReferenceEquals(restored, xml) || restored == xml)
                {
                    continue;
                }

                entry.Delete();
                using var output = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                output.Write(restored);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// <paramref name="text"/> with each <c>_xD83D__xDE00_</c>-style pair replaced by its character;
    /// every other <c>_xHHHH_</c> escape (<c>_x005F_</c> for a literal underscore among them) is kept.
    /// </summary>
    internal static string Restore(string text) =>
        !text.Contains("_x", StringComparison.OrdinalIgnoreCase) ? text : Escape().Replace(text, match =>
        {
            if (!match.Groups[2].Success)
            {
                return match.Value;
            }

            var high = (char)Convert.ToInt32(match.Groups[1].Value, 16);
            var low = (char)Convert.ToInt32(match.Groups[2].Value, 16);
            return char.IsHighSurrogate(high) && char.IsLowSurrogate(low) ? new string([high, low]) : match.Value;
        });

    // One escape, or a high-surrogate escape directly followed by a low-surrogate one; matched left to
    // right, so the escape _x005F_ consumes its underscore and the x… after it is never read as one.
    [GeneratedRegex("_x(?:(D[89AB][0-9A-F]{2})_(?=_xD[C-F])_x(D[C-F][0-9A-F]{2})|[0-9A-F]{4})_", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Escape();
}
