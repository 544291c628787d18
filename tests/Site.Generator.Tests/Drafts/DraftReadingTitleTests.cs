using System.Xml.Linq;
using Ical.Net;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;
using Site.Generator.Validation.Drafts;

namespace Site.Generator.Tests.Drafts;

/// <summary>
/// Two readings of one regulation are told apart wherever a title stands alone (the drafts list, the
/// page's &lt;title&gt;, og:title, the Atom feed, the .ics event), and a closed draft's two counts —
/// the office's report and this site's own — each say whose count it is and when it was taken.
/// </summary>
public sealed class DraftReadingTitleTests
{
    private const string Body = "第一条 为了规范物业管理活动，制定本条例。\n\n第二条 本县行政区域内的物业管理活动，适用本条例。";

    private static string TwoReadings(string secondTitle = "湘潭县物业管理条例（草案）") => TestSite.MinimalConfig + $$"""

        -- content/drafts/wuye-yishen.md --
        ---
        title: 湘潭县物业管理条例（草案）
        office: 县人大常委会法制工作委员会
        reading: 一审
        opens: 2026-06-10
        closes: 2026-07-10
        feedback:
          published: 2026-08-20
          received: 252
          adopted: 31
          channels:
            - channel: 网上征求意见
              count: 186
            - channel: 基层立法联系点座谈
              count: 57
            - channel: 群众来信
              count: 9
          report: |
            一审稿征求意见期间共收到意见 252 条，其中网上征求意见 186 条，基层立法联系点座谈 57 条，群众来信 9 条。采纳和部分采纳 31 条。
        ---
        {{Body}}
        -- content/drafts/wuye.md --
        ---
        title: {{secondTitle}}
        office: 县人大常委会法制工作委员会
        reading: 二审
        previous: wuye-yishen
        opens: 2026-10-20
        closes: 2026-12-20
        ---
        {{Body}}
        """;

    [Theory]
    [InlineData("湘潭县物业管理条例（草案）", "二审", "湘潭县物业管理条例（草案二次审议稿）")]
    [InlineData("湘潭县物业管理条例（草案）", "一审", "湘潭县物业管理条例（草案）")]
    [InlineData("湘潭县物业管理条例", "一审", "湘潭县物业管理条例（草案）")]
    [InlineData("湘潭县物业管理条例", "三审", "湘潭县物业管理条例（草案三次审议稿）")]
    [InlineData("湘潭县物业管理条例（修订草案）", "二审", "湘潭县物业管理条例（修订草案二次审议稿）")]
    [InlineData("湘潭县物业管理条例（草案二审稿）", "二审", "湘潭县物业管理条例（草案二审稿）")]
    [InlineData("湘潭县文明行为促进办法（征求意见稿）", "征求意见稿", "湘潭县文明行为促进办法（征求意见稿）")]
    [InlineData("养犬管理条例（草案）", "征求意见稿", "养犬管理条例（草案征求意见稿）")]
    [InlineData("湘潭县物业管理条例（草案）", "表决稿", "湘潭县物业管理条例（草案表决稿）")]
    public void PublishedTitle_NamesTheReading_InTheCongresssTerms(string title, string reading, string expected)
    {
        Assert.Equal((expected, null), DraftTitles.Published(title, reading));
    }

    [Theory]
    [InlineData("湘潭县物业管理条例（草案二次审议稿）", "湘潭县物业管理条例")]
    [InlineData("湘潭县物业管理条例", "湘潭县物业管理条例")]
    public void Name_IsTheTitleWithoutItsReading(string title, string name)
    {
        Assert.Equal(name, DraftTitles.Name(title));
    }

    [Fact]
    public void PublishedTitle_ThatNamesAnotherReading_IsKept_AndTheConflictReturned()
    {
        Assert.Equal(("物业管理条例（草案二次审议稿）", "二审"), DraftTitles.Published("物业管理条例（草案二次审议稿）", "一审"));
    }

    [Fact]
    public async Task TwoReadings_WithOneTitleAsWritten_AreToldApart_InTheList_TitleShareFeedAndCalendar()
    {
        using var site = await TestSite.BuildAsync(TwoReadings());
        site.AssertNoErrors();
        Assert.DoesNotContain(site.Report.Diagnostics.Sorted(), d => d.Code is DiagnosticCodes.DraftTitleClash or DiagnosticCodes.DraftTitleReading);

        const string First = "湘潭县物业管理条例（草案）";
        const string Second = "湘潭县物业管理条例（草案二次审议稿）";
        var list = site.Html("drafts/index.html");
        var listed = list.QuerySelectorAll("main a[href='/drafts/wuye/'], main a[href='/drafts/wuye-yishen/']")
            .Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).Distinct().ToList();
        Assert.Contains(("/drafts/wuye/", Second), listed);
        Assert.Contains(("/drafts/wuye-yishen/", First), listed);

