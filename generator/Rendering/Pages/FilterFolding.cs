using System.Collections.Frozen;
using System.Text;
using Site.Search;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// The traditional characters a page's offline name filter folds to simplified ones (陳 → 陈), so
/// typing 陳美華 finds 陈美华 as the site search does. Only the characters that fold to one used in
/// the page's names are sent, not the whole table of <see cref="SimplifiedFolding"/> (the same data,
/// ICU's Traditional-Simplified transform), so a phone loads a few dozen pairs, not thousands.
/// </summary>
public static class FilterFolding
{
    // Simplified character → the traditional ones that fold to it (陈 → 陳); built once per run.
    private static readonly Lazy<FrozenDictionary<char, char[]>> Traditional = new(() => SimplifiedFolding.Pairs()
        .GroupBy(p => p.Simplified)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Traditional).ToArray()));

    /// <summary>
    /// Pairs of characters, each traditional one followed by its simplified one (<c>陳陈華华</c>), for
    /// the characters of <paramref name="names"/> that have a traditional form, ordered by the
    /// traditional code point; null when none has one. Pairs rather than JSON: an attribute escapes
    /// every quote of JSON, tripling its size. Every character of the table is in the basic plane,
    /// so each pair is two UTF-16 units.
    /// </summary>
    public static string? Map(IEnumerable<string?> names)
    {
        var map = new SortedDictionary<char, char>();
        foreach (var c in names.SelectMany(n => n ?? "").Distinct())
        {
            if (Traditional.Value.TryGetValue(c, out var forms))
            {
                foreach (var t in forms)
                {
                    map[t] = c;
                }
            }
        }

        if (map.Count == 0)
        {
            return null;
        }

        var pairs = new StringBuilder(map.Count * 2);
        foreach (var (traditional, simplified) in map)
        {
            pairs.Append(traditional).Append(simplified);
        }

        return pairs.ToString();
    }
}
