using System.Text.Json;
using AngleSharp.Html.Parser;
using Site.Intake.Search;
using Site.Search;
using Site.Theme.ViewModels;

namespace Site.Intake.Tests;

/// <summary>
/// What a second fresh tester of the search page found: a draft's articles listed 第一条, 第十条,
/// 第十一条 … 第二条; 法规草案 typed as a citizen names the drafts finding none of them; a pasted
/// paragraph repeated whole in the title, the path and the notice.
/// </summary>
public sealed class SearchPageFindingsTests
{
    private static readonly HtmlParser Parser = new();

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string query) =>
        Parser.ParseDocument(await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString(query)));

    /// <summary>A data folder with a draft of 13 articles that score alike, and the chrome of a site with a 征求意见 list.</summary>
    private static string Draft()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteSearchData(folder, Enumerable.Range(1, 13)
            .Select(n => new SearchDocument($"/drafts/wuye/#article-{n}", "某县物业管理条例（草案） 第" + n + "条", "物业服务企业应当履行约定", SearchTypes.Article))
            .Append(new SearchDocument("/about/", "关于本站", "本站刊登法规草案，征求意见", SearchTypes.Page)));
        var chrome = new SiteChrome("测试县人大", "测试县人大", "https://rd.example.org", "/assets/site.css", "/assets/site.js",
            [new NavItem("首页", "/", "home"), new NavItem("代表", "/deputies/", "deputies"), new NavItem("征求意见", "/drafts/", "drafts")],
            [new NavItem("关于本站", "/about/", "about")], "© 测试县人大");
        File.WriteAllText(Path.Combine(folder, SearchService.ChromeFile), JsonSerializer.Serialize(chrome, SearchService.ChromeJson));
        return folder;
    }

    [Fact]
    public async Task ArticlesThatScoreAlike_ComeInTheirOrder()
    {
        await using var application = new IntakeApplication(Draft());
        var client = application.CreateClient();

        var first = await PageAsync(client, "物业服务企业");
        var second = Parser.ParseDocument(await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString("物业服务企业") + "&page=2"));

        var urls = first.QuerySelectorAll(".search-hits .card-title a").Concat(second.QuerySelectorAll(".search-hits .card-title a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Enumerable.Range(1, 13).Select(n => $"/drafts/wuye/#article-{n}"), urls);
    }

    [Theory]
    [InlineData("法规草案")]
    [InlineData("法規草案")]
    [InlineData(" 征求 意见 ")]
    public async Task AQueryNamingAPartOfTheSite_OffersItsList(string query)
    {
        await using var application = new IntakeApplication(Draft());
        var document = await PageAsync(application.CreateClient(), query);

        var offer = document.QuerySelector("#search-section");
        Assert.NotNull(offer);
        Assert.EndsWith("？请看“征求意见”栏目。", offer.TextContent);
        Assert.Equal("/drafts/", offer.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("物业服务")]
    [InlineData("法规草案征求意见")]
    public async Task AnOrdinaryQuery_OffersNoList(string query)
    {
        await using var application = new IntakeApplication(Draft());
        var document = await PageAsync(application.CreateClient(), query);

        Assert.Null(document.QuerySelector("#search-section"));
    }

    [Fact]
    public async Task ALongQuery_IsRepeatedShortened_TheBoxKeepsItWhole()
    {
        await using var application = new IntakeApplication(Draft());
        var query = string.Concat(Enumerable.Repeat("居民反映小区电梯老旧😀", 20));

        var document = await PageAsync(application.CreateClient(), query);

        var shown = SearchPage.Shown(query);
        Assert.Equal("居民反映小区电梯老旧😀居民反映小区电梯老旧😀居民反映小区电梯…", shown);
        Assert.Equal("搜索：" + shown + " - 测试县人大", document.Title);
        Assert.Contains("“" + shown + "”", document.QuerySelector("#search-none")!.TextContent);
        Assert.DoesNotContain(query, document.QuerySelector("main")!.TextContent);
        Assert.Equal(query, document.QuerySelector("#search-q")!.GetAttribute("value"));
    }
}
