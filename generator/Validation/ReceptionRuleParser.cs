using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Site.Generator.Model;

namespace Site.Generator.Validation;

/// <summary>
/// Reads a station's <c>receptionRule</c> as offices write it, with optional hours at the end:
/// <c>每月15日</c>, <c>每月10日、25日 9:00-11:30</c>, <c>每月第一个周三 9:00-11:30</c>,
/// <c>每月最后一个星期六</c>, <c>每周二、周四 14:30—17:30</c>, <c>2026-03-05、2026年4月9日</c>;
/// or an iCalendar RRULE of the same forms (RFC 5545 §3.3.10): <c>FREQ=MONTHLY;BYMONTHDAY=10,25</c>,
/// <c>FREQ=MONTHLY;BYDAY=1WE</c> (or <c>BYDAY=WE;BYSETPOS=1</c>), <c>FREQ=WEEKLY;BYDAY=TU,TH</c>.
/// Full-width digits, colons and dashes (as pasted from Word) are read as their ASCII forms.
/// </summary>
public static partial class ReceptionRuleParser
{
    /// <summary>The rule, or null and a Chinese message saying what is wrong and what is accepted.</summary>
    public static (ReceptionRule? Rule, string? Error) Parse(string text)
    {
        var input = Normalize(text);
        TimeOnly? start = null, end = null;
        if (HoursAtEnd().Match(input) is { Success: true } hours)
        {
            if (!TryTime(hours.Groups[1].Value, out var s) || !TryTime(hours.Groups[2].Value, out var e))
            {
                return (null, $"“{hours.Value.Trim()}”不是有效的时间");
            }

            if (e <= s)
            {
                return (null, $"结束时间 {hours.Groups[2].Value} 不晚于开始时间 {hours.Groups[1].Value}");
            }

            (start, end) = (s, e);
            input = input[..hours.Index].TrimEnd();
        }

        if (input.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) || input.StartsWith("FREQ=", StringComparison.OrdinalIgnoreCase))
        {
            return Rrule(input, start, end);
        }

        if (NthWeekday().Match(input) is { Success: true } nth)
        {
            var n = nth.Groups[1].Success ? Ordinal(nth.Groups[1].Value) : -1;
            return (ReceptionRule.OnNthWeekday(n, Weekday(nth.Groups[2].Value), start, end), null);
        }

        if (MonthDays().Match(input) is { Success: true })
        {
            var days = Digits().Matches(input).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            if (days.Where(d => d is < 1 or > 31).ToList() is [var bad, ..])
            {
                return (null, $"{bad} 不是 1 到 31 之间的日期");
            }

            return (ReceptionRule.OnMonthDays(days, start, end), null);
        }

        if (Weekly().Match(input) is { Success: true })
        {
            var days = WeekdayChars().Matches(input[2..]).Select(m => Weekday(m.Value));
            return (ReceptionRule.Weekly(days, start, end), null);
        }

        if (DateList().IsMatch(input))
        {
            var dates = new List<DateOnly>();
            foreach (Match match in OneDate().Matches(input))
            {
                if (!TryDate(match, out var date))
                {
                    return (null, $"“{match.Value}”不是有效的日期");
                }

                dates.Add(date);
            }

            return (ReceptionRule.OnDates(dates, start, end), null);
        }

