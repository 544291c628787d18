using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Site.Intake.Comments;

/// <summary>
/// Article numbers as the office writes them: 第十二条 (Chinese numerals, as in the law's text and
/// the 立法技术规范), and as people type them in a sheet: 第12条, 12, 十二, 第十二条第二款 (the article).
/// Anchors are the build's: article-12.
/// </summary>
public static partial class ArticleNumbers
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>The anchor the build gives article <paramref name="number"/> (article-12).</summary>
    public static string Anchor(int number) => "article-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number in an anchor (article-12 → 12); null for anything else.</summary>
    public static int? FromAnchor(string? anchor) =>
        anchor is not null && anchor.StartsWith("article-", StringComparison.Ordinal)
        && int.TryParse(anchor.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>第十二条 for 12, 第一百零五条 for 105 (1–9999).</summary>
    public static string Label(int number) => "第" + Chinese(number) + "条";

    /// <summary>An article's label from its anchor: 第十二条 for article-12; the anchor itself when it is not an article's.</summary>
    public static string LabelOf(string anchor) => FromAnchor(anchor) is { } n ? Label(n) : anchor;

    /// <summary>Chinese numerals as in article numbers: 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十.</summary>
    public static string Chinese(int number)
    {
        if (number is < 1 or > 9999)
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (number < 20)
        {
            return number < 10 ? Digits[number].ToString() : "十" + (number == 10 ? "" : Digits[number - 10].ToString());
        }

        var text = new StringBuilder();
        var units = new[] { (1000, "千"), (100, "百"), (10, "十") };
        var zero = false;
        var rest = number;
        foreach (var (value, name) in units)
        {
            var digit = rest / value;
            rest %= value;
            if (digit > 0)
            {
                if (zero)
                {
                    text.Append('零');
                    zero = false;
                }

                text.Append(Digits[digit]).Append(name);
            }
            else if (text.Length > 0)
            {
                zero = true;
            }
        }

        if (rest > 0)
        {
            if (zero)
            {
                text.Append('零');
            }

            text.Append(Digits[rest]);
        }

        return text.ToString();
    }

    /// <summary>
    /// The article number in what a person wrote: 第十二条, 第12条, 第１２条, 12, 12.0 (a number cell),
    /// 十二, 第十二条第二款; null when it names no article (blank, or text that is not a number).
    /// </summary>
    public static int? Parse(string text)
    {
        var value = text.Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Trim();
        var match = ArticlePattern().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups["n"].Value;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var arabic))
        {
            return arabic > 0 ? arabic : null;
        }

        return FromChinese(digits);
    }

    private static int? FromChinese(string text)
    {
        var total = 0;
        var digit = -1;
        foreach (var c in text.Replace('〇', '零').Replace('两', '二'))
        {
            var d = Digits.IndexOf(c);
            if (d >= 0)
            {
                digit = d;
                continue;
            }

            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        total += Math.Max(digit, 0);
        return total > 0 ? total : null;
    }

    [GeneratedRegex(@"^第?(?<n>[0-9]+|[零〇一二两三四五六七八九十百千]+)(?:\.0+)?条?(?:第.+款.*)?$")]
    private static partial Regex ArticlePattern();
}
