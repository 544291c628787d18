namespace Site.Generator.Model;

/// <summary>
/// When a station receives constituents, as offices state it: days of the month (每月10日、25日),
/// the nth weekday of the month (每月第一个周三, 每月最后一个周六), weekdays of every week
/// (每周二、周四) or explicit dates, with optional hours. Dates that do not exist in a month (31日
/// in April, 第五个周三 in a month with four) are skipped, as iCalendar's RRULE skips them, so the
/// page, its script and the .ics feed agree.
/// </summary>
/// <param name="Kind">Which of the four forms.</param>
/// <param name="MonthDays">For <see cref="ReceptionKind.MonthDays"/>: 1–31, ascending.</param>
/// <param name="Nth">For <see cref="ReceptionKind.NthWeekday"/>: 1–5 from the start of the month, -1 for the last.</param>
/// <param name="Weekdays">For <see cref="ReceptionKind.NthWeekday"/> (one) and <see cref="ReceptionKind.Weekly"/> (one or more).</param>
/// <param name="Dates">For <see cref="ReceptionKind.Dates"/>: ascending.</param>
/// <param name="Start">Beijing time the reception opens, or null for a whole day.</param>
/// <param name="End">Beijing time it closes (after <paramref name="Start"/>), or null.</param>
public sealed record ReceptionRule(
    ReceptionKind Kind,
    IReadOnlyList<int> MonthDays,
    int Nth,
    IReadOnlyList<DayOfWeek> Weekdays,
    IReadOnlyList<DateOnly> Dates,
    TimeOnly? Start,
    TimeOnly? End)
{
    public static ReceptionRule OnMonthDays(IEnumerable<int> days, TimeOnly? start = null, TimeOnly? end = null) =>
        new(ReceptionKind.MonthDays, days.Distinct().Order().ToList(), 0, [], [], start, end);

    public static ReceptionRule OnNthWeekday(int nth, DayOfWeek weekday, TimeOnly? start = null, TimeOnly? end = null) =>
        new(ReceptionKind.NthWeekday, [], nth, [weekday], [], start, end);

    public static ReceptionRule Weekly(IEnumerable<DayOfWeek> weekdays, TimeOnly? start = null, TimeOnly? end = null) =>
        new(ReceptionKind.Weekly, [], 0, weekdays.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList(), [], start, end);

    public static ReceptionRule OnDates(IEnumerable<DateOnly> dates, TimeOnly? start = null, TimeOnly? end = null) =>
        new(ReceptionKind.Dates, [], 0, [], dates.Distinct().Order().ToList(), start, end);

    /// <summary>The first <paramref name="count"/> reception days on or after <paramref name="from"/> (at most 24 months ahead).</summary>
    public IReadOnlyList<DateOnly> Next(DateOnly from, int count)
    {
        if (Kind == ReceptionKind.Dates)
        {
            return Dates.Where(d => d >= from).Take(count).ToList();
        }

        var result = new List<DateOnly>();
        var last = from.AddMonths(24);
        if (Kind == ReceptionKind.Weekly)
        {
            for (var day = from; day <= last && result.Count < count && Weekdays.Count > 0; day = day.AddDays(1))
            {
                if (Weekdays.Contains(day.DayOfWeek))
                {
                    result.Add(day);
                }
            }

            return result;
        }

        for (var first = new DateOnly(from.Year, from.Month, 1); first <= last && result.Count < count; first = first.AddMonths(1))
        {
            foreach (var day in InMonth(first.Year, first.Month))
            {
                if (day >= from && result.Count < count)
                {
                    result.Add(day);
                }
            }
        }

        return result;
    }

    /// <summary>The reception days of one month, for the monthly kinds.</summary>
    private IEnumerable<DateOnly> InMonth(int year, int month)
    {
        var length = DateTime.DaysInMonth(year, month);
        if (Kind == ReceptionKind.MonthDays)
        {
            foreach (var day in MonthDays.Where(d => d <= length))
            {
                yield return new DateOnly(year, month, day);
            }

            yield break;
        }

        var weekday = Weekdays[0];
        if (Nth < 0)
        {
            var end = new DateOnly(year, month, length);
            yield return end.AddDays(-(((int)end.DayOfWeek - (int)weekday + 7) % 7));
            yield break;
        }

        var start = new DateOnly(year, month, 1);
        var date = start.AddDays(((int)weekday - (int)start.DayOfWeek + 7) % 7 + (Nth - 1) * 7);
        if (date.Month == month)
        {
            yield return date;
        }
    }

    /// <summary>The rule in words, as the page shows it without script: 每月第一个周三 9:00—11:30.</summary>
    public string Words()
    {
        var what = Kind switch
        {
            ReceptionKind.MonthDays => "每月" + string.Join("、", MonthDays.Select(d => $"{d}日")),
            ReceptionKind.NthWeekday => $"每月{(Nth < 0 ? "最后一个" : $"第{"一二三四五"[Nth - 1]}个")}{WeekdayName(Weekdays[0])}",
            ReceptionKind.Weekly => "每" + string.Join("、", Weekdays.Select(WeekdayName)),
            _ => string.Join("、", Dates.Select(d => $"{d.Year}年{d.Month}月{d.Day}日")),
        };
        return Hours() is { } hours ? $"{what} {hours}" : what;
    }

    /// <summary>9:00—11:30, or null for a whole day.</summary>
    public string? Hours() => Start is { } s ? End is { } e ? $"{Clock(s)}—{Clock(e)}" : $"{Clock(s)}起" : null;

    /// <summary>9:00, 14:30 (culture-independent).</summary>
    public static string Clock(TimeOnly time) => time.ToString("H\\:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>周一 … 周日.</summary>
    public static string WeekdayName(DayOfWeek day) => "周" + "日一二三四五六"[(int)day];
}

public enum ReceptionKind
{
    MonthDays,
    NthWeekday,
    Weekly,
    Dates,
}
