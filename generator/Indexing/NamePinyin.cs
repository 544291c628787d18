using System.Collections.Concurrent;
using System.Text;
using ICU4N.Text;

namespace Site.Generator.Indexing;

/// <summary>
/// Pinyin of a person's name for the search index, so that someone on a phone can find 王建国 by
/// typing wangjianguo, wang jian guo, wjg or the start of any of them. ICU's Han-Latin/Names
/// transform reads surnames as surnames (单 shan, 曾 zeng, 解 xie, 区 ou, 仇 qiu).
/// <para>
/// Compiling the transform's rules takes about two seconds, so the build starts it in the background
/// (<see cref="WarmUp"/>) and every name is transliterated once per process. ICU does not promise a
/// transliterator is safe on several threads at once, so calls are serialised.
/// </para>
/// </summary>
public static class NamePinyin
{
    private static readonly Lazy<Transliterator> Names = new(() => Transliterator.GetInstance("Han-Latin/Names; Latin-ASCII; Lower"));
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    /// <summary>Starts compiling the transform, so it is ready by the time the index is written.</summary>
    public static Task WarmUp() => Task.Run(() => _ = Names.Value);

    /// <summary>"wangjianguo wang jian guo wjg" for 王建国; null for a name without Han characters.</summary>
    public static string? Keywords(string name)
    {
        if (!name.Any(IsHan))
        {
            return null;
        }

        return Known.GetOrAdd(name, static name =>
        {
            string latin;
            lock (Gate)
            {
                latin = Names.Value.Transliterate(name);
            }

            var syllables = latin.Split([' ', '·', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
                .Select(s => new string(s.Where(char.IsAsciiLetterLower).ToArray()))
                .Where(s => s.Length > 0)
                .ToList();
            var keywords = new StringBuilder(string.Concat(syllables));
            keywords.Append(' ').AppendJoin(' ', syllables).Append(' ').Append(string.Concat(syllables.Select(s => s[0])));
            return keywords.ToString();
        });
    }

    private static bool IsHan(char c) => c is (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
}
