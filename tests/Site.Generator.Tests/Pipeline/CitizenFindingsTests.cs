using Site.Generator.Diagnostics;
using Site.Generator.Rendering;
using Site.Generator.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// What citizens and the congress's publicity staff found on the site: the way out of 关怀模式, whose
/// 三亮 card and poster it is, the QR code's SVG as a real file (WeChat saves no data: link), a pledge
/// naming another station, and a roster list whose deputies have all left.
/// </summary>
public sealed partial class CitizenFindingsTests
{
    private const string Site = """
        -- input/site.yaml --
        title: 测试县人大代表履职服务平台
        congress: 测试县人大常委会
        baseUrl: https://rd.test.example
        columns:
          - slug: lvzhi
            name: 履职故事
        -- input/stations/stations.yaml --
        - id: S1
          name: 易俗河镇代表联络站
          kind: 代表联络站
        - id: S2
          name: 花石镇代表之家
          kind: 代表之家
        - id: S3
          name: 花石镇医疗卫生专业代表联络站
          kind: 代表联络站
        -- input/deputies/deputies.yaml --
        - id: D1
          name: 王建国
          gender: 男
          levels: [县]
          term: 县第十八届
          group: 易俗河代表组
          station: S1
          pledge: 每月15日到易俗河镇代表联络站接待群众。
        - id: D2
          name: 李卫东
          levels: [县]
          term: 县第十八届
          group: 易俗河代表组
          station: S1
          pledge: 每月第一个星期三在花石镇代表之家接待群众。
        - id: D3
          name: 陈美华
          levels: [县]
          term: 县第十八届
          group: 花石代表组
          station: S3
          pledge: 在花石镇医疗卫生专业代表联络站听取医护人员意见。
        - id: D4
          name: 赵大勇
          levels: [县]
          term: 县第十八届
          group: 射埠代表组
          station: S2
          termEnded: 2026-03-31
        - id: D5
          name: 欧阳红梅
          levels: [县]
          term: 县第十八届
          group: 射埠代表组
          station: S2
          termEnded: 2026-06-30
        """;

    [Fact]
    public async Task CareMode_EveryPageHasALabelledWayBack_InTheHeaderAndAtTheFoot()
    {
        using var site = await TestSite.BuildAsync(Site);
        site.AssertNoErrors();

        foreach (var path in new[] { "index.html", "deputies/D1/index.html", "deputies/index.html", "stations/S1/poster/index.html" })
        {
            var page = site.Html(path);
            var on = page.QuerySelector(".site-header .care-switch a.care-on")!;
            Assert.Equal(("关怀模式", "#care", "care"), (on.TextContent, on.GetAttribute("href"), on.Id));
            // Without script the way back leaves the #care target; care.css shows it only while 关怀模式 is on.
            var back = page.QuerySelectorAll(".care-switch a.care-off").Select(a => (a.TextContent, a.GetAttribute("href"), a.Closest("header, footer")!.LocalName)).ToList();
            Assert.Equal([("退出关怀模式", "#main", "header"), ("退出关怀模式", "#main", "footer")], back);
        }
    }

    [Fact]
    public async Task ThreeLiangCard_NamesTheCongressAndTheSite_QrSvgIsAFileBesideThePage()
    {
        using var site = await TestSite.BuildAsync(Site);

        var card = site.Html("deputies/D1/index.html").QuerySelector("#card")!;
        Assert.Equal("测试县人大常委会", card.QuerySelector(".card-heading .card-brand")!.TextContent);
        Assert.Equal("测试县人大常委会 人大代表“三亮”卡片", card.QuerySelector(".card-heading")!.TextContent);
        Assert.Equal("测试县人大代表履职服务平台 网址：rd.test.example", card.QuerySelector(".card-site")!.TextContent);

        // The SVG download is a file of the site (WeChat's browser will not save a data: link), the same code as drawn.
        var svg = card.QuerySelector("a[download$='.svg']")!;
        Assert.Equal("/deputies/D1/qr.svg", svg.GetAttribute("href"));
        Assert.Equal("王建国代表二维码.svg", svg.GetAttribute("download"));
        // The file for print shops carries the same code with a caption: whose code it is and what scanning does
        // (a bare code taped to a station's wall said neither).
        var file = site.ReadFile("deputies/D1/qr.svg");
        // It opens the page at its message form, as the caption says (#message, as a station's poster does).
        var code = QrCodes.Encode("https://rd.test.example/deputies/D1/#message");
        Assert.Equal(QrCodes.CaptionedSvg(code, "王建国代表", "扫码给代表留言"), file);
        var drawn = QrCodes.Svg(code);
        Assert.Contains(drawn[drawn.IndexOf("<path", StringComparison.Ordinal)..], file);
        var captions = System.Xml.Linq.XDocument.Parse(file).Descendants("{http://www.w3.org/2000/svg}text").Select(t => t.Value).ToList();
        Assert.Equal(["王建国代表", "扫码给代表留言"], captions);
        Assert.DoesNotContain("data:image", site.ReadFile("deputies/D1/index.html"));
        Assert.Equal("/deputies/D1/qr.png", card.QuerySelector("a[download$='.png']")!.GetAttribute("href"));

        // The poster: the congress at its head, the site and its address at its foot.
        var poster = site.Html("stations/S1/poster/index.html");
        Assert.Equal("测试县人大常委会", poster.QuerySelector(".poster-brand")!.TextContent);
        Assert.Equal("测试县人大代表履职服务平台 网址：rd.test.example", poster.QuerySelector(".poster-site")!.TextContent);
    }

