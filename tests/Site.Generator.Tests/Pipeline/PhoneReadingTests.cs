using AngleSharp.Dom;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// What a first reader on a 375 px phone found: dates and counts split across lines, a departed
/// deputy's page that looked current, "给Ta留言" on a station, result classes explained only in a
/// tooltip, a draft's table hiding columns to the right, the poster's address breaking before #message.
/// </summary>
public sealed class PhoneReadingTests
{
    private const string Site = TestSite.MinimalConfig + """

        resultClasses:
          A: 已解决或基本解决
          B: 列入计划逐步解决
        -- input/stations/s.yaml --
        - id: S01
          name: 易俗河镇代表联络站
          kind: 代表联络站
          hours: 周一至周五 8:30—17:30
        - id: S02
          name: 花石镇代表之家
          kind: 代表之家
        -- input/deputies/d.yaml --
        - id: D0001
          name: 陈美华
          levels: [县]
          station: S01
        - id: D0003
          name: 刘敬阳
          levels: [县]
          station: S01
          termEnded: 2026-06-30
        -- input/reports/reports.yaml --
        - deputy: D0001
          date: 2026-01-12
          place: 易俗河镇代表联络站
          voters: 52
          satisfied: 47
          fairly: 4
          dissatisfied: 1
        -- input/suggestions/s.yaml --
        - number: "2026-001"
          title: 关于在农村推广老年助餐点的建议
          session: 县十八届人大七次会议
          deputies: [D0001]
          unit: 县民政局
          status: 办结
          result: A
          satisfaction: 满意
          assigned: 2026-03-10
          answered: 2026-05-20
          closed: 2026-09-18
        -- content/drafts/wuye.md --
        ---
        title: 物业管理条例（草案）
        office: 法制工作委员会
        reading: 一审
        opens: 2026-11-01
        closes: 2026-12-20
        ---
        第一条 为了规范物业管理活动，制定本条例。

        附件：物业管理信息公示事项

        | 公示事项 | 公示人 | 公示频次 | 依据 |
        |---|---|---|---|
        | 公共收益收支情况 | 物业服务人 | 每季度一次 | 第十条 |
        """;

