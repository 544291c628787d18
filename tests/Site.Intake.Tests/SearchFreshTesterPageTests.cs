using AngleSharp.Html.Parser;
using Site.Search;

namespace Site.Intake.Tests;

/// <summary>
/// The search page as fresh testers used it on a phone: the 人大代表 filter counted the deputies'
/// 述职评议 too and then listed them among the deputies; 于朋 offered 于农 (a fragment of 关于农村)
/// while the deputy 于鹏 sounds the same; two townships typed together found nothing.
/// </summary>
public sealed class SearchFreshTesterPageTests
{
    private static readonly HtmlParser Parser = new();

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string query) =>
        Parser.ParseDocument(await client.GetStringAsync("/api/search/page?q=" + query));

    private static string Folder()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteSearchData(folder,
        [
            new SearchDocument("/deputies/D0001/", "王建国", "县级人大代表 所在联络站：易俗河镇代表联络站", SearchTypes.Deputy, "易俗河镇"),
            new SearchDocument("/deputies/D0001/#report-2026-01-12", "王建国代表述职评议（2026年1月12日）", "王建国向选民述职，接受评议", SearchTypes.ReportBack, "易俗河镇", Date: new DateOnly(2026, 1, 12)),
            new SearchDocument("/deputies/D0060/", "于鹏", "县级人大代表", SearchTypes.Deputy, "花石镇", Keywords: "D0060 yupeng yu peng yp"),
            new SearchDocument("/suggestions/1/", "关于农村公路养护的建议", "建议加大农村公路养护投入", SearchTypes.Suggestion),
            new SearchDocument("/suggestions/2/", "关于农村饮水安全的建议", "建议改造农村饮水工程", SearchTypes.Suggestion),
            new SearchDocument("/stations/S06/", "花石镇代表之家", "花石镇人大代表联络站", SearchTypes.Station, "花石镇"),
            new SearchDocument("/stations/S08/", "谭家山镇代表之家", "谭家山镇人大代表联络站", SearchTypes.Station, "谭家山镇"),
        ]);
        return folder;
    }

    [Fact]
    public async Task TheDeputiesFilter_CountsWhatItLists()
    {
        await using var application = new IntakeApplication(Folder());
        var client = application.CreateClient();

        var all = await PageAsync(client, Uri.EscapeDataString("王建国"));
        var facets = all.QuerySelectorAll("nav.facets a").Select(a => a.TextContent).ToList();
        Assert.Contains(facets, f => f.StartsWith("人大代表", StringComparison.Ordinal) && f.Contains('1'));
        Assert.Contains(facets, f => f.StartsWith("述职评议", StringComparison.Ordinal) && f.Contains('1'));

        var deputies = await PageAsync(client, Uri.EscapeDataString("王建国") + "&type=deputy");
        Assert.Equal(["/deputies/D0001/"], deputies.QuerySelectorAll(".search-hits .card-title a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task AMistypedName_OffersTheDeputyThatSoundsTheSame()
    {
        await using var application = new IntakeApplication(Folder());
        var client = application.CreateClient();

        var document = await PageAsync(client, Uri.EscapeDataString("于朋"));

        var offer = document.QuerySelector("#search-suggestion a");
        Assert.NotNull(offer);
        Assert.Equal("于鹏", offer.TextContent);
        var followed = await PageAsync(client, offer.GetAttribute("href")!.Split("q=")[1]);
        Assert.Contains("/deputies/D0060/", followed.QuerySelectorAll(".search-hits .card-title a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task TwoTownshipsTypedTogether_ListBothStations()
    {
        await using var application = new IntakeApplication(Folder());

        var document = await PageAsync(application.CreateClient(), Uri.EscapeDataString("花石 谭家山"));

        Assert.Equal(["/stations/S06/", "/stations/S08/"],
            document.QuerySelectorAll(".search-hits .card-title a").Select(a => a.GetAttribute("href")).Take(2).Order(StringComparer.Ordinal));
        Assert.Null(document.QuerySelector("#search-none"));
    }
}
