using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
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
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Simplified character → the traditional ones that fold to it (陈 → 陳); built once per run.
    private static readonly Lazy<FrozenDictionary<char, char[]>> Traditional = new(() => SimplifiedFolding.Pairs()
        .GroupBy(p => p.Simplified)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Traditional).ToArray()));

    /// <summary>
    /// A JSON object from each traditional character to its simplified one (<c>{"陳":"陈","華":"华"}</c>),
    /// for the characters of <paramref name="names"/> that have a traditional form, ordered by
    /// code point; null when none has one.
    /// </summary>
    public static string? Map(IEnumerable<string?> names)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in names.SelectMany(n => n ?? "").Distinct())
        {
            if (Traditional.Value.TryGetValue(c, out var forms))
            {
                foreach (var t in forms)
                {
                    map[t.ToString()] = c.ToString();
                }
            }
        }

        return map.Count == 0 ? null : JsonSerializer.Serialize(map, Options);
    }
}
