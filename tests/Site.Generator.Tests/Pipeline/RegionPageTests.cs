using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>Region pages of the sample county (input/regions/): from any place to its stations and deputies.</summary>
[Collection(nameof(SampleSite))]
public sealed class RegionPageTests(SampleSite sample)
{
    private IHtmlDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, path, "index.html")));

    private static List<string> Links(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll(selector + " a").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public void Region_EveryRegionOfTheListHasAPage()
    {
        var codes = File.ReadAllLines(Path.Combine(sample.Root, "input/regions/xiangtan-county.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();

        Assert.Equal(58, codes.Count);
        Assert.All(codes, code => Assert.True(File.Exists(Path.Combine(sample.Output, "regions", code, "index.html")), code));
    }

    [Fact]
    public void Region_VillageWithoutStation_PointsToItsTownsStations()
    {
        var page = Page("regions/430321100201");

        Assert.Equal("烟塘村", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("/regions/430321100/", page.QuerySelector("#nearby + p a")!.GetAttribute("href"));
        Assert.Equal(["/stations/S01/", "/stations/S03/"], Links(page, "section.notice ul"));
    }

    [Fact]
    public void Region_VillageWithStation_ListsItAndPointsNowhereElse()
    {
        var page = Page("regions/430321100001");

        Assert.Null(page.QuerySelector("#nearby"));
        Assert.Equal(["/stations/S03/"], Links(page, "#own ~ ul.links").Distinct().ToList());
    }

    [Fact]
    public void Region_TownWithoutStation_PointsToTheCountysOwnStations()
    {
        var page = Page("regions/430321112");

        Assert.Equal("/regions/430321/", page.QuerySelector("#nearby + p a")!.GetAttribute("href"));
        Assert.Equal(["/stations/S04/"], Links(page, "section.notice ul"));
    }

    [Fact]
    public void Region_CountyTotalsItsTowns()
    {
        var page = Page("regions/430321");
        var rows = page.QuerySelectorAll("#sub-regions ~ div tbody tr").Select(Cells).ToList();
        var total = Cells(page.QuerySelector("#sub-regions ~ div tfoot tr")!);
        var roster = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, "deputies/index.html")))
            .QuerySelectorAll("#deputy-table tbody tr").Length;

        // 本级 and 17 towns; every deputy and station of the county is in exactly one row.
        Assert.Equal(18, rows.Count);
        Assert.Equal(rows.Sum(r => r[2]), total[2]);
        Assert.Equal(rows.Sum(r => r[3]), total[3]);
        Assert.Equal(12, total[2]);
        Assert.Equal(roster, total[3]);
        Assert.Contains($"{roster} 名", page.QuerySelector("ul.figures")!.TextContent);
    }

    [Fact]
    public void StationFinder_AVillageFindsItsTownsStationsAndItsOwnPage()
    {
        var page = Page("stations");
        var cards = page.QuerySelectorAll("[data-name]").Where(c => c.GetAttribute("data-name")!.Contains("烟塘")).ToList();

        Assert.Equal(
            ["/stations/S01/", "/stations/S03/", "/regions/430321100201/"],
            cards.Select(c => c.QuerySelector("a")!.GetAttribute("href")!).ToList());
        Assert.True(cards[2].HasAttribute("data-filter-only"));
    }

    [Fact]
    public void DeputyRegionFilter_NamesEveryTownAndLeadsToRegionPages()
    {
        var links = Page("deputies").QuerySelectorAll("a[href^='/regions/']").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("/regions/430321112/", links);
        Assert.Contains("/regions/430321/", links);
    }

    private static int[] Cells(AngleSharp.Dom.IElement row) =>
        [0, .. row.QuerySelectorAll("td").Select(td => int.Parse(td.TextContent))];
}
