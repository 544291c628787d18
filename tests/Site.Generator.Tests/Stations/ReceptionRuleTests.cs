using Ical.Net.DataTypes;
using Site.Generator.Model;
using Site.Generator.Rendering.Pages;
using Site.Generator.Validation;

namespace Site.Generator.Tests.Stations;

/// <summary>Reception rules as offices state them: each kind, its next dates, and the .ics read back by Ical.Net.</summary>
public sealed class ReceptionRuleTests
{
    private static ReceptionRule Parse(string text)
    {
        var (rule, error) = ReceptionRuleParser.Parse(text);
        Assert.True(rule is not null, error);
        return rule!;
    }

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void MonthDays_WithHours_NextDates()
    {
        var rule = Parse("每月10日、25日 9:00-11:30");

        Assert.Equal([D(2026, 3, 25), D(2026, 4, 10), D(2026, 4, 25)], rule.Next(D(2026, 3, 11), 3));
        Assert.Equal("每月10日、25日 9:00—11:30", rule.Words());
    }

    [Fact]
    public void MonthDays_31st_IsSkippedInShortMonths()
    {
        var rule = Parse("每月31号");

        Assert.Equal([D(2026, 1, 31), D(2026, 3, 31), D(2026, 5, 31), D(2026, 7, 31)], rule.Next(D(2026, 1, 1), 4));
    }

    [Fact]
    public void FirstWednesday_NextDates()
    {
        var rule = Parse("每月第一个周三 9:00-11:30");

        Assert.Equal((ReceptionKind.NthWeekday, 1, DayOfWeek.Wednesday), (rule.Kind, rule.Nth, rule.Weekdays[0]));
        Assert.Equal([D(2026, 12, 2), D(2027, 1, 6), D(2027, 2, 3)], rule.Next(D(2026, 11, 30), 3));
        Assert.Equal(new TimeOnly(9, 0), rule.Start);
        Assert.Equal(new TimeOnly(11, 30), rule.End);
    }

    [Fact]
    public void LastSaturday_NextDates_AcrossAYear()
    {
        var rule = Parse("每月最后一个星期六 9：00—12：00");

        Assert.Equal([D(2026, 11, 28), D(2026, 12, 26), D(2027, 1, 30), D(2027, 2, 27)], rule.Next(D(2026, 11, 28), 4));
        Assert.Equal("每月最后一个周六 9:00—12:00", rule.Words());
    }

    [Fact]
    public void FifthWednesday_IsSkippedInMonthsWithFour()
    {
        var rule = Parse("每月第五个周三");

        // 2026: April, July, September and December have five Wednesdays.
        Assert.Equal([D(2026, 4, 29), D(2026, 7, 29), D(2026, 9, 30), D(2026, 12, 30)], rule.Next(D(2026, 1, 1), 4));
    }

    [Fact]
    public void Weekly_NextDates()
    {
        var rule = Parse("每周二、周四 14:30—17:30");

        Assert.Equal([D(2026, 12, 1), D(2026, 12, 3), D(2026, 12, 8)], rule.Next(D(2026, 11, 30), 3));
        Assert.Equal("每周二、周四 14:30—17:30", rule.Words());
    }

    [Fact]
    public void ExplicitDates_OnlyThoseStillAhead()
    {
        var rule = Parse("2026-03-05、2026年4月9日、2026/5/14");

        Assert.Equal([D(2026, 4, 9), D(2026, 5, 14)], rule.Next(D(2026, 3, 6), 3));
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=1WE", "每月第一个周三")]
    [InlineData("RRULE:FREQ=MONTHLY;BYDAY=SA;BYSETPOS=-1", "每月最后一个周六")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=10,25 9:00-11:30", "每月10日、25日 9:00—11:30")]
    [InlineData("FREQ=WEEKLY;BYDAY=TU,TH", "每周二、周四")]
    public void Rrule_SameFormsAsWords(string text, string words) => Assert.Equal(words, Parse(text).Words());

    [Theory]
    [InlineData("每月32日", "32")]
    [InlineData("每月第一个周三 11:30-9:00", "不晚于")]
    [InlineData("2026-02-30", "2026-02-30")]
    [InlineData("FREQ=DAILY;COUNT=3", "COUNT")]
    [InlineData("逢集日接待", "看不懂")]
    public void BadRule_SaysWhatIsWrong(string text, string part)
    {
        var (rule, error) = ReceptionRuleParser.Parse(text);

        Assert.Null(rule);
        Assert.Contains(part, error);
    }

    [Theory]
    [InlineData("每月第一个周三 9:00-11:30")]
    [InlineData("每月最后一个周六 9:00-12:00")]
    [InlineData("每月10日、31日")]
    [InlineData("每周二、周四 14:30-17:30")]
    [InlineData("2026-12-05、2027-01-09 9:00-11:00")]
    public void Calendar_ParsedBackByIcalNet_GivesTheSameDatesAndHours(string text)
    {
        var rule = Parse(text);
        var station = new Station(new StationId("S99"), "测试联络站", StationKind.Station, [], null, "某镇某路1号", null, null, null, null, [], null, null, null, null, null, [], rule);
        var now = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));
        var calendar = Ical.Net.Calendar.Load(StationPages.Calendar(station, new Uri("https://rd.example.org/stations/S99/"), now))!;
        var expected = rule.Next(new DateOnly(2026, 11, 30), 8);

        var occurrences = calendar.GetOccurrences(new CalDateTime(2026, 11, 30, 0, 0, 0, "Asia/Shanghai")).Take(expected.Count).ToList();

        Assert.Equal(expected, occurrences.Select(o => DateOnly.FromDateTime(o.Period.StartTime.Value)).ToList());
        if (rule.Start is { } start)
        {
            Assert.All(occurrences, o => Assert.Equal(start, TimeOnly.FromDateTime(o.Period.StartTime.Value)));
            Assert.All(occurrences, o => Assert.Equal("Asia/Shanghai", o.Period.StartTime.TzId));
        }
        else
        {
            Assert.All(occurrences, o => Assert.False(o.Period.StartTime.HasTime));
        }

        Assert.All(calendar.Events, e => Assert.Equal("某镇某路1号", e.Location));
    }
}
