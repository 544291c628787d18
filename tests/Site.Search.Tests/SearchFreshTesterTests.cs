using Site.Search;

namespace Site.Search.Tests;

/// <summary>
/// What fresh testers typed on a phone: two townships typed together (花石 谭家山) found nothing; a
/// township typed alone listed its stations but not its own region page; 于朋 suggested 于农 (a
/// fragment of 关于农村) while the deputy 于鹏 sounds the same; the 人大代表 filter counted 述职评议.
/// </summary>
public sealed class SearchFreshTesterTests : IDisposable
{
    private readonly TempIndexes _indexes = new("fresh-tester-test-");

    private static IEnumerable<SearchDocument> Towns() =>
    [
        new("/stations/S06/", "花石镇代表之家", "花石镇人大代表联络站，每月接待选民", SearchTypes.Station, "花石镇"),
        new("/stations/S08/", "谭家山镇代表之家", "谭家山镇人大代表联络站", SearchTypes.Station, "谭家山镇"),
        new("/regions/430321107/", "花石镇", "镇 湘潭县 花石镇", SearchTypes.Region, "花石镇", Keywords: "430321107"),
        new("/regions/430321102/", "谭家山镇", "镇 湘潭县 谭家山镇", SearchTypes.Region, "谭家山镇", Keywords: "430321102"),
        new("/stories/a/", "花石镇修通机耕道", "花石镇的代表走访田间，花石镇的机耕道修通了，花石镇的农户说好。", SearchTypes.Story, "花石镇"),
        new("/stories/b/", "谭家山镇的夜校", "谭家山镇开了夜校。", SearchTypes.Story, "谭家山镇"),
        new("/stories/c/", "两镇联合接待日", "花石与谭家山两镇代表一起接待选民。", SearchTypes.Story),
        new("/stories/d/", "谭家山镇修路", "谭家山镇的村道修好了，通到花石镇", SearchTypes.Story, "谭家山镇"),
        new("/ballots/huashi/P02/", "花石中学运动场改造", "花石中学的运动场改造，花石镇票决通过。", SearchTypes.Project, "花石镇"),
    ];