        return (null, $"看不懂接待规则“{text.Trim()}”：请写成 每月15日、每月10日、25日、每月第一个周三、每月最后一个周六、每周二、周四 或 2026-03-05、2026-04-09，可在后面加时间如 9:00-11:30；也可写 iCalendar 的 RRULE（如 FREQ=MONTHLY;BYDAY=1WE）");
    }

    /// <summary>The forms of RRULE the page and its script can show: monthly by day of month, monthly by nth weekday, weekly.</summary>
    private static (ReceptionRule? Rule, string? Error) Rrule(string input, TimeOnly? start, TimeOnly? end)
    {
        // Normalize read the list commas as 、; an RRULE's are commas again.
        var body = (input.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? input[6..] : input).Replace('、', ',');
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0 || !parts.TryAdd(part[..eq], part[(eq + 1)..].ToUpperInvariant()))
            {
                return (null, $"RRULE 中的“{part}”写法不对");
            }
        }

        const string Supported = "只支持 FREQ=MONTHLY;BYMONTHDAY=…、FREQ=MONTHLY;BYDAY=1WE（或 -1SA，或 BYDAY=WE;BYSETPOS=1）和 FREQ=WEEKLY;BYDAY=TU,TH";
        var extra = parts.Keys.FirstOrDefault(k => k.ToUpperInvariant() is not ("FREQ" or "BYDAY" or "BYMONTHDAY" or "BYSETPOS" or "WKST") && !(k.Equals("INTERVAL", StringComparison.OrdinalIgnoreCase) && parts[k] == "1"));
        if (extra is not null)
        {
            return (null, $"RRULE 的 {extra.ToUpperInvariant()} 暂不支持：{Supported}");
        }

        var byDay = parts.TryGetValue("BYDAY", out var d) ? d.Split(',', StringSplitOptions.TrimEntries) : [];
        var days = new List<(int Offset, DayOfWeek Day)>();
        foreach (var item in byDay)
        {
            if (RruleDay().Match(item) is not { Success: true } m || !RruleDays.TryGetValue(m.Groups[2].Value, out var day))
            {
                return (null, $"RRULE 的 BYDAY 中“{item}”不是星期（MO、TU、WE、TH、FR、SA、SU，可加序号如 1WE、-1SA）");
            }

            days.Add((m.Groups[1].Value is { Length: > 0 } o ? int.Parse(o, CultureInfo.InvariantCulture) : 0, day));
        }

        switch (parts.GetValueOrDefault("FREQ"))
        {
            case "WEEKLY" when days.Count > 0 && days.All(x => x.Offset == 0) && !parts.ContainsKey("BYMONTHDAY") && !parts.ContainsKey("BYSETPOS"):
                return (ReceptionRule.Weekly(days.Select(x => x.Day), start, end), null);
            case "MONTHLY" when parts.TryGetValue("BYMONTHDAY", out var md) && days.Count == 0 && !parts.ContainsKey("BYSETPOS"):
                var numbers = md.Split(',', StringSplitOptions.TrimEntries).Select(x => int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
                return numbers.All(n => n is >= 1 and <= 31)
                    ? (ReceptionRule.OnMonthDays(numbers, start, end), null)
                    : (null, $"RRULE 的 BYMONTHDAY={md} 只能是 1 到 31 的日期");
            case "MONTHLY" when days.Count == 1 && parts.TryGetValue("BYSETPOS", out var pos) && days[0].Offset == 0:
                return Nth(int.TryParse(pos, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : 0, days[0].Day);
            case "MONTHLY" when days.Count == 1 && !parts.ContainsKey("BYSETPOS") && !parts.ContainsKey("BYMONTHDAY"):
                return Nth(days[0].Offset, days[0].Day);
            default:
                return (null, $"RRULE“{body}”{Supported}");
        }

        (ReceptionRule? Rule, string? Error) Nth(int n, DayOfWeek day) => n is >= 1 and <= 5 || n == -1
            ? (ReceptionRule.OnNthWeekday(n, day, start, end), null)
            : (null, $"RRULE 的序号 {n} 不支持：只能是 1 到 5（第几个）或 -1（最后一个）");
    }

    private static readonly Dictionary<string, DayOfWeek> RruleDays = new()
    {
        ["MO"] = DayOfWeek.Monday, ["TU"] = DayOfWeek.Tuesday, ["WE"] = DayOfWeek.Wednesday, ["TH"] = DayOfWeek.Thursday,
        ["FR"] = DayOfWeek.Friday, ["SA"] = DayOfWeek.Saturday, ["SU"] = DayOfWeek.Sunday,
    };

    /// <summary>Full-width forms to ASCII, 星期/礼拜 to 周, 号 to 日, spaces collapsed.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in DateParsing.AsciiDigits(text).Trim())
        {
            builder.Append(c switch
            {
                '—' or '–' or '－' or '~' or '～' or '至' or '到' => '-',
                '，' or ',' or '及' or '和' => '、',
                '\u3000' => ' ',
                _ => c,
            });
        }

        return Spaces().Replace(builder.ToString().Replace("星期", "周").Replace("礼拜", "周").Replace("号", "日").Replace("周天", "周日"), " ");
    }

    private static int Ordinal(string text) => text switch
    {
        "一" or "1" => 1,
        "二" or "2" => 2,
        "三" or "3" => 3,
        "四" or "4" => 4,
        _ => 5,
    };

    private static DayOfWeek Weekday(string text) => (DayOfWeek)("日一二三四五六".IndexOf(text.TrimStart('周')[0]));

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool TryDate(Match match, out DateOnly date)
    {
        date = default;
        var y = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var m = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    [GeneratedRegex(@"\s*([0-9]{1,2}:[0-9]{2})\s*-+\s*([0-9]{1,2}:[0-9]{2})$")]
    private static partial Regex HoursAtEnd();

    [GeneratedRegex(@"^每月\s*(?:第([一二三四五1-5])个|最后一个)\s*(周[一二三四五六日])$")]
    private static partial Regex NthWeekday();

    [GeneratedRegex(@"^每月\s*[0-9]{1,2}日?(?:\s*、\s*[0-9]{1,2}日?)*$")]
    private static partial Regex MonthDays();

    [GeneratedRegex(@"^每周[一二三四五六日](?:\s*、?\s*周?[一二三四五六日])*$")]
    private static partial Regex Weekly();

    [GeneratedRegex(@"[一二三四五六日]")]
    private static partial Regex WeekdayChars();

    [GeneratedRegex(@"^[0-9]{4}\s*[-年/.]\s*[0-9]{1,2}\s*[-月/.]\s*[0-9]{1,2}日?(?:\s*、\s*[0-9]{4}\s*[-年/.]\s*[0-9]{1,2}\s*[-月/.]\s*[0-9]{1,2}日?)*$")]
    private static partial Regex DateList();

    [GeneratedRegex(@"([0-9]{4})\s*[-年/.]\s*([0-9]{1,2})\s*[-月/.]\s*([0-9]{1,2})")]
    private static partial Regex OneDate();

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^([+-]?[1-5])?([A-Z]{2})$")]
    private static partial Regex RruleDay();
}