    private static bool InNowrap(IElement? element)
    {
        for (; element is not null; element = element.ParentElement)
        {
            if (element.ClassList.Contains("nw") || element.LocalName == "time")
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task ChineseDates_AndCountsWithTheirUnit_AreKeptOnOneLine()
    {
        using var site = await TestSite.BuildAsync(Site);

        // Home: "截止 2026年12月20日" in the open drafts' note.
        var note = site.Html("index.html").QuerySelectorAll("#open-drafts ~ ul .note, .notice .note").First(n => n.TextContent.Contains("2026年12月20日"));
        var date = note.QuerySelectorAll("span.nw").Single(s => s.TextContent == "2026年12月20日");
        Assert.True(InNowrap(date));

        // The deputy's 述职评议: the place, and each "不满意 1 票" whole.
        var report = site.Html("deputies/D0001/index.html").QuerySelector("#reports ~ ol.timeline li")!;
        Assert.Contains(report.QuerySelectorAll("span.nw"), s => s.TextContent == "易俗河镇代表联络站");
        var pieces = report.QuerySelectorAll("p:not(.meta) span.nw").Select(s => s.TextContent.Replace('\u00a0', ' ')).ToList();
        Assert.Contains("不满意 1 票", pieces);
        Assert.Contains("满意 47 票", pieces);

        // A station's departed deputy: "2026年6月30日离任".
        var departed = site.Html("stations/S01/index.html").QuerySelector("h3#departed + ul .note")!;
        Assert.Equal("2026年6月30日离任", departed.TextContent);
        Assert.Equal("2026年6月30日", departed.QuerySelector("span.nw")!.TextContent);
    }

    /// <summary>
    /// A draft page in each state it can be in at the build (not yet open, open, closed with its feedback report,
    /// a first reading with a later one): every date reads as Chinese (2026年12月1日, never 2026-12-01) and sits whole
    /// in a nowrap element (span.nw or time), in the status line, the reading history, the feedback and the
    /// comment section alike ("本草案将于 2026年12月1日 开始" broke as "2026" / "年12月1日" at 375 px).
    /// </summary>
    [Theory]
    [InlineData("drafts/dianti-later/index.html", "尚未开始征求意见")]
    [InlineData("drafts/dianti/index.html", "征求意见中")]
    [InlineData("drafts/dianti-yishen/index.html", "征求意见已截止")]
    public async Task DraftPage_InEveryState_WritesItsDatesInChinese_EachKeptOnOneLine(string file, string status)
    {
        const string Body = "第一条 为了加强电梯安全工作，制定本条例。\n\n第二条 本条例适用于本县行政区域内电梯的安全管理。";
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + $$"""

            -- content/drafts/dianti-yishen.md --
            ---
            title: 电梯安全条例（草案）
            office: 法制工作委员会
            reading: 一审
            opens: 2026-06-01
            closes: 2026-07-01
            feedback:
              published: 2026-08-20
              received: 12
              adopted: 3
              report: 2026年8月20日公布：共收到意见 12 条，采纳 3 条。
            ---
            {{Body}}
            -- content/drafts/dianti.md --
            ---
            title: 电梯安全条例（草案）
            office: 法制工作委员会
            reading: 二审
            previous: dianti-yishen
            opens: 2026-11-01
            closes: 2026-12-20
            ---
            {{Body}}
            -- content/drafts/dianti-later.md --
            ---
            title: 物业管理条例（草案）
            office: 法制工作委员会
            reading: 一审
            opens: 2026-12-01
            closes: 2026-12-31
            ---
            {{Body}}
            """);
        site.AssertNoErrors();

        var main = site.Html(file).QuerySelector("main")!;
        Assert.Equal(status, main.QuerySelector(".draft-status .status")!.TextContent);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", main.TextContent);
        var dates = 0;
        // The page's own lines; the report itself is the office's Markdown (.prose), set as written.
        foreach (var node in main.Descendants<AngleSharp.Dom.IText>().Where(t => t.ParentElement?.Closest(".prose") is null))
        {
            foreach (System.Text.RegularExpressions.Match date in System.Text.RegularExpressions.Regex.Matches(node.Data, @"\d{4}年\d{1,2}月\d{1,2}日"))
            {
                dates++;
                Assert.True(InNowrap(node.ParentElement), $"{date.Value} is not kept on one line in: {node.ParentElement!.TextContent.Trim()}");
            }
        }

        // The comment section names its day too (hidden until the live clock says so, but shown without it).
        Assert.Contains(main.QuerySelectorAll("#comment time"), t => t.TextContent == (file.Contains("later") ? "2026年12月1日" : file.Contains("yishen") ? "2026年7月1日" : "2026年12月20日"));
        Assert.True(dates >= 3, $"only {dates} dates on {file}");
    }

    [Fact]
    public async Task DepartedDeputy_SaysSoOnTop_AndOffersNoMessageQrOrCard_ButTheStation()
    {
        using var site = await TestSite.BuildAsync(Site);

        var page = site.Html("deputies/D0003/index.html");
        var profile = page.QuerySelector("article.profile")!;
        Assert.Equal("已离任（2026年6月30日）", profile.QuerySelector(".departed-mark")!.TextContent);
        Assert.Null(page.QuerySelector("a.write"));
        Assert.Null(page.QuerySelector("#card"));
        Assert.Null(page.QuerySelector(".qr-downloads"));
        Assert.Null(page.QuerySelector("[data-print]"));
        Assert.DoesNotContain("打印“三亮”卡片", page.Body!.TextContent);
        Assert.DoesNotContain("有事找代表", profile.TextContent);
        Assert.Contains(profile.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/stations/S01/#message");

        // A serving deputy keeps all of it.
        var serving = site.Html("deputies/D0001/index.html");
        Assert.NotNull(serving.QuerySelector("#card .qr-downloads"));
        // Plain official wording, naming the deputy (not the casual "给Ta留言").
        Assert.Equal("给陈美华代表留言", serving.QuerySelector("a.write")!.TextContent);
        Assert.Equal("给陈美华代表留言", serving.QuerySelector("h2#message")!.TextContent);
        Assert.DoesNotContain("给Ta留言", serving.Body!.TextContent);
        Assert.Null(serving.QuerySelector(".departed-mark"));
    }

    /// <summary>
    /// The QR code on a deputy's page is the picture qr.png (WeChat recognises a code pressed on a picture, not inline
    /// SVG), its alt text and caption saying what scanning does; the station poster's code is named for it too.
    /// </summary>
    [Fact]
    public async Task QrCodes_SayWhatScanningDoes()
    {
        using var site = await TestSite.BuildAsync(Site);

        var figure = site.Html("deputies/D0001/index.html").QuerySelector("#card .qr-box figure")!;
        var image = figure.QuerySelector("img.qr")!;
        Assert.Equal("/deputies/D0001/qr.png", image.GetAttribute("src"));
        Assert.True(File.Exists(Path.Combine(site.Output, "deputies", "D0001", "qr.png")));
        Assert.Equal("陈美华代表的二维码：扫码打开给陈美华代表留言的表单", image.GetAttribute("alt"));
        Assert.Equal("扫码给代表留言", figure.QuerySelector("figcaption strong")!.TextContent);
        Assert.Contains("长按", figure.QuerySelector("figcaption .no-print")!.TextContent);

        var poster = site.Html("stations/S01/poster/index.html").QuerySelector(".poster-qr")!;
        Assert.Equal("易俗河镇代表联络站的留言二维码：扫码打开留言页面，给代表留言", poster.QuerySelector("[role=img]")!.GetAttribute("aria-label"));
        Assert.Equal("扫码给代表留言", poster.QuerySelector("figcaption strong")!.TextContent);
    }

    [Fact]
    public async Task StationButton_SaysTheStationsKind_NotTa()
    {
        using var site = await TestSite.BuildAsync(Site);

        foreach (var (file, label) in new[] { ("stations/S01/index.html", "给联络站留言"), ("stations/S02/index.html", "给代表之家留言") })
        {
            var page = site.Html(file);
            Assert.Equal(label, page.QuerySelector("a.write")!.TextContent);
            Assert.Equal(label, page.QuerySelector("h2#message")!.TextContent);
            Assert.DoesNotContain("给Ta留言", page.Body!.TextContent);
        }
    }

    [Fact]
    public async Task SuggestionResultClasses_AreExplainedInVisibleText()
    {
        using var site = await TestSite.BuildAsync(Site);

        var legend = site.Html("suggestions/index.html").QuerySelector(".result-legend")!;
        Assert.Contains("A类 已解决或基本解决", legend.TextContent);
    }

    [Fact]
    public async Task DraftTable_BecomesCardsOnAPhone_EachCellNamingItsColumn()
    {
        using var site = await TestSite.BuildAsync(Site);

        var table = site.Html("drafts/wuye/index.html").QuerySelectorAll("table.stack").Single(t => t.TextContent.Contains("公示频次"));
        var cells = table.QuerySelectorAll("tbody td");
        Assert.Equal(["公示事项", "公示人", "公示频次", "依据"], cells.Select(c => c.GetAttribute("data-label")));
        Assert.Contains("lead", cells[0].ClassList);
    }

    [Fact]
    public async Task StationPoster_KeepsTheEndOfItsAddressAndItsHoursOnOneLine()
    {
        using var site = await TestSite.BuildAsync(Site);

        var poster = site.Html("stations/S01/poster/index.html");
        var url = poster.QuerySelector(".poster-url")!;
        Assert.EndsWith("/stations/S01/#message", url.TextContent);
        Assert.Equal("S01/#message", url.QuerySelector("span.nw")!.TextContent);
        // Nor does the opening time break inside "8:30—17:30".
        Assert.Contains(poster.QuerySelectorAll(".poster-facts dd span.nw"), s => s.TextContent == "8:30—17:30");
    }
}
