using System.Xml.Linq;
using Ical.Net;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Drafts;

/// <summary>A closed draft's feedback report per article and by channel, and the drafts' feed and calendar.</summary>
public sealed class ConsultationFeedbackTests
{
    private const string Text = """
        第一条 为了规范物业管理活动，制定本条例。

        第二条 本县行政区域内的物业管理活动，适用本条例。

        第三条 业主委员会应当每半年公布一次公共收益收支情况。
        """;

    private static string Closed(string feedback) => TestSite.MinimalConfig + $"""

        -- content/drafts/wuye.md --
        ---
        title: 物业管理条例（草案）
        office: 法制工作委员会
        reading: 一审
        opens: 2026-06-01
        closes: 2026-07-01
        feedback:
        {feedback}
        ---
        {Text}
        """;

    private const string Feedback = """
          published: 2026-08-20
          received: 252
          adopted: 31
          channels:
            - channel: 网上征求意见
              count: 186
            - channel: 基层立法联系点
              count: 66
          articles:
            - article: 第三条
              outcome: 采纳
              reason: 公布周期由每年一次改为每半年一次。
            - article: 2
              outcome: 未采纳
              reason: 与上位法不一致。
          report: |
            第三条：建议缩短公布周期，采纳。第九条不存在，不应链接。
        """;

    [Fact]
    public async Task ClosedDraft_ShowsOutcomesBesideArticles_LinksReferences_AndOfficialTotals()
    {
        using var site = await TestSite.BuildAsync(Closed(Feedback));
        site.AssertNoErrors();

        var page = site.Html("drafts/wuye/index.html");
        var outcome = page.QuerySelector("#article-3 .outcome")!;
        Assert.Contains("意见处理：采纳", outcome.TextContent);
        Assert.Contains("每半年一次", outcome.TextContent);
        Assert.Contains("未采纳", page.QuerySelector("#article-2 .outcome")!.TextContent);
        Assert.Null(page.QuerySelector("#article-1 .outcome"));

        var links = page.QuerySelectorAll("#feedback ~ .prose a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("第三条", "#article-3")], links);

        var official = page.QuerySelector(".official-count")!.TextContent;
        Assert.Contains("252", official);
        Assert.Contains("网上征求意见 186 条", official);
        Assert.Contains("本网站在线提交", page.QuerySelector("#draft-stats")!.TextContent);
        Assert.Equal(["网上征求意见", "基层立法联系点"], page.QuerySelectorAll("table.channels tbody th").Select(t => t.TextContent));
    }

    [Fact]
    public async Task OpenDraft_KeepsTheLiveCount()
    {
        using var site = await TestSite.BuildAsync(Closed(Feedback).Replace("closes: 2026-07-01", "closes: 2026-12-31"));

        var page = site.Html("drafts/wuye/index.html");
        Assert.Null(page.QuerySelector(".official-count"));
        Assert.StartsWith("本网站统计：已收到意见", page.QuerySelector("#draft-stats")!.TextContent);
    }

    [Fact]
    public async Task Outcomes_UnknownArticle_BadOutcome_AndChannelsNotAddingUp_AreErrors()
    {
        var feedback = Feedback
            .Replace("article: 第三条", "article: 第九条")
            .Replace("outcome: 未采纳", "outcome: 同意")
            .Replace("count: 66", "count: 60");
        using var site = await TestSite.BuildAsync(Closed(feedback));

        var errors = site.Report.Diagnostics.Sorted().Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList();
        Assert.True(errors.Count >= 3, string.Join("\n", errors));
        Assert.Contains(errors, m => m.Contains("第九条") && m.Contains("没有这一条"));
        Assert.Contains(errors, m => m.Contains("“同意”不是采纳/部分采纳/未采纳/已在其他条款体现"));
        Assert.Contains(errors, m => m.Contains("各渠道意见条数之和（246）与收到意见条数（252）不一致"));
        Assert.All(site.Report.Diagnostics.Sorted().Where(d => d.Severity == Severity.Error), d => Assert.Equal("content/drafts/wuye.md", d.Location.Path));
    }

    [Fact]
    public async Task Feed_AndCalendar_Parse_AndAnnounceWhatHappened()
    {
        // TestSite.Now is 2026-11-23 10:00 Beijing time: "kaifang" closes within seven days.
        using var site = await TestSite.BuildAsync(Closed(Feedback) + """

            -- content/drafts/kaifang.md --
            ---
            title: 养犬管理条例（草案）
            office: 法制工作委员会
            reading: 征求意见稿
            opens: 2026-11-01
            closes: 2026-11-28
            ---
            第一条 为了规范养犬行为，制定本条例。
            -- content/drafts/future.md --
            ---
            title: 河道管理条例（草案）
            office: 法制工作委员会
            reading: 一审
            opens: 2026-12-10
            closes: 2027-01-10
            ---
            第一条 为了加强河道管理，制定本条例。
            """);
        site.AssertNoErrors();

        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(site.ReadFile("drafts/feed.xml"));
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Equal(
            ["即将截止：养犬管理条例（草案征求意见稿）", "开始征求意见：养犬管理条例（草案征求意见稿）", "意见采纳情况已发布：物业管理条例（草案）", "开始征求意见：物业管理条例（草案）（一审）"],
            titles);
        Assert.All(feed.Root.Elements(atom + "entry"), e => Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")!.Value, out _)));
        Assert.Equal("https://test.example/drafts/kaifang/", feed.Root.Elements(atom + "entry").First().Element(atom + "link")!.Attribute("href")!.Value);

        var calendar = Calendar.Load(site.ReadFile("drafts/deadlines.ics"))!;
        var events = calendar.Events.OrderBy(e => e.Start!.Value).ToList();
        Assert.Equal(3, events.Count);
        Assert.Equal(new DateTime(2026, 11, 28), events[1].Start!.Value);
        Assert.False(events[1].Start!.HasTime);
        Assert.Equal("征求意见截止：养犬管理条例（草案征求意见稿）", events[1].Summary);
        Assert.Equal(new Uri("https://test.example/drafts/kaifang/"), events[1].Url);

        var list = site.Html("drafts/index.html");
        Assert.Equal(["/drafts/feed.xml", "/drafts/deadlines.ics"], list.QuerySelectorAll(".subscribe a").Select(a => a.GetAttribute("href")));
        Assert.Equal(2, site.Html("drafts/wuye/index.html").QuerySelectorAll(".subscribe a").Length);

        var home = site.Html("index.html");
        Assert.Equal(["/drafts/kaifang/"], home.QuerySelectorAll("#closing-soon ~ ul a").Select(a => a.GetAttribute("href")));
    }
}
