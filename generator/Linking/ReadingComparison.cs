using DiffPlex;
using DiffPlex.Chunkers;
using Site.Generator.Model;

namespace Site.Generator.Linking;

/// <summary>
/// Compares two readings of a draft article by article. Articles are matched by their text, not
/// their number, so an article renumbered because one was inserted before it is still the same
/// article: first identical texts, then the most similar pairs (Dice coefficient of character
/// bigrams at least <see cref="Threshold"/>), then an unmatched article that sits where an
/// unmatched one of the previous reading sat (between the same matched neighbours) if they are at
/// least <see cref="NeighbourThreshold"/> alike. Changed text gets a character-level diff
/// (DiffPlex's <see cref="CharacterChunker"/>: Chinese has no spaces between words).
/// </summary>
public static class ReadingComparison
{
    /// <summary>Bigram Dice similarity at which two articles anywhere in the texts are taken as one article revised.</summary>
    public const double Threshold = 0.5;

    /// <summary>Lower similarity accepted for two articles at the same place between matched neighbours.</summary>
    public const double NeighbourThreshold = 0.25;

    public static DraftComparison Compare(Draft previous, Draft current)
    {
        var olds = previous.Text.Articles;
        var news = current.Text.Articles;
        var oldTexts = olds.Select(Text).ToArray();
        var newTexts = news.Select(Text).ToArray();
        var matchOfNew = new int?[news.Count];
        var oldTaken = new bool[olds.Count];

        // 1. Identical text: the nearest unmatched old article with it.
        for (var n = 0; n < news.Count; n++)
        {
            var best = -1;
            for (var o = 0; o < olds.Count; o++)
            {
                if (!oldTaken[o] && oldTexts[o] == newTexts[n] && (best < 0 || Math.Abs(o - n) < Math.Abs(best - n)))
                {
                    best = o;
                }
            }

            if (best >= 0)
            {
                matchOfNew[n] = best;
                oldTaken[best] = true;
            }
        }

        // 2. Most similar pairs first.
        var oldGrams = olds.Select((_, o) => Bigrams(oldTexts[o])).ToArray();
        var newGrams = news.Select((_, n) => Bigrams(newTexts[n])).ToArray();
        var pairs = new List<(double Similarity, int Distance, int New, int Old)>();
        for (var n = 0; n < news.Count; n++)
        {
            if (matchOfNew[n] is not null)
            {
                continue;
            }

            for (var o = 0; o < olds.Count; o++)
            {
                if (!oldTaken[o])
                {
                    var similarity = Dice(oldGrams[o], newGrams[n]);
                    if (similarity >= Threshold)
                    {
                        pairs.Add((similarity, Math.Abs(o - n), n, o));
                    }
                }
            }
        }

        foreach (var (_, _, n, o) in pairs.OrderByDescending(p => p.Similarity).ThenBy(p => p.Distance).ThenBy(p => p.New))
        {
            if (matchOfNew[n] is null && !oldTaken[o])
            {
                matchOfNew[n] = o;
                oldTaken[o] = true;
            }
        }

        // 3. Same place between matched neighbours: the article after the previous match's old article.
        for (var n = 0; n < news.Count; n++)
        {
            if (matchOfNew[n] is not null)
            {
                continue;
            }

            var expected = n == 0 ? 0 : matchOfNew[n - 1] is { } before ? before + 1 : -1;
            if (expected >= 0 && expected < olds.Count && !oldTaken[expected]
                && Dice(oldGrams[expected], newGrams[n]) >= NeighbourThreshold)
            {
                matchOfNew[n] = expected;
                oldTaken[expected] = true;
            }
        }

        var articles = new Dictionary<int, ArticleComparison>();
        for (var n = 0; n < news.Count; n++)
        {
            var article = news[n];
            if (matchOfNew[n] is not { } o)
            {
                articles[article.Number] = new ArticleComparison(article.Number, ArticleChange.Added, null, []);
                continue;
            }

            var old = olds[o];
            var change = oldTexts[o] == newTexts[n]
                ? (old.Number == article.Number ? ArticleChange.Unchanged : ArticleChange.Moved)
                : ArticleChange.Changed;
            articles[article.Number] = new ArticleComparison(
                article.Number, change, old.Number, change == ArticleChange.Changed ? Diff(oldTexts[o], newTexts[n]) : []);
        }

        var deleted = olds.Where((_, o) => !oldTaken[o]).ToList();
        return new DraftComparison(previous.Id, articles, deleted);
    }

