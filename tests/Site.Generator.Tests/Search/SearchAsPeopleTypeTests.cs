using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Search;

/// <summary>
/// What people type that no page holds as typed, on the sample site: a deputy's name with a form of
/// address (叶瑜代表, a name the segmenter splits into characters), a station named the way people
/// say it (易俗河镇联络站 for 易俗河镇代表联络站), a page past the last, a filter none of the hits has.
/// </summary>
[Collection(nameof(SampleSite))]
public sealed class SearchAsPeopleTypeTests(SampleSite sample)
{
    private string IndexFolder => Path.Combine(Path.GetDirectoryName(sample.Output)!, "_intake", "index");

    [Theory]
    [InlineData("叶瑜代表", "叶瑜")]
    [InlineData("汤馥君委员", "汤馥君")]
    [InlineData("欧阳红梅同志", "欧阳红梅")]
    [InlineData("王书记", "王建国")]
    public void Search_ANameWithAFormOfAddress_FindsTheDeputyFirst(string typed, string deputy)
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest(typed));

        Assert.True(response.Relaxed, typed);
        Assert.Equal((SearchTypes.Deputy, deputy), (response.Hits[0].Type, response.Hits[0].Title));
    }

    // 花石 put a 民生实事 project (花石中学运动场改造) above 花石镇代表之家.
    [Theory]
    [InlineData("花石", "/stations/S06/")]
    [InlineData("花石镇", "/stations/S06/")]
    [InlineData("射埠", "/stations/S05/")]
    [InlineData("譚家山", "/stations/S08/")]
    [InlineData("易俗河", "/stations/S01/")]
    public void Search_APlaceTypedAlone_PutsThatPlacesStationFirst(string typed, string station)
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest(typed));

        Assert.Equal((SearchTypes.Station, station), (response.Hits[0].Type, response.Hits[0].Url));
        // The pages that match are the same; only their order changes.
        Assert.Equal(index.CountExactly(typed), response.Total);
    }

    // A town without a station keeps its own page first (it points to the nearest stations).
    [Fact]
    public void Search_APlaceWithoutAStation_KeepsItsRegionPageFirst()
    {
        using var index = SearchIndex.Open(IndexFolder);

        Assert.Equal("/regions/430321104/", index.Search(new SearchRequest("茶恩寺")).Hits[0].Url);
    }

    // The 县经济开发区 station lies in no township: its hit showed no area where every other station's showed its town.
    [Fact]
    public void Search_AStationOfTheWholeCounty_ShowsTheCountyAsItsArea()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var stations = index.Search(new SearchRequest("联络站", Type: SearchTypes.Station)).Hits;

        Assert.Equal("湘潭县", stations.Single(h => h.Url == "/stations/S04/").Region);
        Assert.All(stations, h => Assert.False(string.IsNullOrEmpty(h.Region), h.Title));
    }

    [Fact]
    public void Search_ASurnameWithAFormOfAddress_FindsTheDeputiesOfThatSurnameFirst()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var hits = index.Search(new SearchRequest("王代表")).Hits;

        Assert.NotEmpty(hits);
        Assert.StartsWith("王", hits[0].Title);
        Assert.Equal(SearchTypes.Deputy, hits[0].Type);
    }

    // A page that holds the text as typed keeps search exact (any fragment finds exactly the pages holding it):
    // 陈美华代表 is in a report-back's title, so the deputy's own page, which does not hold it, is not added
    // to the hits; it is offered above them instead.
    [Fact]
    public void Search_ANameWithAFormOfAddressSomePageHolds_FindsExactlyThosePages_AndOffersTheDeputysPage()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest("陈美华代表"));

        Assert.False(response.Relaxed);
        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, h => Assert.Contains("陈美华代表", h.Title + h.SnippetHtml.Replace("<mark>", "").Replace("</mark>", "")));
        Assert.Equal(("陈美华", "/deputies/D0003/"), response.Deputy);

        // Not on later pages, not for a surname alone, not when a filter leaves deputies out.
        Assert.Null(index.Search(new SearchRequest("王代表")).Deputy);
        Assert.Null(index.Search(new SearchRequest("陈美华代表", Type: SearchTypes.Story)).Deputy);
    }

    [Fact]
    public void Search_ADeputysNameWithAFormOfAddress_WhenTheHitsHoldTheDeputy_OffersNothingMore()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest("叶瑜代表"));

        Assert.Contains(response.Hits, h => h.Type == SearchTypes.Deputy && h.Title == "叶瑜");
        Assert.Null(response.Deputy);
    }

    [Fact]
    public void Search_AWordThatEndsLikeAFormOfAddress_DoesNotBringPagesTitledByItsStart()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest("人大代表"));

        Assert.All(response.Hits, h => Assert.Contains("人大代表", h.Title + h.SnippetHtml.Replace("<mark>", "").Replace("</mark>", "")));
    }

    [Theory]
    [InlineData("易俗河镇联络站", "易俗河镇代表联络站")]
    [InlineData("易俗河联络站", "易俗河镇代表联络站")]
    [InlineData("易俗河镇代表站", "易俗河镇代表联络站")]
    [InlineData("花石代表之家", "花石镇代表之家")]
    [InlineData("射埠联系点", "射埠镇代表之家")]
    public void Search_AStationAsPeopleSayIt_FindsTheStationFirst(string typed, string station)
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest(typed));

        Assert.True(response.Relaxed, typed);
        Assert.Equal((SearchTypes.Station, station), (response.Hits[0].Type, response.Hits[0].Title));
    }

    [Fact]
    public void Search_APagePastTheLast_ShowsTheLastPageAndSaysWhichWasAsked()
    {
        using var index = SearchIndex.Open(IndexFolder);
        var first = index.Search(new SearchRequest("代表"));

        var past = index.Search(new SearchRequest("代表", Page: first.PageCount + 5));
        var last = index.Search(new SearchRequest("代表", Page: first.PageCount));

        Assert.True(first.PageCount >= 2);
        Assert.Equal(first.PageCount + 5, past.PastEnd);
        Assert.Equal(first.PageCount, past.Page);
        Assert.Equal(last.Hits.Select(h => h.Url), past.Hits.Select(h => h.Url));
        Assert.NotEmpty(past.Hits);
        Assert.Null(last.PastEnd);
        Assert.Null(first.PastEnd);
    }

    [Theory]
    [InlineData(null, "火星镇", null)]
    [InlineData(null, null, "1999")]
    [InlineData("no-such-type", null, null)]
    [InlineData(null, "火星镇", "1999")]
    public void Search_AFilterNoneOfTheHitsHas_SaysHowManyThereAreWithoutIt(string? type, string? region, string? year)
    {
        using var index = SearchIndex.Open(IndexFolder);
        var unfiltered = index.Search(new SearchRequest("代表"));

        var filtered = index.Search(new SearchRequest("代表", type, region, year));

        Assert.Equal(0, filtered.Total);
        Assert.False(filtered.Relaxed);
        Assert.Equal(unfiltered.Total, filtered.Unfiltered);
        Assert.Null(unfiltered.Unfiltered);
    }

    // A fresh tester's 湘潭县人大代表 found 关于本站 and a parking suggestion; 县人大代表 only stories;
    // 易俗河镇人大代表 missed deputies of that town whose page does not name it.
    [Theory]
    [InlineData("湘潭县人大代表", null)]
    [InlineData("县人大代表", null)]
    [InlineData("易俗河镇人大代表", "易俗河镇")]
    [InlineData("花石代表", "花石镇")]
    public void Search_APlaceOrLevelBeforeTheRoleWord_ListsThoseDeputiesFirst(string typed, string? town)
    {
        using var index = SearchIndex.Open(IndexFolder);
        var ofTown = town is null ? null : index.Search(new SearchRequest("代表", Type: SearchTypes.Deputy, Region: town));

        var response = index.Search(new SearchRequest(typed));

        Assert.False(response.Relaxed, typed);
        Assert.All(response.Hits, h => Assert.Equal(SearchTypes.Deputy, h.Type));
        if (ofTown is not null)
        {
            Assert.Equal(ofTown.Total, response.Types.Single(t => t.Value == SearchTypes.Deputy).Count);
            Assert.All(response.Hits, h => Assert.Equal(town, h.Region));
        }
    }

    [Theory]
    [InlineData("我家小区停车难，应该找哪个人大代表反映问题", null)]
    [InlineData("我是易俗河镇的，小区停车难，应该找哪个人大代表反映问题", "/stations/S01/")]
    public void Search_ALongQuestion_FindsThePagesAboutItsWords_AndTheStationOfItsPlace(string question, string? station)
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest(question));

        Assert.True(response.Relaxed);
        var titles = response.Hits.Select(h => h.Title).ToList();
        Assert.Contains(titles, t => t.Contains("停车", StringComparison.Ordinal));
        if (station is not null)
        {
            Assert.Equal(station, response.Hits[0].Url);
        }
        else
        {
            Assert.Contains("停车", titles[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("华石", "花石")]
    [InlineData("潭家山", "谭家山")]
    [InlineData("花石真", "花石镇")]
    [InlineData("射步镇", "射埠镇")]
    [InlineData("王建过", "王建国")]
    [InlineData("易俗和", "易俗河")]
    public void Search_ATypoThatFindsNothing_SuggestsTheTextTitlesHold(string typed, string meant)
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest(typed));
        var suggested = index.Search(new SearchRequest(response.Suggestion));

        Assert.Equal(0, response.Total);
        Assert.Equal(meant, response.Suggestion);
        Assert.True(suggested.Total > 0);
        Assert.Null(suggested.Suggestion);
    }
}
