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

    /// <summary>
    /// The one check of a submission's main text (a comment, a message), called on the normalized
    /// text: unstorable, empty, only invisible characters, shorter than <paramref name="min"/> or longer
    /// than <paramref name="max"/> text elements. The Chinese sentence names the field by
    /// <paramref name="label"/> (意见内容, 留言内容); null when the text is fine.
    /// </summary>
    public static string? CheckText(string text, string label, int min, int max)
    {
        var length = Length(text);
        return Unstorable(text, label) is { } unstorable ? unstorable
            : text.Length == 0 ? $"请填写{label}"
            : IsInvisible(text) ? $"{label}只有空白或看不见的字符，请填写文字"
            : length < min ? $"{label}至少 {min} 个字，当前 {length} 个字"
            : length > max ? $"{label}最多 {max} 个字，当前 {length} 个字"
            : text.Length > MaxUnits(max) ? TooManyUnits(label)
            : null;
    }

    /// <summary>The check of a short optional field (name, contact): storable and at most <paramref name="max"/> text elements.</summary>
    public static string? CheckShort(string? value, string label, int max) =>
        value is null ? null
        : Unstorable(value, label) is { } problem ? problem
        : Length(value) > max ? $"{label}最多 {max} 个字"
        : value.Length > MaxUnits(max) ? TooManyUnits(label)
        : null;

    /// <summary>
    /// The most UTF-16 code units a field of <paramref name="max"/> text elements may hold: 16 per
    /// element (a family emoji is 11, a subdivision flag 14), and never more than
    /// <see cref="MaxCellUnits"/>. Counting text elements alone let one letter followed by 100,000
    /// combining accents pass as one character.
    /// </summary>
    public static int MaxUnits(int max) => (int)Math.Min(16L * max, MaxCellUnits);

    /// <summary>
    /// UTF-16 code units a text may hold at most: under Excel's 32,767 characters per cell (Microsoft,
    /// "Excel specifications and limits"), with room for the apostrophe the export puts before
    /// formula-like text; a longer cell makes Excel repair the office's export.
    /// </summary>
    public const int MaxCellUnits = 32_000;

    private static string TooManyUnits(string label) =>
        $"{label}过长：含有过多的附加符号、表情或特殊字符，请删减后重新提交";

    /// <summary>
    /// User-perceived characters (text elements) in <paramref name="value"/>, not counting an element
    /// made only of zero-width characters (<see cref="IsZeroWidth"/>): "好" followed by four zero-width
    /// spaces is one character, as it looks, not five. A zero-width joiner inside an emoji sequence
    /// belongs to the emoji's element and counts with it.
    /// </summary>
    public static int Length(string value)
    {
        var count = 0;
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var element = rest[..StringInfo.GetNextTextElementLength(rest)];
            foreach (var c in element)
            {
                if (!IsZeroWidth(c))
                {
                    count++;
                    break;
                }
            }

            rest = rest[element.Length..];
        }

        return count;
    }

    /// <summary>
    /// The zero-width characters text pasted from web pages and chat apps carries: zero-width space,
    /// non-joiner and joiner (U+200B–U+200D), word joiner (U+2060) and the byte order mark used as a
    /// zero-width no-break space (U+FEFF).
    /// </summary>
    public static bool IsZeroWidth(char c) => c is (>= '\u200B' and <= '\u200D') or '\u2060' or '\uFEFF';

    /// <summary>
    /// Why <paramref name="value"/> cannot be stored, or null: a control character other than tab and
    /// line feed (U+0000 among them), a bidirectional control (U+202A–U+202E, U+2066–U+2069), or a
    /// lone UTF-16 surrogate (no character at all).
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

            // Bidirectional embeddings, overrides and isolates (Unicode TR #9): they make text show in
            // another order than it is stored, in the office's sheet and in published text alike.
            if (rune.Value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069))
            {
                return $"{label}含有改变文字显示方向的看不见的字符（U+{rune.Value:X4}），会使文字显示得与实际内容不同，请删除后重新输入";
            }

            rest = rest[used..];
        }

        return null;
    }

    /// <summary>
    /// A value the client sent (an id from the address, an article), as an answer may quote it: percent-escapes
    /// decoded (a %2F the router kept), controls, format characters (bidi overrides U+202E, zero-width
    /// spaces) and default-ignorable code points removed, and cut to <paramref name="max"/> text elements
    /// with "…", so a 404 never echoes invisible text or an id of thousands of characters.
    /// </summary>
    public static string Shown(string? value, int max = 40)
    {
        var text = value ?? "";
        try
        {
            text = Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
        }

        var kept = new StringBuilder(Math.Min(text.Length, max * 4));
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse || IsDefaultIgnorable(rune.Value))
            {
                continue;
            }

            kept.Append(rune.ToString());
            if (kept.Length > max * 8)
            {
                break;
            }
        }

        var info = new StringInfo(kept.ToString());
        return info.LengthInTextElements <= max ? info.String : info.SubstringByTextElements(0, max) + "…";
    }

    /// <summary>
    /// True when nothing in <paramref name="value"/> would show on a page: only spaces, line breaks,
    /// format characters (zero-width spaces and joiners, direction marks and overrides, U+FEFF), the
    /// Braille blank U+2800, and every Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt:
    /// soft hyphen U+00AD, U+034F, the Hangul fillers, variation selectors, tags …).
    /// </summary>
    public static bool IsInvisible(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var blank = Rune.IsWhiteSpace(rune)
                || category is UnicodeCategory.Format or UnicodeCategory.Control
                || rune.Value == 0x2800
                || IsDefaultIgnorable(rune.Value);
            if (!blank)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, Unicode 15.1): code
    /// points a renderer shows as nothing when it does not support them.
    /// </summary>
    public static bool IsDefaultIgnorable(int codePoint) => codePoint is
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or (>= 0x17B4 and <= 0x17B5) or (>= 0x180B and <= 0x180F)
        or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F) or 0x3164
        or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0 or (>= 0xFFF0 and <= 0xFFF8) or (>= 0x1BCA0 and <= 0x1BCA3)
        or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);
}
