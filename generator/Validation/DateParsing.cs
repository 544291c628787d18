using System.Globalization;
using System.Text.RegularExpressions;

namespace Site.Generator.Validation;

/// <summary>Dates as people and spreadsheets write them: 2025-03-15, 2025/3/15, 2025.3.15, 2025年3月15日.</summary>
public static partial class DateParsing
{
    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"^\d{4}年?$")]
    private static partial Regex YearOnly();

    public static bool TryParse(string text, out DateOnly date)
    {
        var match = FullDate().Match(text.Trim());
        if (match.Success
            && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(match.Groups[3].Value, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>Partial dates as rosters hold them (出生年月: 1967年3月, 1967-03, 1967.3, 1967); normalised to 1967年3月.</summary>
    public static string? NormalizeYearMonth(string text)
    {
        text = text.Trim();
        if (TryParse(text, out var full))
        {
            return $"{full.Year}年{full.Month}月";
        }

        var match = YearMonth().Match(text);
        if (match.Success)
        {
            var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? $"{match.Groups[1].Value}年{month}月" : null;
        }

        return YearOnly().IsMatch(text) ? $"{text.TrimEnd('年')}年" : null;
    }
}
