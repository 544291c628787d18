using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using ICU4N.Text;
using Site.Generator.Replacements;
using Site.Search;

namespace Site.Generator.Indexing;

/// <summary>
/// Pinyin of a person's name for the search index, so that someone on a phone can find 王建国 by
/// typing wangjianguo, wang jian guo, wjg or the start of any of them. ICU's Han-Latin/Names
/// transform reads surnames as surnames (单 shan, 曾 zeng, 解 xie, 区 ou, 仇 qiu).
/// <para>
/// ICU has readings for the Basic Multilingual Plane only; a character of the CJK extensions beyond
/// it (王𠮷, U+20BB7) is read from <c>Indexing/Data/astral-pinyin.txt</c>: Unihan's kMandarin (or
/// kHanyuPinyin, kXHC1983, kTGHZ2013) for every code point from U+20000, and for one Unihan gives no
/// reading, its variant's (𠮷 is a variant of 吉, jí). <c>make-astral-pinyin.py</c> beside it makes the
/// table from Debian's unicode-data package. A character without a reading is left out of the pinyin.
/// </para>
/// <para>
/// Compiling the transform's rules costs more than the rest of a small site's build of the roster, so
/// a name is read from <c>Indexing/Data/han-pinyin.txt</c> instead: what that same transform gives for
/// every CJK ideograph of the BMP, alone (the first character of a name or of a part after ·,
/// where ICU reads surnames) and after another character, made from ICU by <c>NamePinyinTableTests</c>
/// (which fails when the table and ICU part ways). The transform's few rules that look at the next
/// character (令狐, 万俟, 澹台, 长孙 at the start; 藏文, 重庆, 沈阳, 秘鲁) are applied here as ICU
/// applies them. A name with anything else (Latin letters, digits, other punctuation, a space) is
/// read by ICU itself, compiled on first use; ICU does not promise a transliterator is safe on
/// several threads at once, so those calls are serialised. Every name is read once per process. With
/// <see cref="LibraryPaths"/> on, every name is read by ICU.
/// </para>
/// </summary>
public static class NamePinyin
{
    /// <summary>The ICU transform the table is made from, and that reads a name the table cannot.</summary>
    internal const string TransformId = "Han-Latin/Names; Latin-ASCII; Lower";

    private static readonly Lazy<Transliterator> Names = new(() => Transliterator.GetInstance(TransformId));
    private static readonly Lazy<FrozenDictionary<int, string>> Astral = new(LoadAstral);
    private static readonly Lazy<HanTable> Table = new(HanTable.Load);
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, string?> Known = new(StringComparer.Ordinal);

    /// <summary>Starts reading the table (with <see cref="LibraryPaths"/> on, compiling ICU's transform), so it is ready by the time the roster is rendered and indexed.</summary>
    public static Task WarmUp() => Task.Run(() => _ = LibraryPaths.Enabled ? Names.Value : (object)Table.Value);

    /// <summary>"wangjianguo wang jian guo wjg" for 王建国, "wangji wang ji wj" for 王𠮷; null for a name without Han characters or readings.</summary>
    public static string? Keywords(string name)
    {
        if (!name.EnumerateRunes().Any(IsHan))
        {
            return null;
        }

        return Known.GetOrAdd(name, static string? (name) =>
        {
            var text = WithAstralReadings(name);
            return Join((LibraryPaths.Enabled ? null : Table.Value.Syllables(name, text)) ?? IcuSyllables(text));
        });
    }

    /// <summary>What <see cref="Keywords"/> gives when ICU reads the whole name (the table's check).</summary>
    internal static string? KeywordsByIcu(string name) =>
        name.EnumerateRunes().Any(IsHan) ? Join(IcuSyllables(WithAstralReadings(name))) : null;

