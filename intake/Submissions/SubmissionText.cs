using System.Buffers;
using System.Globalization;
using System.Text;

namespace Site.Intake.Submissions;

/// <summary>
/// The one check of submitted text, for every kind and both stores, so what one database takes and
/// the other refuses (U+0000 is fine in SQLite and fails a PostgreSQL insert) never reaches either.
/// Lengths are counted as a person counts: in user-perceived characters (Unicode text elements,
/// UAX #29), after Windows line breaks become one line break, so a text pasted from Word with 19
/// paragraphs is not 19 characters longer, and "好👍👍" is 3 characters, not 5.
/// </summary>
public static class SubmissionText
{
    /// <summary>Line breaks as LF (CR LF and a lone CR both become LF) and the ends trimmed.</summary>
    public static string Normalize(string? value) =>
        (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    /// <summary>User-perceived characters (text elements) in <paramref name="value"/>.</summary>
    public static int Length(string value) => new StringInfo(value).LengthInTextElements;

    /// <summary>
    /// Why <paramref name="value"/> cannot be stored, or null: a control character other than tab and
    /// line feed (U+0000 among them), or a lone UTF-16 surrogate (no character at all).
    /// </summary>
    public static string? Unstorable(string value, string label)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
            {
                return $"{label}含有无法识别的字符，请删除后重新输入";
            }

            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control && rune.Value is not ('\t' or '\n'))
            {
                return $"{label}含有不可见的控制字符（U+{rune.Value:X4}），多见于从其他软件复制的文字，请删除后重新输入";
            }

            rest = rest[used..];
        }

        return null;
    }

    /// <summary>
    /// True when nothing in <paramref name="value"/> would show on a page: only spaces, line breaks,
    /// format characters (zero-width spaces and joiners, direction marks and overrides, U+FEFF) and
    /// the blank fillers (U+115F, U+1160, U+3164, U+FFA0, U+2800).
    /// </summary>
    public static bool IsInvisible(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var blank = Rune.IsWhiteSpace(rune)
                || category is UnicodeCategory.Format or UnicodeCategory.Control
                || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
            if (!blank)
            {
                return false;
            }
        }

        return true;
    }
}
