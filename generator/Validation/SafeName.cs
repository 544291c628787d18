using System.Text;

namespace Site.Generator.Validation;

/// <summary>
/// The shape every slug, tag and record id must have, because each becomes one segment of a URL and
/// of a path under _site/ (/stories/{slug}/, /tags/{tag}/, /deputies/{id}/ …): 1 to 100 letters of any
/// script (Chinese included) or digits, with - _ . · allowed between them. So no '/', '\', "..",
/// spaces, '#', '?', '%', control or invisible characters (zero-width, direction overrides), and no
/// name Windows reserves for a device (CON, NUL, COM1 …), which a build on an office PC could not write.
/// </summary>
public static class SafeName
{
    public const int MaxLength = 100;

    private static readonly HashSet<string> WindowsDevices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>What the shape is, for messages (Chinese).</summary>
    public const string Rule = "只能由汉字、字母、数字组成，中间可用 - _ . ·（开头和结尾须是汉字、字母或数字），不能有 / \\ 空格 # ? % 等符号，最长 100 个字";

    public static bool IsSafe(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        Rune last = default;
        var first = true;
        foreach (var rune in value.EnumerateRunes())
        {
            var letterOrDigit = Rune.IsLetterOrDigit(rune);
            if (first && !letterOrDigit)
            {
                return false;
            }

            var ok = letterOrDigit
                || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                || rune.Value is '-' or '_' or '.' or '·';
            if (!ok)
            {
                return false;
            }

            first = false;
            last = rune;
        }

        if (!Rune.IsLetterOrDigit(last))
        {
            return false;
        }

        var dot = value.IndexOf('.');
        return !WindowsDevices.Contains(dot < 0 ? value : value[..dot]);
    }

    /// <summary>The message for an unsafe <paramref name="value"/>, showing invisible characters as code points.</summary>
    public static string Describe(string value, string what) =>
        $"{what}“{Visible(value)}”不能用作网址：{Rule}";

    private static string Visible(string value)
    {
        var text = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.SpaceSeparator && rune.Value != ' ')
            {
                text.Append($"<U+{rune.Value:X4}>");
            }
            else
            {
                text.Append(rune.ToString());
            }
        }

        return text.Length > 120 ? text.ToString(0, 120) + "…" : text.ToString();
    }
}
