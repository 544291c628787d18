using Site.Search;

namespace Site.Search.Tests;

/// <summary>
/// What a fresh tester typed as a citizen would: a place before 人大代表 (湘潭县人大代表, 易俗河镇人大代表) or a
/// level (县人大代表) found a page about the site or stories, not the deputies; a long pasted question found
/// nothing; 华石 suggested 华代 (half of 中华代表) and 潭家山 (for the township 谭家山) suggested nothing.
/// </summary>
public sealed class SearchCitizenQuestionTests : IDisposable
{
    private readonly TempIndexes _indexes = new("citizen-question-test-");

    /// <summary>Documents shaped as the build writes them: a deputy's keywords list the places above and the township's villages.</summary>
    private static IEnumerable<SearchDocument> County() =>
    [
        new("/deputies/D0001/", "王建国", "县、乡镇级人大代表\n易俗河镇金霞社区党委书记", SearchTypes.Deputy, "易俗河镇", "county township",
            Keywords: "D0001 wangjianguo wjg 易俗河镇 430321100 湘潭县 430321 金霞社区 430321100001"),
        new("/deputies/D0006/", "马志强", "县级人大代表\n个体工商户", SearchTypes.Deputy, "易俗河镇", "county",
            Keywords: "D0006 mazhiqiang mzq 易俗河镇 430321100 湘潭县 430321 金霞社区 430321100001"),
        new("/deputies/D0040/", "夏成", "乡镇级人大代表\n村医", SearchTypes.Deputy, "易俗河镇", "township",
            Keywords: "D0040 xiacheng xc 易俗河镇 430321100 湘潭县 430321 金霞社区 430321100001"),
        new("/deputies/D0003/", "陈美华", "县级人大代表\n花石镇卫生院护士长", SearchTypes.Deputy, "花石镇", "county",
            Keywords: "D0003 chenmeihua cmh 花石镇 430321107 湘潭县 430321"),
        new("/deputies/D0019/", "宋呈轩", "乡镇级人大代表\n种粮大户", SearchTypes.Deputy, "花石镇", "township",
            Keywords: "D0019 songchengxuan scx 花石镇 430321107 湘潭县 430321"),
        new("/stations/S01/", "易俗河镇代表联络站", "每月15日接待群众", SearchTypes.Station, "易俗河镇", Keywords: "易俗河镇 430321100 湘潭县 430321"),
        new("/stations/S06/", "花石镇代表之家", "每周三接待", SearchTypes.Station, "花石镇", Keywords: "花石镇 430321107 湘潭县 430321"),
        new("/stations/S08/", "谭家山镇代表之家", "每月接待", SearchTypes.Station, "谭家山镇", Keywords: "谭家山镇 430321102 湘潭县 430321"),
        new("/regions/430321/", "湘潭县", "县 湘潭县", SearchTypes.Region, "湘潭县", Keywords: "430321"),
        new("/regions/430321100/", "易俗河镇", "镇 湘潭县 易俗河镇", SearchTypes.Region, "易俗河镇", Keywords: "430321100"),
        new("/regions/430321107/", "花石镇", "镇 湘潭县 花石镇", SearchTypes.Region, "花石镇", Keywords: "430321107"),
        new("/regions/430321102/", "谭家山镇", "镇 湘潭县 谭家山镇", SearchTypes.Region, "谭家山镇", Keywords: "430321102"),
        new("/stories/nongji/", "农机合作社里走出来的“泥腿子代表”", "县人大代表赵大勇带着农机合作社的经验进村入户。", SearchTypes.Story, "射埠镇"),
        new("/stories/jiedai/", "每月十五，联络站的门总是开着", "县人大代表王建国在联络站接待群众，一件关于农贸市场停车的意见正在办理。", SearchTypes.Story, "易俗河镇"),
        new("/suggestions/2026-009/", "关于增加城区停车泊位的建议", "城区停车难，建议新施划停车泊位。", SearchTypes.Suggestion, "射埠镇"),
        new("/ballots/x/P07/", "城区老旧小区改造", "改造老旧小区的管网和道路", SearchTypes.Project, "湘潭县"),
        new("/about/", "关于本站", "湘潭县人大常委会主办", SearchTypes.Page),
        new("/stories/zhonghua/", "中华代表团", "中华代表团来访", SearchTypes.Story),
    ];

