using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Site.Search;

/// <summary>
/// 您是不是要找: for a short Chinese query that finds nothing, the same text with one character
/// changed (花石真 → 花石镇) that pages' titles hold, taken from the title field's own bigrams: for each
/// character after the first, the bigrams that start with the character before it give the
/// replacements, kept when the bigram with the character after it is in the titles too; of those, the
/// one most titles hold as a phrase. Lucene's DirectSpellChecker (Lucene.Net.Suggest) does this for
/// words, but that package is not served here at the index's version, and words are not what a
/// bigram index holds.
/// </summary>
public static class Suggestions
{
    /// <summary>Longest query (in characters) a suggestion is looked for: names and places, not sentences.</summary>
    public const int MaxLength = 8;

    /// <summary>Replacements tried per position: the bigrams after one character, in index order.</summary>
    private const int PerPosition = 200;

    /// <summary>The text with one character changed that most titles hold, or null.</summary>
    public static string? OneCharacterOff(IndexReader reader, IndexSearcher searcher, string text)
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

        string? best = null;
        var bestCount = 0;
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
                if (count > bestCount)
                {
                    (best, bestCount) = (candidate, count);
                }
            }
            while (++tried < PerPosition && seek.MoveNext());
        }

        return best;
    }

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

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