    /// <summary>The syllables in the transform's output: what lies between separators, ASCII letters only.</summary>
    internal static List<string> Syllables(string latin) =>
        latin.Split([' ', '·', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => new string(s.Where(char.IsAsciiLetterLower).ToArray()))
            .Where(s => s.Length > 0)
            .ToList();

    private static List<string> IcuSyllables(string text)
    {
        string latin;
        lock (Gate)
        {
            latin = Names.Value.Transliterate(text);
        }

        return Syllables(latin);
    }

    private static string? Join(List<string> syllables)
    {
        if (syllables.Count == 0)
        {
            return null; // only characters without a reading
        }

        var keywords = new StringBuilder(string.Concat(syllables));
        keywords.Append(' ').AppendJoin(' ', syllables).Append(' ').Append(string.Concat(syllables.Select(s => s[0])));
        return keywords.ToString();
    }

    /// <summary>The name with each character beyond the BMP replaced by its reading between spaces (ICU passes Latin through).</summary>
    private static string WithAstralReadings(string name)
    {
        if (!name.Any(char.IsSurrogate))
        {
            return name;
        }

        var text = new StringBuilder(name.Length + 8);
        foreach (var rune in name.EnumerateRunes())
        {
            if (!rune.IsBmp && Astral.Value.TryGetValue(rune.Value, out var reading))
            {
                text.Append(' ').Append(reading).Append(' ');
            }
            else if (rune.IsBmp)
            {
                text.Append((char)rune.Value);
            }
        }

        return text.ToString();
    }

    private static FrozenDictionary<int, string> LoadAstral()
    {
        using var stream = typeof(NamePinyin).Assembly.GetManifestResourceStream("Site.Generator.astral-pinyin.txt")
            ?? throw new InvalidOperationException("astral-pinyin.txt is not embedded in the generator");
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var table = new Dictionary<int, string>(20_000);
        while (reader.ReadLine() is { } line)
        {
            var space = line.IndexOf(' ');
            if (space > 0)
            {
                table[int.Parse(line.AsSpan(0, space), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = string.Intern(line[(space + 1)..]);
            }
        }

        return table.ToFrozenDictionary();
    }

    /// <summary>Names read with <see cref="HanPinyin"/>, as ICU's transform reads them.</summary>
    internal sealed class HanTable(HanPinyin pinyin)
    {
        public static HanTable Load() => new(HanPinyin.Table);

        /// <summary>
        /// The syllables of <paramref name="text"/> (<paramref name="name"/> with the readings of its characters beyond
        /// the BMP put in); null when the name holds anything but the table's characters, · and characters beyond the BMP.
        /// </summary>
        public List<string>? Syllables(string name, string text)
        {
            foreach (var c in name)
            {
                if (c != '·' && !char.IsSurrogate(c) && pinyin.After(c) is null)
                {
                    return null;
                }
            }

            var syllables = new List<string>(text.Length);
            var latin = -1;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsAsciiLetterLower(c))
                {
                    latin = latin < 0 ? i : latin; // a reading put in for a character beyond the BMP
                    continue;
                }

                if (latin >= 0)
                {
                    syllables.Add(text[latin..i]);
                    latin = -1;
                }

                if (c is ' ' or '·')
                {
                    continue;
                }

                if (pinyin.After(c) is not { } inner)
                {
                    return null; // U+FFFD for a lone surrogate
                }

                // ICU marks a character that follows no Han character as the start, where surnames are read.
                var first = i == 0 || pinyin.After(text[i - 1]) is null;
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                syllables.AddRange(BeforeNext(c, next, first) ?? (first && pinyin.AtStart(c) is { } surname ? surname : inner));
            }

            if (latin >= 0)
            {
                syllables.Add(text[latin..]);
            }

            return syllables;
        }

        /// <summary>The transform's rules that read a character by the one after it (ICU 60's Han-Latin/Names, then Han-Latin).</summary>
        private static string[]? BeforeNext(char c, char next, bool first) => (c, next) switch
        {
            ('令', '狐') => ["ling"],
            ('万', '俟') => ["mo"],
            ('澹', '台') => ["tan"],
            ('长', '孙') when first => ["zhang"],
            ('藏', '文') => ["zang"],
            ('重', '庆') => ["chong"],
            ('沈', '阳') => ["shen"],
            ('秘', '鲁') => ["bi"],
            _ => null,
        };
    }

    /// <summary>CJK unified and compatibility ideographs, the extensions beyond the BMP (B to I) included.</summary>
    private static bool IsHan(Rune r) => r.Value is (>= 0x3400 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
        or (>= 0x20000 and <= 0x323AF) or (>= 0x2F800 and <= 0x2FA1F);
}
