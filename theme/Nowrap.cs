using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace Site.Theme;

/// <summary>
/// Keeps what must be read in one piece on one line: a browser may break Chinese text between any two
/// characters, so on a 375 px phone "截止 2026年12月20日" came out as "截止 2026" / "年12月20日" and
/// "不满意 1 票" as "不满" / "意 1 票". Dates (2026年12月20日, 2026年12月), counts with their unit
/// (1 票, 3 名, 38 人), time ranges (8:30—17:30) and rates (满意率 90%) in a text are wrapped in <c>&lt;span class="nw"&gt;</c>
/// (<c>white-space: nowrap</c> in site.css); the rest of the text is HTML-encoded as Razor would.
/// </summary>
public static partial class Nowrap
{
    // A time range (8:30—17:30), a Chinese date (年 with 月 and 日 optional), or a count with its unit, or a label + count + unit
    // such as "不满意 1 票" (the label is the part people misread when it is split).
    [GeneratedRegex(@"\d{1,2}:\d{2}\s*[—–~～-]{1,2}\s*\d{1,2}:\d{2}|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|(?:[\p{IsCJKUnifiedIdeographs}]{1,5}[\s\u00a0]?)?\d+(?:\.\d+)?[\s\u00a0]?(?:[票名人件条项个次天位%％]|万元)")]
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
}