    [Theory]
    [InlineData("花石 谭家山")]
    [InlineData("谭家山　花石")]
    [InlineData("花石镇 谭家山镇")]
    public void TwoPlacesTypedApart_FindEither_TheirStationsAndRegionPagesFirst(string query)
    {
        using var index = Write(Towns());

        var response = index.Search(new SearchRequest(query));

        // Places typed together mean either place: not a fallback the page apologises for.
        Assert.False(response.Relaxed);
        var urls = response.Hits.Select(h => h.Url).ToList();
        Assert.Equal(["/stations/S06/", "/stations/S08/"], urls.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(["/regions/430321102/", "/regions/430321107/"], urls.Skip(2).Take(2).Order(StringComparer.Ordinal));
        // Every page with either place is listed; the one with both before those with one.
        Assert.Contains("/stories/a/", urls);
        Assert.Contains("/stories/b/", urls);
        Assert.True(urls.IndexOf("/stories/c/") < urls.IndexOf("/stories/b/"), string.Join(" ", urls));
        Assert.True(urls.IndexOf("/stories/d/") < urls.IndexOf("/stories/b/"), string.Join(" ", urls));
    }

    [Fact]
    public void TwoWordsTypedApart_NoPageWithBoth_FindEither()
    {
        using var index = Write(Towns());

        var response = index.Search(new SearchRequest("机耕道 夜校"));

        Assert.True(response.Relaxed);
        Assert.Equal(["/stories/a/", "/stories/b/"], response.Hits.Select(h => h.Url).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TwoWordsTypedApart_BothFound_StillAskBoth()
    {
        using var index = Write(Towns());

        var response = index.Search(new SearchRequest("花石 机耕道"));

        Assert.False(response.Relaxed);
        Assert.Equal(["/stories/a/"], response.Hits.Select(h => h.Url));
    }

    [Fact]
    public void WordsTypedApart_NoneFound_FindNothing()
    {
        using var index = Write(Towns());

        var response = index.Search(new SearchRequest("长沙 株洲"));

        Assert.Equal(0, response.Total);
    }

    [Theory]
    [InlineData("花石")]
    [InlineData("花石镇")]
    public void ATownshipTypedAlone_ListsItsStationsThenItsRegionPage(string query)
    {
        using var index = Write(Towns());

        var urls = index.Search(new SearchRequest(query)).Hits.Select(h => h.Url).ToList();

        Assert.Equal(["/stations/S06/", "/regions/430321107/"], urls.Take(2));
        Assert.DoesNotContain("/regions/430321102/", urls);
    }

    private static IEnumerable<SearchDocument> Deputies() =>
    [
        new("/deputies/D0060/", "于鹏", "县级人大代表 种粮大户", SearchTypes.Deputy, Keywords: "D0060 yupeng yu peng yp"),
        new("/deputies/D0029/", "何鹏", "县级人大代表", SearchTypes.Deputy, Keywords: "D0029 hepeng he peng hp"),
        new("/deputies/D0057/", "余阳", "县级人大代表", SearchTypes.Deputy, Keywords: "D0057 yuyang yu yang yy"),
        new("/suggestions/1/", "关于农村公路养护的建议", "建议加大农村公路养护投入", SearchTypes.Suggestion),
        new("/suggestions/4/", "关于农村饮水安全的建议", "建议改造农村饮水工程", SearchTypes.Suggestion),
        new("/suggestions/2/", "关于农贸市场改造的建议", "建议改造农贸市场", SearchTypes.Suggestion),
        new("/suggestions/3/", "关于农家书屋的建议", "建议充实农家书屋", SearchTypes.Suggestion),
    ];

    [Theory]
    [InlineData("于朋", "于鹏")] // one character off and the same sound: the keyboard offered the wrong peng
    [InlineData("余鹏", "于鹏")] // the surname's homophone
    [InlineData("何朋", "何鹏")]
    [InlineData("关于农材", "关于农村")]
    public void NothingFound_SuggestsWhatThePersonMostLikelyMeant(string typed, string meant)
    {
        using var index = Write(Deputies());

        var response = index.Search(new SearchRequest(typed));

        Assert.Equal(0, response.Total);
        Assert.Equal(meant, response.Suggestion);
        Assert.True(index.Search(new SearchRequest(meant)).Total > 0);
    }

    [Fact]
    public void ASuggestion_FindsSomethingWithTheSameFilters()
    {
        using var index = Write(Deputies());

        // 关于农村 is only among the suggestions: with the 人大代表 filter it would find nothing.
        var response = index.Search(new SearchRequest("关于农材", Type: SearchTypes.Deputy));

        Assert.Null(response.Suggestion);
        Assert.Equal("于鹏", index.Search(new SearchRequest("于朋", Type: SearchTypes.Deputy)).Suggestion);
    }

    [Fact]
    public void ReportBackRecords_AreNotCountedAsDeputies()
    {
        using var index = Write(
        [
            new SearchDocument("/deputies/D0001/", "王建国", "县级人大代表", SearchTypes.Deputy),
            new SearchDocument("/deputies/D0001/#report-2026-01-12", "王建国代表述职评议（2026年1月12日）", "王建国向选民述职，接受评议", SearchTypes.ReportBack, Date: new DateOnly(2026, 1, 12)),
        ]);

        var all = index.Search(new SearchRequest("王建国"));
        var deputies = index.Search(new SearchRequest("王建国", Type: SearchTypes.Deputy));

        Assert.Equal([("人大代表", 1L), ("述职评议", 1L)], all.Types.Select(t => (t.Label, t.Count)));
        Assert.Equal(["/deputies/D0001/"], deputies.Hits.Select(h => h.Url));
        Assert.Equal(all.Types.Single(t => t.Value == SearchTypes.Deputy).Count, deputies.Total);
    }

    private SearchIndex Write(IEnumerable<SearchDocument> documents) => _indexes.Write(documents);

    public void Dispose() => _indexes.Dispose();
}