    /// <summary>An article's text as compared: its paragraphs, one per line.</summary>
    public static string Text(DraftArticle article) => string.Join('\n', article.Paragraphs);

    /// <summary>
    /// Character-level diff of <paramref name="before"/> → <paramref name="after"/>. A single unchanged
    /// character between two changes is folded into them, so a rewritten phrase reads as one
    /// deletion and one insertion rather than a comb of one-character pieces.
    /// </summary>
    public static IReadOnlyList<DiffSpan> Diff(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, false, false, CharacterChunker.Instance);
        var spans = new List<DiffSpan>();
        var a = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteStartA > a)
            {
                spans.Add(new DiffSpan(DiffKind.Same, string.Concat(result.PiecesOld.Skip(a).Take(block.DeleteStartA - a))));
            }

            if (block.DeleteCountA > 0)
            {
                spans.Add(new DiffSpan(DiffKind.Deleted, string.Concat(result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA))));
            }

            if (block.InsertCountB > 0)
            {
                spans.Add(new DiffSpan(DiffKind.Inserted, string.Concat(result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB))));
            }

            a = block.DeleteStartA + block.DeleteCountA;
        }

        if (a < result.PiecesOld.Count)
        {
            spans.Add(new DiffSpan(DiffKind.Same, string.Concat(result.PiecesOld.Skip(a))));
        }

        return Tidy(spans);
    }

    private static List<DiffSpan> Tidy(List<DiffSpan> spans)
    {
        // Fold lone unchanged characters that sit between changes into both sides.
        var folded = new List<DiffSpan>();
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.Kind == DiffKind.Same && span.Text.Length == 1 && span.Text != "\n"
                && i > 0 && spans[i - 1].Kind != DiffKind.Same && i + 1 < spans.Count && spans[i + 1].Kind != DiffKind.Same)
            {
                folded.Add(new DiffSpan(DiffKind.Deleted, span.Text));
                folded.Add(new DiffSpan(DiffKind.Inserted, span.Text));
            }
            else
            {
                folded.Add(span);
            }
        }

        // Each run of changes becomes one deletion then one insertion.
        var tidy = new List<DiffSpan>();
        var i2 = 0;
        while (i2 < folded.Count)
        {
            if (folded[i2].Kind == DiffKind.Same)
            {
                tidy.Add(folded[i2++]);
                continue;
            }

            var deleted = new System.Text.StringBuilder();
            var inserted = new System.Text.StringBuilder();
            while (i2 < folded.Count && folded[i2].Kind != DiffKind.Same)
            {
                (folded[i2].Kind == DiffKind.Deleted ? deleted : inserted).Append(folded[i2].Text);
                i2++;
            }

            if (deleted.Length > 0)
            {
                tidy.Add(new DiffSpan(DiffKind.Deleted, deleted.ToString()));
            }

            if (inserted.Length > 0)
            {
                tidy.Add(new DiffSpan(DiffKind.Inserted, inserted.ToString()));
            }
        }

        return tidy;
    }

    private static Dictionary<int, int> Bigrams(string text)
    {
        var grams = new Dictionary<int, int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || char.IsWhiteSpace(text[i + 1]))
            {
                continue;
            }

            var key = (text[i] << 16) | text[i + 1];
            grams[key] = grams.GetValueOrDefault(key) + 1;
        }

        return grams;
    }

    /// <summary>Dice coefficient of two bigram multisets: 2·|A∩B| / (|A|+|B|), 0 to 1.</summary>
    private static double Dice(Dictionary<int, int> a, Dictionary<int, int> b)
    {
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = 0;
        foreach (var (gram, count) in small)
        {
            common += Math.Min(count, large.GetValueOrDefault(gram));
        }

        return 2.0 * common / total;
    }
}
