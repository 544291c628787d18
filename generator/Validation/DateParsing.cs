using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Site.Generator.Validation;

/// <summary>
/// Dates as people and spreadsheets write them: 2025-03-15, 2025/3/15, 2025.3.15, 2025年3月15日,
/// 20250315, and Excel date serials (46096, as a cell in a date format the reader does not know as
/// one comes through: Excel's Chinese built-in formats 27–36 and 50–58 among them).
/// </summary>
public static partial class DateParsing
{
    [GeneratedRegex(@"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?(?:[ T].*)?$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*月?$")]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"^[0-9]{4}年?$")]
    private static partial Regex YearOnly();

    /// <summary>
    /// Excel's serials for 1927-05-18 to 2119-01-10: five digits, so a year (1967) or a packed
    /// date (196703, 19670315) is never read as one. Excel's 1900 date system (the 1904 one is
    /// only the old Mac default); <see cref="DateTime.FromOADate"/> skips its phantom 1900-02-29.
    /// </summary>
    [GeneratedRegex(@"^[1-9][0-9]{4}(?:\.[0-9]+)?$")]
    private static partial Regex Serial();

    [GeneratedRegex(@"^([0-9]{4})([0-9]{2})([0-9]{2})?$")]
    private static partial Regex Packed();

    /// <summary>
    /// Whether the text is a bare number that <see cref="TryParse"/> would read as an Excel date serial.
    /// A CSV has no serials (it holds text, and Excel writes a date cell as the date it shows), so
    /// callers reading a CSV refuse such a value rather than guess.
    /// </summary>
    public static bool IsSerial(string text) => Serial().IsMatch(AsciiDigits(text).Trim());

    private static bool TrySerial(string text, out DateOnly date)
    {
        if (Serial().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// The text with full-width forms folded to ASCII (NFKC: ３ to 3, ／ to /, － to -) and any other
    /// Unicode decimal digit (category Nd: ٣, ३) to its ASCII digit, so that dates typed with a Chinese
    /// input method or pasted from Word read as their ASCII equivalents.
    /// </summary>
    public static string AsciiDigits(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        if (!folded.Any(c => c > '\x7f' && char.IsDigit(c)))
        {
            return folded;
        }

        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(c > '\x7f' && char.IsDigit(c) ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c)) : c);
        }

        return builder.ToString();
    }

    public static bool TryParse(string text, out DateOnly date)
    {
        text = AsciiDigits(text).Trim();
        if (TrySerial(text, out date))
        {
            return true;
        }

        if (Packed().Match(text) is { Success: true, Groups: var packed } && packed[3].Success
            && TryDate(packed[1].Value, packed[2].Value, packed[3].Value, out date))
        {
            return true;
        }

        var match = FullDate().Match(text);
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

    private static bool TryDate(string yearText, string monthText, string dayText, out DateOnly date)
    {
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        var month = int.Parse(monthText, CultureInfo.InvariantCulture);
        var day = int.Parse(dayText, CultureInfo.InvariantCulture);
        if (year >= 1000 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            date = new DateOnly(year, month, day);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// Partial dates as rosters hold them (出生年月: 1967年3月, 1967-03, 1967.3, 196703, 1967, 1988年,
    /// a full date or an Excel serial); normalised to 1967年3月, or 1967年 where only the year is known
    /// (a year-month stays a year-month, never a made-up day).
    /// </summary>
    public static string? NormalizeYearMonth(string text)
    {
        text = AsciiDigits(text).Trim();
        if (TryParse(text, out var full))
        {
            return $"{full.Year}年{full.Month}月";
        }

        if (Packed().Match(text) is { Success: true, Groups: var packed } && !packed[3].Success)
        {
            var packedMonth = int.Parse(packed[2].Value, CultureInfo.InvariantCulture);
            return packedMonth is >= 1 and <= 12 ? $"{packed[1].Value}年{packedMonth}月" : null;
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
