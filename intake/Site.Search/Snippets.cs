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
            if (text.Length <= length)
            {
                return Escape(text);
            }

            var cut = OutsideNumber(text, TextElements.Boundary(text, length), forward: true, floor: 1);
            return Escape(text[..cut] + (cut < text.Length ? "…" : ""));
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

        // Neither end inside a number: "联系电话：0731-5xxx…" gave half a telephone number, "…年12月" half a date.
        start = OutsideNumber(text, start, forward: false, floor: 0, ceiling: bestStart);
        end = OutsideNumber(text, end, forward: true, floor: bestStart + 1);
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

    /// <summary>
    /// <paramref name="cut"/>, or where it would not split a number: the number's end (<paramref name="forward"/>)
    /// or start, when that is at most <see cref="LongestNumber"/> characters on; else the other end of the number,
    /// when that stays within <paramref name="floor"/>..<paramref name="ceiling"/>. A number here is a run of
    /// ASCII letters and digits with the marks that join them (0731-5xxx1101, 9:00—12:00, 3.5) and the units
    /// written right after a digit (2026年12月, 1月12日, 120元).
    /// </summary>
    private static int OutsideNumber(string text, int cut, bool forward, int floor, int ceiling = int.MaxValue)
    {
        if (cut <= 0 || cut >= text.Length || !InNumber(text, cut - 1) || !InNumber(text, cut))
        {
            return cut;
        }

        var first = cut - 1;
        while (first > 0 && cut - first < LongestNumber && InNumber(text, first - 1))
        {
            first--;
        }

        var last = cut;
        while (last + 1 < text.Length && last - cut < LongestNumber && InNumber(text, last + 1))
        {
            last++;
        }

        var (near, far) = forward ? (last + 1, first) : (first, last + 1);
        var nearWhole = forward ? last + 1 == text.Length || !InNumber(text, last + 1) : first == 0 || !InNumber(text, first - 1);
        if (nearWhole && near >= floor && near <= ceiling)
        {
            return near;
        }

        return far >= floor && far <= ceiling ? far : cut;
    }

    private const int LongestNumber = 24;

    private static bool InNumber(string text, int i)
    {
        var c = text[i];
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        var afterDigit = i > 0 && char.IsAsciiDigit(text[i - 1]);
        if (afterDigit && "年月日号时分秒元票名人件条项个次天位%％".Contains(c, StringComparison.Ordinal))
        {
            return true;
        }

        // A mark joins two parts of one number (0731-5xxx, 9:00—12:00, 2026年1月): between two of its characters.
        return i > 0 && i + 1 < text.Length && "-‐–—~～:：./,".Contains(c, StringComparison.Ordinal)
            && (afterDigit || char.IsAsciiLetterOrDigit(text[i - 1])) && char.IsAsciiLetterOrDigit(text[i + 1]);
    }

    /// <summary>Escaped, with line breaks shown as a space: a snippet is one line of text.</summary>
    private static string Escape(string text) => WebUtility.HtmlEncode(text.ReplaceLineEndings(" "));
}
