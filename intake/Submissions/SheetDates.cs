using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Site.Intake.Submissions;

/// <summary>
/// A date cell as offices fill it in, for both importers (the office's message sheet and the offline
/// comment sheet): an Excel date, an Excel serial number in a plain number cell, or text typed as
/// 2026年3月5日 (or 号), 2026.3.5, 2026-03-05, 2026/3/5 or 20260305, in half- or full-width digits,
/// with spaces or a time after it.
/// </summary>
public static partial class SheetDates
{
    /// <summary>The day, or null when the cell is blank, none of the forms above, before 1990 or after 2100, or no such day exists (2026-02-30).</summary>
    public static DateOnly? Parse(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case DateTime date:
                return DateOnly.FromDateTime(date);
            case DateTimeOffset instant:
                return DateOnly.FromDateTime(instant.DateTime);

            // 32874 is 1990-01-01 and 73051 is 2100-01-01 in Excel's serial numbering.
            case double serial when serial is >= 32874 and < 73051:
                return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        var text = (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Normalize(NormalizationForm.FormKC).Trim();
        var match = TypedDate().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>How a date is said in an error: 2026年3月5日.</summary>
    public static string Words(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The calendar day of <paramref name="instant"/> in Beijing time, the calendar the office's dates are in.</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [GeneratedRegex(@"^(?:(?<y>\d{4})\s*(?:年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*[日号]?|[./\-]\s*(?<m>\d{1,2})\s*[./\-]\s*(?<d>\d{1,2}))|(?<y>\d{4})(?<m>\d{2})(?<d>\d{2}))(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")]
    private static partial Regex TypedDate();
}
