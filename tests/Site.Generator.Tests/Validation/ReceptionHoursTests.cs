using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;
using Site.Generator.Validation;

namespace Site.Generator.Tests.Validation;

/// <summary>
/// A station's reception days against its opening days (hours: 周一至周五): a day the page, its script
/// and the calendar would send people to while the door is shut is a warning at the rule's line.
/// </summary>
public sealed class ReceptionHoursTests
{
    // TestSite.Now is 2026-11-23 (a Monday), Beijing time.
    private static string Station(string hours, string rule) => TestSite.MinimalConfig + $"""

        -- input/stations/stations.yaml --
        - id: S02
          name: 石鼓镇代表之家
          kind: 代表之家
          hours: {hours}
          {rule}
        """;

    [Theory]
    [InlineData("周一至周五 9:00—17:00", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
    [InlineData("星期一到星期五 8:30-17:30", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
    [InlineData("周二、周四 14:30—17:30", new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday })]
    [InlineData("周三 9:00—12:00", new[] { DayOfWeek.Wednesday })]
    [InlineData("周一至周五 8:30—17:30，周六 9:00—12:00", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday })]
    [InlineData("工作日 9:00-17:00", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })]
    [InlineData("每天 8:00-20:00", new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday })]
    public void OpeningDays_AsOfficesWriteThem(string hours, DayOfWeek[] expected)
    {
        Assert.Equal(expected.Order(), OpeningDays.Parse(hours)!.Order());
    }

    [Theory]
    [InlineData("按月公布流动接待点")]
    [InlineData("周一至周五 9:00—17:00，每月15日接待日照常开放")]
    [InlineData("提前电话预约")]
    [InlineData("")]
    public void OpeningDays_NotSaidPlainly_AreNotChecked(string hours)
    {
        Assert.Null(OpeningDays.Parse(hours));
    }

    [Fact]
    public async Task MonthDays_FallingOnASunday_IsAWarningAtTheRule_NamingTheDay()
    {
        using var site = await TestSite.BuildAsync(Station("周一至周五 9:00—17:00", "receptionRule: 每月10日、25日 9:00-11:30"));
        site.AssertNoErrors();

        var warning = site.AssertDiagnostic("input/stations/stations.yaml", 5, DiagnosticCodes.ReceptionOutsideHours, Severity.Warning);
        Assert.Contains("每月10日、25日", warning.Message);
        Assert.Contains("最近的是 2027年1月10日（周日）", warning.Message);
        Assert.Contains("“周一至周五 9:00—17:00”（周一至周五开放）", warning.Message);
        // The station is published all the same: the warning asks the office to correct it.
        Assert.True(File.Exists(Path.Combine(site.Output, "stations/S02/index.html")));
    }

    [Fact]
    public async Task ReceptionDays_OutsideTheOpenDays_IsAWarningAtReceptionDays()
    {
        using var site = await TestSite.BuildAsync(Station("周一至周五 8:30—17:00", "receptionDays: \"15\""));

        var warning = site.AssertDiagnostic("input/stations/stations.yaml", 5, DiagnosticCodes.ReceptionOutsideHours, Severity.Warning);
        Assert.Contains("receptionDays", warning.Message);
    }

    [Theory]
    [InlineData("周一至周五 9:00—17:00", "receptionRule: 每月最后一个周六 9:00-12:00", "2026年11月28日（周六）")]
    [InlineData("周二、周四 14:30—17:30", "receptionRule: 每周二、周三", "2026年11月25日（周三）")]
    [InlineData("周一至周五 9:00—17:00", "receptionRule: 2026-12-04、2026-12-05", "2026年12月5日（周六）")]
    public async Task WeekdayRules_AndDates_OutsideTheOpenDays_AreWarnings(string hours, string rule, string day)
    {
        using var site = await TestSite.BuildAsync(Station(hours, rule));

        var warning = site.AssertDiagnostic("input/stations/stations.yaml", 5, DiagnosticCodes.ReceptionOutsideHours, Severity.Warning);
        Assert.Contains(day, warning.Message);
    }

    [Theory]
    [InlineData("周一至周五 9:00—17:00", "周一至周五")]
    [InlineData("周二、周四 14:30—17:30", "周二、周四")]
    [InlineData("周一至周五 8:30—17:30，周六 9:00—12:00", "周一至周六")]
    [InlineData("周一、周二 9:00—12:00，周五至周日 14:00—17:00", "周一、周二、周五至周日")]
    public void OpenDays_AreSaidAsOfficesSayThem(string hours, string words)
    {
        Assert.Equal(words, OpeningDays.Words(OpeningDays.Parse(hours)!));
    }

    [Theory]
    [InlineData("周六 9:00—12:00", "receptionRule: 每月最后一个周六 9:00-12:00")]
    [InlineData("周二、周四 14:30—17:30", "receptionRule: 每周二、周四 14:30-17:30")]
    [InlineData("周一至周五 9:00—17:00", "receptionRule: 每月第二个周三 9:00-11:30")]
    [InlineData("周一至周日 8:30—17:30", "receptionDays: \"15\"")]
    [InlineData("按月公布流动接待点", "receptionRule: 每月10日")]
    [InlineData("周一至周五 9:00—17:00", "receptionRule: 2026-01-03、2026-12-04")]
    public async Task ReceptionDays_OnOpenDays_OrHoursNotSaidPlainly_AreNotWarned(string hours, string rule)
    {
        using var site = await TestSite.BuildAsync(Station(hours, rule));

        site.AssertNoErrors();
        Assert.DoesNotContain(site.Report.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.ReceptionOutsideHours);
    }
}
