using System.Text;
using System.Text.RegularExpressions;
using Site.Generator.Model;
using Site.Generator.Validation.Drafts;

namespace Site.Generator.Rendering;

/// <summary>
/// Links the article references (第三条, 第十二条) in a draft's rendered feedback report to the
/// articles' anchors on the same page. Only text outside tags and outside existing links is
/// touched, and only numbers the draft has; 第三条第二款 links its article.
/// </summary>
public static partial class ArticleLinks
{
    /// <param name="html">HTML rendered from the report's Markdown.</param>
    /// <param name="articles">The article numbers of the draft.</param>
    public static string Link(string html, IReadOnlySet<int> articles)
    {
        var result = new StringBuilder(html.Length + 64);
        var inLink = 0;
        var position = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            result.Append(inLink > 0 ? html[position..tag.Index] : LinkText(html[position..tag.Index], articles));
            var name = tag.Groups["name"].Value;
            if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                inLink += tag.Groups["close"].Success ? -1 : 1;
                inLink = Math.Max(inLink, 0);
            }

            result.Append(tag.Value);
            position = tag.Index + tag.Length;
        }

        result.Append(inLink > 0 ? html[position..] : LinkText(html[position..], articles));
        return result.ToString();
    }

    private static string LinkText(string text, IReadOnlySet<int> articles) =>
        Reference().Replace(text, match =>
            ChineseNumerals.Parse(match.Groups[1].Value) is { } number && articles.Contains(number)
                ? $"<a href=\"#{DraftArticle.AnchorFor(number)}\">{match.Value}</a>"
                : match.Value);

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"第([〇零一二两三四五六七八九十百千]+)条")]
    private static partial Regex Reference();
}
