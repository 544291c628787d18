using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// /deputies/ 按地区查看: every serving deputy is found under some area chip narrower than the whole
/// county, a 代表组 that is not a township (开发区代表组) included; a deputy no area finds is a warning.
/// </summary>
public sealed class DeputyAreaTests
{
    private const string Regions = """

        -- input/regions/county.csv --
        区划代码,名称,上级代码,层级
        430321,湘潭县,4303,county
        430321100,易俗河镇,430321,town
        430321109,石鼓镇,430321,town
        430321100001,吴家巷社区居委会,430321100,village
        """;

    private const string Deputies = """

        -- input/deputies/deputies.yaml --
        - id: D1
          name: 王建国
          levels: [县]
          group: 易俗河代表组
          region: "430321100001"
        - id: D2
          name: 欧阳红梅
          levels: [县]
          group: 开发区代表组
          region: "430321"
        - id: D3
          name: 卢娟
          levels: [县]
          group: 开发区代表组
          region: "430321"
        """;

    internal static List<(string Label, string Href)> AreaChips(IHtmlDocument page) =>
        page.QuerySelectorAll("h2").First(h => h.TextContent == "地区").NextElementSibling!
            .QuerySelectorAll("a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!)).ToList();

    [Fact]
    public async Task AGroupThatIsNotATownship_IsAnAreaChip_LeadingToItsDeputies()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + Regions + Deputies);
        site.AssertNoErrors();
        Assert.DoesNotContain(site.Report.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.DeputyWithoutArea);

        var chips = AreaChips(site.Html("deputies/index.html"));
        Assert.Contains(("开发区", "/deputies/group/开发区代表组/"), chips);
        Assert.Equal(["湘潭县", "易俗河镇", "吴家巷社区", "石鼓镇", "开发区"], chips.Select(c => c.Label));
        var zone = site.Html("deputies/group/开发区代表组/index.html");
        Assert.Equal(["卢娟", "欧阳红梅"], zone.QuerySelectorAll("#deputy-table tbody tr a[href^='/deputies/D']").Select(a => a.TextContent).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADeputyNoAreaFinds_IsAWarningAtTheRecordsRegion()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + Regions + Deputies + """

            - id: D4
              name: 何鹏
              levels: [县]
              region: "430321"
            - id: D5
              name: 夏悦
              levels: [县]
            """);
        site.AssertNoErrors();

        var county = site.AssertDiagnostic("input/deputies/deputies.yaml", 19, DiagnosticCodes.DeputyWithoutArea, Severity.Warning);
        Assert.Contains("何鹏（D4）", county.Message);
        Assert.Contains("湘潭县（430321）", county.Message);
        var none = site.AssertDiagnostic("input/deputies/deputies.yaml", 20, DiagnosticCodes.DeputyWithoutArea, Severity.Warning);
        Assert.Contains("夏悦（D5）没有写所在地区", none.Message);
        Assert.Equal(2, site.Report.Diagnostics.Sorted().Count(d => d.Code == DiagnosticCodes.DeputyWithoutArea));
    }
}

/// <summary>The bundled sample: 开发区代表组's deputies (region 430321, the county) are under the 开发区 chip.</summary>
[Collection(nameof(SampleSite))]
public sealed class SampleDeputyAreaTests(SampleSite sample)
{
    private IHtmlDocument Read(string href) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, href.Trim('/'), "index.html")));

    [Fact]
    public void SampleRoster_EveryServingDeputyIsUnderAnAreaNarrowerThanTheCounty()
    {
        static HashSet<string> DeputyLinks(IHtmlDocument page) =>
            page.QuerySelectorAll("main a[href^='/deputies/D']").Select(a => a.GetAttribute("href")!).ToHashSet(StringComparer.Ordinal);

        var roster = Read("/deputies/");
        var everyone = roster.QuerySelectorAll("#deputy-table tbody tr a[href^='/deputies/D']").Select(a => a.GetAttribute("href")!).ToHashSet(StringComparer.Ordinal);
        var chips = DeputyAreaTests.AreaChips(roster);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, href) in chips.Where(c => c.Href != "/regions/430321/"))
        {
            found.UnionWith(DeputyLinks(Read(href)));
        }

        Assert.Contains(("开发区", "/deputies/group/开发区代表组/"), chips);
        Assert.Equal(60, everyone.Count);
        Assert.Empty(everyone.Except(found));
    }
}