    [Theory]
    [InlineData("易俗河镇人大代表")]
    [InlineData("易俗河人大代表")]
    [InlineData("易俗河镇代表")]
    [InlineData("易俗河镇的人大代表")]
    [InlineData("易俗河镇 人大代表")]
    [InlineData("易俗河镇人大代表名单")]
    [InlineData("金霞社区人大代表")] // a community of the township: the township's deputies
    public void APlaceBeforeTheRoleWord_ListsThatPlacesDeputiesFirst(string query)
    {
        using var index = Write(County());

        var response = index.Search(new SearchRequest(query));

        Assert.False(response.Relaxed, query);
        Assert.Equal(["/deputies/D0001/", "/deputies/D0006/", "/deputies/D0040/"], response.Hits.Take(3).Select(h => h.Url).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(response.Hits, h => h.Url is "/deputies/D0003/" or "/deputies/D0019/");
    }

    [Fact]
    public void TheCountyBeforeTheRoleWord_ListsEveryDeputy_TheCountysOwnFirst()
    {
        using var index = Write(County());

        var urls = index.Search(new SearchRequest("湘潭县人大代表")).Hits.Select(h => h.Url).ToList();

        Assert.Equal(["/deputies/D0001/", "/deputies/D0003/", "/deputies/D0006/"], urls.Take(3).Order(StringComparer.Ordinal));
        Assert.Equal(["/deputies/D0019/", "/deputies/D0040/"], urls.Skip(3).Take(2).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("/about/", urls);
    }

    [Theory]
    [InlineData("县人大代表", new[] { "/deputies/D0001/", "/deputies/D0003/", "/deputies/D0006/" })]
    [InlineData("县级人大代表", new[] { "/deputies/D0001/", "/deputies/D0003/", "/deputies/D0006/" })]
    [InlineData("镇人大代表", new[] { "/deputies/D0001/", "/deputies/D0019/", "/deputies/D0040/" })]
    [InlineData("花石镇县人大代表", new[] { "/deputies/D0003/" })]
    public void ALevelBeforeTheRoleWord_ListsTheDeputiesOfThatLevel_ThenTheStoriesThatSayIt(string query, string[] deputies)
    {
        using var index = Write(County());

        var urls = index.Search(new SearchRequest(query)).Hits.Select(h => h.Url).ToList();

        Assert.Equal(deputies, urls.Take(deputies.Length).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(urls.Skip(deputies.Length), u => u.StartsWith("/deputies/", StringComparison.Ordinal));
        if (query == "县人大代表")
        {
            Assert.Contains("/stories/nongji/", urls);
        }
    }

    [Theory]
    [InlineData("泥腿子代表", "/stories/nongji/")]
    [InlineData("县人大代表 农机", "/stories/nongji/")]
    public void TheRoleWordAfterSomethingElse_StaysAQueryAboutStories(string query, string story)
    {
        using var index = Write(County());

        var response = index.Search(new SearchRequest(query));

        Assert.Equal([story], response.Hits.Select(h => h.Url));
    }

    [Fact]
    public void ASurnameBeforeTheRoleWord_IsAFormOfAddress_NotAPlace()
    {
        using var index = Write(County());

        var response = index.Search(new SearchRequest("王代表"));

        Assert.Equal(["/deputies/D0001/"], response.Hits.Where(h => h.Type == SearchTypes.Deputy).Select(h => h.Url));
    }

    [Fact]
    public void ALongQuestion_FindsThePagesAboutItsWords_NotRequiringEveryWord()
    {
        using var index = Write(County());

        var response = index.Search(new SearchRequest("我家小区停车难，应该找哪个人大代表反映问题"));

        Assert.True(response.Relaxed);
        var urls = response.Hits.Select(h => h.Url).ToList();
        Assert.Equal("/suggestions/2026-009/", urls[0]);
        Assert.Contains("/stories/jiedai/", urls);
        Assert.Contains("/ballots/x/P07/", urls);
        // 人大代表 says whom, not what about: not every deputy's page.
        Assert.DoesNotContain(urls, u => u.StartsWith("/deputies/", StringComparison.Ordinal));
    }

    [Fact]
    public void ALongQuestionNamingATownship_PutsItsStationFirst_AndFindsItsDeputies()
    {
        using var index = Write(County());

        var urls = index.Search(new SearchRequest("我住易俗河镇，小区停车难，应该找哪个人大代表反映？")).Hits.Select(h => h.Url).ToList();

        Assert.Equal("/stations/S01/", urls[0]);
        Assert.Contains("/suggestions/2026-009/", urls);
        Assert.Contains("/deputies/D0001/", urls);
        Assert.DoesNotContain("/stations/S06/", urls);
        Assert.DoesNotContain("/deputies/D0003/", urls);
    }

    [Theory]
    [InlineData("华石", "花石")] // the first character of the same sound: a pinyin keyboard's slip
    [InlineData("潭家山", "谭家山")]
    [InlineData("华石镇", "花石镇")]
    [InlineData("易俗和", "易俗河")]
    public void APlaceMistyped_SuggestsThePlace(string typed, string meant)
    {
        using var index = Write(County());

        var response = index.Search(new SearchRequest(typed));

        Assert.Equal(0, response.Total);
        Assert.Equal(meant, response.Suggestion);
        Assert.True(index.Search(new SearchRequest(meant)).Total > 0);
    }

    [Fact]
    public void AFragmentThatIsNoWord_IsNeverSuggested()
    {
        using var index = Write(County());

        // 华代 is in the titles (中华代表团) one character off, but no one means it.
        var response = index.Search(new SearchRequest("华石"));

        Assert.NotEqual("华代", response.Suggestion);
        Assert.Null(index.Search(new SearchRequest("华者")).Suggestion);
    }

    private SearchIndex Write(IEnumerable<SearchDocument> documents) => _indexes.Write(documents);

    public void Dispose() => _indexes.Dispose();
}
