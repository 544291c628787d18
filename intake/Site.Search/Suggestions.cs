using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Search;

/// <summary>
/// 您是不是要找: for a short Chinese query that finds nothing, what the person most likely meant.
/// Candidates are the text with one character changed that pages' titles hold, taken from the title
/// field's own bigrams (for each character after the first, the bigrams that start with the character
/// before it give the replacements, kept when the bigram with the character after it is in the titles
/// too), and the deputies whose name reads as the text does in pinyin (于朋 → 于鹏, a phone's pinyin
/// keyboard offering the wrong character of the same sound; read with the generator's table,
/// <c>generator/Indexing/Data/han-pinyin.txt</c>, the one the deputies' pinyin keywords come from).
/// Places (the region facet's, also without 镇/乡/街道) and stations' names of the typed length are candidates
/// too, whichever character is off (华石 → 花石, 潭家山 → 谭家山). They rank: a deputy's whole name one character
/// off that sounds the same, a deputy's or a place's name that sounds the same (余鹏 → 于鹏: the keyboard's slip),
/// a deputy's name one character off, any whole title (or place) one character off, then the fragment most
/// titles hold, when SmartCn reads it as words (关于农村; never 华代, half of 中华代表). The first that itself finds something is suggested. Lucene's
/// DirectSpellChecker (Lucene.Net.Suggest) does this for words, but that package is not served here
/// at the index's version, and words are not what a bigram index holds.
/// </summary>
public static class Suggestions
{
    /// <summary>Longest query (in characters) a suggestion is looked for: names and places, not sentences.</summary>
    public const int MaxLength = 8;

    /// <summary>Replacements tried per position: the bigrams after one character, in index order.</summary>
    private const int PerPosition = 200;

    /// <summary>Readings of the text tried at most (polyphonic characters multiply them).</summary>
    private const int MaxReadings = 16;

    /// <summary>Candidates checked with a search before giving up.</summary>
    private const int MaxChecked = 8;

    /// <summary>
    /// What the person most likely meant by <paramref name="text"/> (see the class), among candidates
    /// for which <paramref name="finds"/> is true; null when there is none.
    /// </summary>
    public static string? Likeliest(IndexReader reader, IndexSearcher searcher, string text, Func<string, bool> finds)
    {
        var typed = ChineseQuery.ExactTitle(text);
        if (typed.Length is < 2 or > MaxLength || !typed.All(IsHan))
        {
            return null;
        }

        var terms = MultiFields.GetTerms(reader, SearchFields.Title);
        if (terms is null)
        {
            return null;
        }

        // Rank (lower first), then how many titles hold it, then the text (the same answer every time).
        var candidates = new Dictionary<string, (int Rank, int Count)>(StringComparer.Ordinal);
        var readings = Readings(typed);
        var seek = terms.GetEnumerator();
        var check = terms.GetEnumerator();
        for (var i = 1; i < typed.Length; i++)
        {
            var before = typed[i - 1].ToString();
            if (seek.SeekCeil(new BytesRef(before)) == TermsEnum.SeekStatus.END)
            {
                continue;
            }

            var tried = 0;
            do
            {
                var bigram = seek.Term.Utf8ToString();
                if (!bigram.StartsWith(before, StringComparison.Ordinal))
                {
                    break;
                }

                if (bigram.Length != 2 || bigram[1] == typed[i] || !IsHan(bigram[1]))
                {
                    continue;
                }

                var candidate = string.Concat(typed.AsSpan(0, i), bigram.AsSpan(1), typed.AsSpan(i + 1));
                if (i + 1 < typed.Length && !check.SeekExact(new BytesRef(candidate.Substring(i, 2))))
                {
                    continue;
                }

                var count = TitlesWith(searcher, candidate);
                if (count == 0)
                {
                    continue;
                }

                var rank = IsDeputy(searcher, candidate)
                    ? (Readings(candidate).Overlaps(readings) ? 0 : 2)
                    : WholeTitle(searcher, candidate) ? 3 : 4;
                if (rank == 4 && !OfWords(candidate))
                {
                    continue; // 华代 from 中华代表: a fragment no one means
                }

                candidates[candidate] = (rank, count);
            }
            while (++tried < PerPosition && seek.MoveNext());
        }

        foreach (var name in DeputiesReading(searcher, readings))
        {
            if (name != typed && !candidates.ContainsKey(name))
            {
                candidates[name] = (1, TitlesWith(searcher, name));
            }
        }

        // Places and stations, whatever character was mistyped, the first too (华石 → 花石, 潭家山 → 谭家山):
        // one that sounds the same as a deputy's name that does; one a character off as a whole title.
        foreach (var name in PlaceNames(reader, searcher))
        {
            if (name.Length != typed.Length || name == typed)
            {
                continue;
            }

            var rank = Readings(name).Overlaps(readings) ? 1 : Differing(name, typed) == 1 ? 3 : -1;
            if (rank >= 0 && (!candidates.TryGetValue(name, out var known) || known.Rank > rank))
            {
                candidates[name] = (rank, TitlesWith(searcher, name));
            }
        }

        return candidates
            .OrderBy(c => c.Value.Rank).ThenByDescending(c => c.Value.Count).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(MaxChecked)
            .Select(c => c.Key)
            .FirstOrDefault(finds);
    }