    [Fact]
    public async Task WithoutCongress_CardAndPosterCarryTheSiteTitle()
    {
        using var site = await TestSite.BuildAsync(Site.Replace("congress: 测试县人大常委会\n", ""));
        site.AssertNoErrors();

        Assert.Equal("测试县人大代表履职服务平台", site.Html("deputies/D1/index.html").QuerySelector("#card .card-brand")!.TextContent);
        Assert.Equal("测试县人大代表履职服务平台", site.Html("stations/S1/poster/index.html").QuerySelector(".poster-brand")!.TextContent);
    }

    [Fact]
    public async Task Pledge_NamingAnotherStation_IsAWarningAtThePledge()
    {
        using var site = await TestSite.BuildAsync(Site);
        site.AssertNoErrors();

        // 李卫东 is received at S1 but pledges to be at S2.
        var warning = site.AssertDiagnostic("input/deputies/deputies.yaml", 15, DiagnosticCodes.PledgeNamesOtherStation, Severity.Warning);
        Assert.Contains("花石镇代表之家", warning.Message);
        Assert.Contains("易俗河镇代表联络站", warning.Message);
        Assert.Contains("李卫东", warning.Message);
        // A pledge naming the deputy's own station (王建国, 陈美华) is not.
        Assert.Single(site.Report.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.PledgeNamesOtherStation);
    }

    [Fact]
    public async Task Pledge_InASpreadsheetRow_WarningNamesTheRowAndColumn()
    {
        using var site = await TestSite.BuildAsync(Site + """

            -- input/deputies/roster.csv --
            代表编号,姓名,层级,届次,所在联络站,履职承诺
            D6,刘桂英,县,县第十八届,S3,每月到花石镇代表之家接待群众
            """);

        var warning = site.AssertDiagnostic("input/deputies/roster.csv", 2, DiagnosticCodes.PledgeNamesOtherStation, Severity.Warning);
        Assert.Contains("履职承诺", warning.Message);
        Assert.Contains("花石镇医疗卫生专业代表联络站", warning.Message);
    }

    [Fact]
    public async Task RosterList_AllDeputiesLeft_PageSaysNoServingDeputy_AndTheBuildWarns()
    {
        using var site = await TestSite.BuildAsync(Site);
        site.AssertNoErrors();

        // Both of 射埠代表组 have left: the warning is at the latest 离任日期 (欧阳红梅's), naming the list and its page.
        var warning = site.AssertDiagnostic("input/deputies/deputies.yaml", 36, DiagnosticCodes.NoServingDeputies, Severity.Warning);
        Assert.Contains("射埠代表组", warning.Message);
        Assert.Contains("/deputies/group/射埠代表组/", warning.Message);
        Assert.Contains("2 名代表都已离任", warning.Message);
        Assert.Single(site.Report.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.NoServingDeputies);

        var page = site.Html("deputies/group/射埠代表组/index.html");
        Assert.Equal("射埠代表组", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("本名单暂无在任代表。", page.QuerySelector("main .notice")!.TextContent);
        Assert.Null(page.QuerySelector("#deputy-table"));
        Assert.Equal(["欧阳红梅2026年6月30日离任", "赵大勇2026年3月31日离任"], page.QuerySelectorAll("main ul.links li").Select(li => li.TextContent).ToList());

        // The filter chips lead only to lists with serving deputies; the list with some still serving is as before.
        Assert.DoesNotContain("射埠代表组", site.Html("deputies/index.html").QuerySelector("details")!.TextContent);
        Assert.Equal(2, site.Html("deputies/group/易俗河代表组/index.html").QuerySelectorAll("#deputy-table tbody tr").Length);
    }

    [Fact]
    public async Task EmptyRosterList_MatchesApprovedSnapshot()
    {
        using var site = await TestSite.BuildAsync(Site);
        var text = AssetHash().Replace(site.ReadFile("deputies/group/射埠代表组/index.html"), "?v=HASH");
        Snapshot.Match(text);
    }

    [Fact]
    public async Task DeputyPage_MatchesApprovedSnapshot()
    {
        using var site = await TestSite.BuildAsync(Site);
        var text = AssetHash().Replace(site.ReadFile("deputies/D1/index.html"), "?v=HASH");
        Snapshot.Match(text);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\?v=[0-9a-f]{6,}")]
    private static partial System.Text.RegularExpressions.Regex AssetHash();
}
