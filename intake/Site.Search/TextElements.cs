using System.Globalization;

namespace Site.Search;

/// <summary>
/// Cutting text where a reader sees a boundary: between user-perceived characters (Unicode text
/// elements, UAX #29 extended grapheme clusters), never inside a surrogate pair (𠮷, emoji) or between
/// a character and the marks, selectors or joiners that belong to it. A cut inside a pair leaves a
/// lone surrogate, which JSON cannot encode (the endpoint answered 500) and a page shows as "�".
/// </summary>
public static class TextElements
{
    /// <summary>How far back <see cref="Boundary"/> looks for a character that always starts a text element.</summary>
    private const int Lookback = 64;

    /// <summary>The longest start of <paramref name="text"/> of at most <paramref name="maxChars"/> UTF-16 units that ends on a boundary.</summary>
    public static string Cut(string text, int maxChars) =>
        text.Length <= maxChars ? text : text[..Boundary(text, maxChars)];

    /// <summary>
    /// The last text-element boundary at or before <paramref name="index"/> (0 ≤ index ≤ length). Text
    /// elements are counted from the nearest character before it that always starts one (ASCII or a
    /// Han character of the basic plane), so a long text is not read from its start.
    /// </summary>
    public static int Boundary(string text, int index)
    {
        if (index <= 0 || index >= text.Length)
        {
            return Math.Clamp(index, 0, text.Length);
        }

        var from = index;
        var stop = Math.Max(0, index - Lookback);
        while (from > stop && !StartsElement(text[from]))
        {
            from--;
        }

        if (!StartsElement(text[from]))
        {
            from = 0;
        }

        var boundary = from;
        while (boundary < index)
        {
            var next = boundary + StringInfo.GetNextTextElementLength(text.AsSpan(boundary));
            if (next > index)
            {
                break;
            }

            boundary = next;
        }

        return boundary;
    }

    /// <summary>
    /// The text with each lone surrogate (which no encoder or normalizer accepts) replaced by U+FFFD:
    /// the same string when there is none, as with anything a browser sends.
    /// </summary>
    public static string Valid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && i++ >= 0))
            {
                var chars = text.ToCharArray();
                for (var j = i; j < chars.Length; j++)
                {
                    if (char.IsHighSurrogate(chars[j]) && j + 1 < chars.Length && char.IsLowSurrogate(chars[j + 1]))
                    {
                        j++;
                    }
                    else if (char.IsSurrogate(chars[j]))
                    {
                        chars[j] = '\uFFFD';
                    }
                }

                return new string(chars);
            }
        }

        return text;
    }

    /// <summary>The first text-element boundary at or after <paramref name="index"/>.</summary>
    public static int BoundaryAfter(string text, int index)
    {
        var before = Boundary(text, index);
        return before == index || before >= text.Length ? before : before + StringInfo.GetNextTextElementLength(text.AsSpan(before));
    }

    // Printable ASCII and common Han are never joined to what precedes them (no prepended marks in
    // the texts this site holds), so a text element starts there.
    private static bool StartsElement(char c) => c is (>= ' ' and <= '~') or (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}
