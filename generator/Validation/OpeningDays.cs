using System.Text.RegularExpressions;
using Site.Generator.Model;

namespace Site.Generator.Validation;

/// <summary>
/// The weekdays a station's <c>hours</c> (开放时间) says it is open — 周一至周五 8:30—17:30, 周二、周四
/// 14:30—17:30, 工作日, 每天, 星期一到星期五 — and the check that its reception days fall on them.
/// Only hours that say plainly which weekdays are read: text that defers or adds days of its own
/// (按月公布流动接待点, 预约, 另行通知, 每月15日接待日照常) is not checked, since any warning would be a guess.
/// </summary>
public static partial class OpeningDays
{
    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The weekdays open, or null when <paramref name="hours"/> does not say them in a form that can be checked.</summary>
    public static IReadOnlySet<DayOfWeek>? Parse(string? hours)
    {
        if (string.IsNullOrWhiteSpace(hours) || Deferring().IsMatch(hours))
        {
            return null;
        }

        var text = Alias().Replace(hours, "周");
        text = text.Replace("周天", "周日", StringComparison.Ordinal);
        var open = new HashSet<DayOfWeek>();
        if (Every().IsMatch(text))
        {
            return Week.ToHashSet();
        }

        if (text.Contains("工作日", StringComparison.Ordinal))
        {
            open.UnionWith(Week[..5]);
        }

        foreach (Match range in Range().Matches(text))
        {
            var from = Index(range.Groups[1].Value);
            var to = Index(range.Groups[2].Value);
            for (var i = from; ; i = (i + 1) % 7)
            {
                open.Add(Week[i]);
                if (i == to)
                {
                    break;
                }
            }
        }

        foreach (Match single in Single().Matches(Range().Replace(text, "")))
        {
            open.Add(Week[Index(single.Groups[1].Value)]);
        }

        return open.Count == 0 ? null : open;
    }

    /// <summary>
    /// The reception days of <paramref name="rule"/> in the year from <paramref name="today"/> (every
    /// listed date from today on, for a list) that fall on a weekday <paramref name="open"/> does not
    /// have, earliest first. A weekday rule outside the open days gives its next date at least.
    /// </summary>
    public static IReadOnlyList<DateOnly> Outside(ReceptionRule rule, IReadOnlySet<DayOfWeek> open, DateOnly today)
    {
        var until = today.AddYears(1);
        var days = rule.Kind == ReceptionKind.Dates
            ? rule.Dates.Where(d => d >= today)
            : rule.Next(today, 400).Where(d => d < until);
        return days.Where(d => !open.Contains(d.DayOfWeek)).ToList();
    }

    /// <summary>周一至周五, 周二、周四: the open days as the page would say them.</summary>
    public static string Words(IReadOnlySet<DayOfWeek> open)
    {
        // Runs of three or more days as a range (周一至周五), others one by one, Monday first.
        var parts = new List<string>();
        for (var i = 0; i < Week.Length; i++)
        {
            if (!open.Contains(Week[i]))
            {
                continue;
            }

            var end = i;
            while (end + 1 < Week.Length && open.Contains(Week[end + 1]))
            {
                end++;
            }

            parts.Add(end - i >= 2
                ? $"{ReceptionRule.WeekdayName(Week[i])}至{ReceptionRule.WeekdayName(Week[end])}"
                : string.Join("、", Week[i..(end + 1)].Select(ReceptionRule.WeekdayName)));
            i = end;
        }

        return string.Join("、", parts);
    }

    private static int Index(string day) => "一二三四五六日".IndexOf(day[0], StringComparison.Ordinal);

    [GeneratedRegex("星期|礼拜")]
    private static partial Regex Alias();

    [GeneratedRegex("每天|每日|全天|全年无休|7\\s*[×x*]\\s*24")]
    private static partial Regex Every();

    [GeneratedRegex("接待日|预约|另行|公布|通知|不定|每月|轮值|值班表")]
    private static partial Regex Deferring();

    [GeneratedRegex(@"周([一二三四五六日])\s*(?:至|到|—|–|-|~|～|－)+\s*周?([一二三四五六日])")]
    private static partial Regex Range();

    [GeneratedRegex("周([一二三四五六日])")]
    private static partial Regex Single();
}
