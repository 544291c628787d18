using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Site.Theme;

/// <summary>
/// Keeps what must be read in one piece on one line: a browser may break Chinese text between any two
/// characters, so on a 375 px phone "截止 2026年12月20日" came out as "截止 2026" / "年12月20日" and
/// "不满意 1 票" as "不满" / "意 1 票". Dates (2026年12月20日, 2026年12月, 1月12日, 每月8日), counts with their unit
/// (1 票, 3 名, 38 人), money (120 万元), time ranges (8:30—17:30), telephone numbers (0731-5xxx1101, which
/// broke after the hyphen) and rates (满意率 90%) in a text are wrapped in <c>&lt;span class="nw"&gt;</c>
/// (<c>white-space: nowrap</c> in site.css); the rest of the text is HTML-encoded as Razor would.
/// </summary>
public static partial class Nowrap
{
    // A time range (8:30—17:30), a telephone number with its area code (0731-5xxx1101: the sample data masks digits
    // with x), a Chinese date (年 with 月 and 日 optional, or 月 and 日 without the year), or a count with its unit, or a label + count + unit
    // such as "不满意 1 票" (the label is the part people misread when it is split).
    [GeneratedRegex(@"\d{1,2}:\d{2}\s*[—–~～-]{1,2}\s*\d{1,2}:\d{2}|0\d{2,3}-[\dxX]{7,8}|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日|(?:[\p{IsCJKUnifiedIdeographs}]{1,5}[\s\u00a0]?)?\d+(?:\.\d+)?[\s\u00a0]?(?:[票名人件条项个次天位元%％]|万元|亿元)")]
    private static partial Regex Pieces();

    /// <summary>The text as HTML with its dates and counts in nowrap spans; null or empty gives empty markup.</summary>
    public static MarkupString Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new MarkupString(string.Empty);
        }

        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (Match match in Pieces().Matches(text))
        {
            html.Append(WebUtility.HtmlEncode(text[at..match.Index]));
            html.Append("<span class=\"nw\">").Append(WebUtility.HtmlEncode(match.Value)).Append("</span>");
            at = match.Index + match.Length;
        }

        html.Append(WebUtility.HtmlEncode(text[at..]));
        return new MarkupString(html.ToString());
    }

    /// <summary>
    /// A search snippet (escaped text with &lt;mark&gt; around matches, as <c>Snippets.Build</c> makes it) with its
    /// dates, times, telephone numbers and counts in nowrap spans, as <see cref="Html"/> does for plain text. A mark
    /// that starts or ends inside such a piece is split at the piece's edge (2025<c>&lt;mark&gt;</c>年花<c>&lt;/mark&gt;</c>
    /// becomes <c>&lt;span class="nw"&gt;2025&lt;mark&gt;年&lt;/mark&gt;&lt;/span&gt;&lt;mark&gt;花&lt;/mark&gt;</c>), so the
    /// markup stays well nested and the same characters are highlighted. Any other tag is kept as text.
    /// </summary>
    public static MarkupString Snippet(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return new MarkupString(string.Empty);
        }

        // Back to plain text and the character ranges that were marked.
        var text = new StringBuilder(html.Length);
        var marked = new List<bool>();
        var inMark = false;
        foreach (var part in MarkTags().Split(html))
        {
            if (part is "<mark>" or "</mark>")
            {
                inMark = part == "<mark>";
                continue;
            }

            var plain = WebUtility.HtmlDecode(part);
            text.Append(plain);
            marked.AddRange(Enumerable.Repeat(inMark, plain.Length));
        }

        var source = text.ToString();
        var kept = new bool[source.Length];
        foreach (Match match in Pieces().Matches(source))
        {
            Array.Fill(kept, true, match.Index, match.Length);
        }

        // Runs of characters alike in both respects; a mark is closed and reopened where a piece begins or ends.
        var output = new StringBuilder(html.Length + 32);
        var (openNw, openMark) = (false, false);
        var at = 0;
        while (at < source.Length)
        {
            var end = at + 1;
            while (end < source.Length && kept[end] == kept[at] && marked[end] == marked[at])
            {
                end++;
            }

            if (openMark && (!marked[at] || openNw != kept[at]))
            {
                output.Append("</mark>");
                openMark = false;
            }

            if (openNw != kept[at])
            {
                output.Append(kept[at] ? "<span class=\"nw\">" : "</span>");
                openNw = kept[at];
            }

            if (marked[at] && !openMark)
            {
                output.Append("<mark>");
                openMark = true;
            }

            output.Append(WebUtility.HtmlEncode(source[at..end]));
            at = end;
        }

        output.Append(openMark ? "</mark>" : "").Append(openNw ? "</span>" : "");
        return new MarkupString(output.ToString());
    }

    [GeneratedRegex("(<mark>|</mark>)")]
    private static partial Regex MarkTags();
}
