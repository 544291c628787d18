using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Site.Search;

/// <summary>
/// A short excerpt around the densest run of matches, HTML-escaped, with each match wrapped in
/// &lt;mark&gt;. Matches are found with the analyzer's own offsets, so what is marked is exactly what
/// the query matched on (bigrams, not stray single characters).
/// </summary>
public static class Snippets
{
    public static string Build(Analyzer analyzer, string text, IReadOnlySet<string> terms, int length = 90)
    {
        var matches = terms.Count == 0 ? [] : Matches(analyzer, text, terms, Region(text, terms, length));
        if (matches.Count == 0)
        {
            return Escape(text.Length <= length ? text : TextElements.Cut(text, length) + "…");
        }

        // The window (of `length` characters) that starts at a match and holds the most matches.
        var bestStart = matches[0].Start;
        var bestCount = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var count = 0;
            for (var j = i; j < matches.Count && matches[j].End <= matches[i].Start + length; j++)
            {
                count++;
            }

            if (count > bestCount)
            {
                bestCount = count;
                bestStart = matches[i].Start;
            }
        }

        // Some context before the first match, without cutting a line in the middle of nowhere.
        // Both ends on text-element boundaries: never half of 𠮷 or of an emoji (shown as "�").
        var start = TextElements.Boundary(text, Math.Max(0, bestStart - (length / 4)));
        var end = TextElements.Boundary(text, Math.Min(text.Length, start + length));
        if (end <= bestStart)
        {
            end = TextElements.BoundaryAfter(text, Math.Min(text.Length, bestStart + 1));
        }
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var at = start;
        foreach (var (matchStart, matchEnd) in matches)
        {
            if (matchEnd <= start || matchStart >= end)
            {
                continue;
            }

            var s = Math.Max(matchStart, at);
            var e = Math.Min(matchEnd, end);
            if (s >= e)
            {
                continue;
            }

            html.Append(Escape(text[at..s])).Append("<mark>").Append(Escape(text[s..e])).Append("</mark>");
            at = e;
        }

        html.Append(Escape(text[at..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    /// <summary>
    /// The part of a long text worth analysing: from a little before the first place a term appears
    /// as typed, a few snippet lengths on. Analysing a whole 5,000-character body for each of ten hits
    /// was most of a query's time. When no term appears as typed (full-width letters, say), the whole
    /// text is analysed.
    /// </summary>
    private static Range Region(string text, IReadOnlySet<string> terms, int length)
    {
        if (text.Length <= 8 * length)
        {
            return Range.All;
        }

        var first = int.MaxValue;
        foreach (var term in terms)
        {
            var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                first = Math.Min(first, at);
            }
        }

        return first == int.MaxValue ? Range.All
            : TextElements.Boundary(text, Math.Max(0, first - length))..TextElements.Boundary(text, Math.Min(text.Length, first + (4 * length)));
    }

    /// <summary>Character ranges of tokens whose term is one of <paramref name="terms"/>, merged.</summary>
    public static List<(int Start, int End)> Matches(Analyzer analyzer, string text, IReadOnlySet<string> terms) =>
        Matches(analyzer, text, terms, Range.All);

    private static List<(int Start, int End)> Matches(Analyzer analyzer, string text, IReadOnlySet<string> terms, Range region)
    {
        var ranges = new List<(int Start, int End)>();
        var (skip, count) = region.GetOffsetAndLength(text.Length);
        using var stream = analyzer.GetTokenStream(SearchFields.Body, count == text.Length ? text : text.Substring(skip, count));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (!terms.Contains(term.ToString()))
            {
                continue;
            }

            var (start, end) = (skip + offset.StartOffset, skip + offset.EndOffset);
            if (ranges.Count > 0 && start <= ranges[^1].End)
            {
                ranges[^1] = (ranges[^1].Start, Math.Max(end, ranges[^1].End));
            }
            else
            {
                ranges.Add((start, end));
            }
        }

        stream.End();
        return ranges;
    }

    /// <summary>Escaped, with line breaks shown as a space: a snippet is one line of text.</summary>
    private static string Escape(string text) => WebUtility.HtmlEncode(text.ReplaceLineEndings(" "));
}
