using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using ICU4N.Text;

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
/// Compiling the transform's rules takes about two seconds, so the build starts it in the background
/// (<see cref="WarmUp"/>) and every name is transliterated once per process. ICU does not promise a
/// transliterator is safe on several threads at once, so calls are serialised.
/// </para>
/// </summary>
public static class NamePinyin
{
    private static readonly Lazy<Transliterator> Names = new(() => Transliterator.GetInstance("Han-Latin/Names; Latin-ASCII; Lower"));
    private static readonly Lazy<FrozenDictionary<int, string>> Astral = new(LoadAstral);
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, string?> Known = new(StringComparer.Ordinal);

    /// <summary>Starts compiling the transform, so it is ready by the time the index is written.</summary>
    public static Task WarmUp() => Task.Run(() => _ = Names.Value);

    /// <summary>"wangjianguo wang jian guo wjg" for 王建国, "wangji wang ji wj" for 王𠮷; null for a name without Han characters or readings.</summary>
    public static string? Keywords(string name)
    {
        if (!name.EnumerateRunes().Any(IsHan))
        {
            return null;
        }

        return Known.GetOrAdd(name, static string? (name) =>
        {
            string latin;
            var text = WithAstralReadings(name);
            lock (Gate)
            {
                latin = Names.Value.Transliterate(text);
            }

            var syllables = latin.Split([' ', '·', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
                .Select(s => new string(s.Where(char.IsAsciiLetterLower).ToArray()))
                .Where(s => s.Length > 0)
                .ToList();
            if (syllables.Count == 0)
            {
                return null; // only characters without a reading
            }

            var keywords = new StringBuilder(string.Concat(syllables));
            keywords.Append(' ').AppendJoin(' ', syllables).Append(' ').Append(string.Concat(syllables.Select(s => s[0])));
            return keywords.ToString();
        });
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

    /// <summary>CJK unified and compatibility ideographs, the extensions beyond the BMP (B to I) included.</summary>
    private static bool IsHan(Rune r) => r.Value is (>= 0x3400 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
        or (>= 0x20000 and <= 0x323AF) or (>= 0x2F800 and <= 0x2FA1F);
}