    /// <summary>
    /// The names of places and stations as people type them: every region of the region facet, also without
    /// 镇, 乡 or 街道 (花石镇, 花石), and every station's title, folded as titles are compared.
    /// </summary>
    private static IEnumerable<string> PlaceNames(IndexReader reader, IndexSearcher searcher)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var regions = MultiFields.GetTerms(reader, SearchFields.Region)?.GetEnumerator();
        while (regions is not null && regions.MoveNext())
        {
            var region = regions.Term.Utf8ToString();
            names.Add(region);
            foreach (var suffix in (string[])["街道", "镇", "乡"])
            {
                if (region.EndsWith(suffix, StringComparison.Ordinal) && region.Length - suffix.Length >= 2)
                {
                    names.Add(region[..^suffix.Length]);
                    break;
                }
            }
        }

        foreach (var station in searcher.Search(new TermQuery(new Term(SearchFields.Type, SearchTypes.Station)), MaxStations).ScoreDocs)
        {
            names.Add(ChineseQuery.ExactTitle(searcher.Doc(station.Doc).Get(SearchFields.Title) ?? ""));
        }

        names.Remove("");
        return names.Order(StringComparer.Ordinal);
    }

    /// <summary>Stations whose names are tried at most (a county has a few dozen).</summary>
    private const int MaxStations = 500;

    private static int Differing(string a, string b) => a.Zip(b).Count(p => p.First != p.Second);

    /// <summary>Whether SmartCn reads the text as words, none a lone character (关于农村, not 华代).</summary>
    private static bool OfWords(string text) => ChineseWordAnalyzer.Words(text).All(w => w.Length >= 2);

    /// <summary>How many titles hold the text as a phrase of its bigrams.</summary>
    private static int TitlesWith(IndexSearcher searcher, string text)
    {
        var phrase = new PhraseQuery();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            phrase.Add(new Term(SearchFields.Title, text.Substring(i, 2)), i);
        }

        var counter = new TotalHitCountCollector();
        searcher.Search(phrase, counter);
        return counter.TotalHits;
    }

    private static bool WholeTitle(IndexSearcher searcher, string text) =>
        searcher.Search(new TermQuery(new Term(SearchFields.TitleExact, text)), 1).TotalHits > 0;

    private static bool IsDeputy(IndexSearcher searcher, string name) =>
        searcher.Search(new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.TitleExact, name)), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Type, SearchTypes.Deputy)), Occur.MUST },
        }, 1).TotalHits > 0;

    /// <summary>The deputies whose pinyin keywords hold one of the readings (yupeng for 于鹏), by name.</summary>
    private static IEnumerable<string> DeputiesReading(IndexSearcher searcher, IReadOnlySet<string> readings)
    {
        if (readings.Count == 0)
        {
            return [];
        }

        var any = new BooleanQuery();
        foreach (var reading in readings)
        {
            any.Add(new TermQuery(new Term(SearchFields.Keywords, reading)), Occur.SHOULD);
        }

        var query = new BooleanQuery
        {
            { any, Occur.MUST },
            { new TermQuery(new Term(SearchFields.Type, SearchTypes.Deputy)), Occur.MUST },
        };
        return searcher.Search(query, MaxChecked).ScoreDocs
            .Select(d => ChineseQuery.ExactTitle(searcher.Doc(d.Doc).Get(SearchFields.Title) ?? ""))
            .Where(name => name.Length > 0)
            .ToList();
    }

    /// <summary>The text's pinyin without tones or spaces (yupeng), every reading of its polyphonic characters up to <see cref="MaxReadings"/>; empty when a character has none.</summary>
    internal static IReadOnlySet<string> Readings(string text)
    {
        var readings = new List<string> { "" };
        for (var i = 0; i < text.Length; i++)
        {
            var after = HanPinyin.Table.After(text[i]) ?? [];
            var syllables = i == 0 && HanPinyin.Table.AtStart(text[i]) is { } surname
                ? surname.Union(after, StringComparer.Ordinal).ToList()
                : (IReadOnlyList<string>)after;
            if (syllables.Count == 0)
            {
                return new HashSet<string>();
            }

            readings = readings.SelectMany(r => syllables.Select(s => r + s)).Take(MaxReadings).ToList();
        }

        return readings.ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