        foreach (var (file, title) in new[] { ("drafts/wuye/index.html", Second), ("drafts/wuye-yishen/index.html", First) })
        {
            var page = site.Html(file);
            Assert.StartsWith(title, page.Title);
            Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
            Assert.StartsWith(title, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        }

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Parse(site.ReadFile("drafts/feed.xml")).Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains($"开始征求意见：{Second}", entries);
        Assert.Contains($"开始征求意见：{First}（一审）", entries);

        var events = Calendar.Load(site.ReadFile("drafts/deadlines.ics"))!.Events.Select(e => e.Summary).ToList();
        Assert.Equal([$"征求意见截止：{First}", $"征求意见截止：{Second}"], events);
        Assert.Equal(events.Count, events.Distinct().Count());
    }

    [Fact]
    public async Task TitleNamingAnotherReading_IsAWarningAtTheTitle()
    {
        using var site = await TestSite.BuildAsync(TwoReadings("湘潭县物业管理条例（草案三次审议稿）"));
        site.AssertNoErrors();

        var warning = site.AssertDiagnostic("content/drafts/wuye.md", 2, DiagnosticCodes.DraftTitleReading, Severity.Warning);
        Assert.Contains("三审", warning.Message);
        Assert.Contains("二审", warning.Message);
    }

    [Fact]
    public async Task TwoDraftsPublishedUnderOneTitle_AreAWarningAtEach()
    {
        // Two 一审 texts of one regulation (a copied file): nothing in the records tells them apart.
        var files = TwoReadings().Replace("reading: 二审\n", "reading: 一审\n").Replace("previous: wuye-yishen\n", "");
        using var site = await TestSite.BuildAsync(files);
        site.AssertNoErrors();

        var clashes = site.Report.Diagnostics.Sorted().Where(d => d.Code == DiagnosticCodes.DraftTitleClash).ToList();
        Assert.Equal(["content/drafts/wuye-yishen.md", "content/drafts/wuye.md"], clashes.Select(d => d.Location.Path).Order(StringComparer.Ordinal));
        Assert.All(clashes, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.All(clashes, d => Assert.Equal(2, d.Location.Line));
        Assert.Contains("content/drafts/wuye-yishen.md", clashes.Single(d => d.Location.Path == "content/drafts/wuye.md").Message);
    }

    [Fact]
    public async Task ClosedDraft_SaysWhoseCountEachIs_AndWhenItWasTaken_NeverOneAsPartOfTheOther()
    {
        using var site = await TestSite.BuildAsync(TwoReadings());

        var page = site.Html("drafts/wuye-yishen/index.html");
        var official = page.QuerySelector(".official-count")!.TextContent;
        Assert.StartsWith("各渠道收到意见 252 条", official);
        Assert.Contains("：网上征求意见 186 条，基层立法联系点座谈 57 条，群众来信 9 条", official);
        Assert.Contains("统计至2026年7月10日征求意见截止，据2026年8月20日发布的意见采纳情况报告", official);

        var live = page.QuerySelector("#draft-stats")!;
        Assert.StartsWith("本网站在线提交", live.TextContent);
        Assert.DoesNotContain("其中", live.TextContent);
        Assert.Contains("实时统计", live.TextContent);
        Assert.NotNull(live.QuerySelector("[data-stat-time]"));
        Assert.Contains("口径不同", page.QuerySelector(".count-note")!.TextContent);

        var open = site.Html("drafts/wuye/index.html");
        Assert.Null(open.QuerySelector(".official-count"));
        Assert.StartsWith("本网站统计：已收到意见", open.QuerySelector("#draft-stats")!.TextContent);
    }

    [Fact]
    public async Task ReportText_StatingOtherFigures_ThanTheRecord_IsAWarningAtTheReport()
    {
        var files = TwoReadings()
            .Replace("共收到意见 252 条", "共收到意见 250 条")
            .Replace("群众来信 9 条。采纳和部分采纳 31 条", "群众来信 7 条。采纳和部分采纳 30 条");
        using var site = await TestSite.BuildAsync(files);
        site.AssertNoErrors();

        var warnings = site.Report.Diagnostics.Sorted().Where(d => d.Code == DiagnosticCodes.DraftFeedbackFigures).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, d => Assert.Equal(("content/drafts/wuye-yishen.md", 18, Severity.Warning), (d.Location.Path, d.Location.Line, d.Severity)));
        Assert.Contains(warnings, d => d.Message.Contains("共收到意见 250 条") && d.Message.Contains("252"));
        Assert.Contains(warnings, d => d.Message.Contains("采纳和部分采纳 30 条") && d.Message.Contains("31"));
        Assert.Contains(warnings, d => d.Message.Contains("群众来信 7 条") && d.Message.Contains("9"));
    }
}
