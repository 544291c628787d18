using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Search;

/// <summary>
/// Reading page after page lists every hit exactly once: ranking and paging use one total order
/// (score, then URL), and every page up to the total can be reached.
/// </summary>
[Collection(nameof(SampleSite))]
public sealed class SearchPagingTests(SampleSite sample) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "paging-test-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Search_EveryPageOfManyTiedHits_ListsEachHitOnce()
    {
        // 1,234 documents of which most score exactly alike: ties everywhere, and more than 50 pages.
        const int documents = 1234;
        SearchIndexWriter.Write(_folder, Enumerable.Range(0, documents).Select(i => new SearchDocument(
            $"/d/{i:x}/",
            i % 10 == 0 ? "方案" : "记录",
            i % 3 == 0 ? "实施方案征求意见" : "工作方案",
            SearchTypes.Story)), ramBufferMb: 1);
        using var index = SearchIndex.Open(_folder);

        var (total, urls) = ReadAllPages(index, "方案");

        Assert.Equal(documents, total);
        Assert.Equal(documents, urls.Count);
        Assert.Equal(documents, urls.Distinct().Count());
    }

    [Fact]
    public void Search_EveryPageOfTheSampleSite_ListsEachHitOnce()
    {
        using var index = SearchIndex.Open(Path.Combine(Path.GetDirectoryName(sample.Output)!, "_intake", "index"));

        foreach (var query in new[] { "代表", "站", "的" })
        {
            var (total, urls) = ReadAllPages(index, query);

            Assert.True(total > 2 * SearchRequest.PageSize, $"{query}: {total}");
            Assert.Equal(total, urls.Count);
            Assert.Equal(total, urls.Distinct().Count());
        }
    }

    [Fact]
    public void Search_PageOfTiedHits_IsOrderedByScoreThenUrl()
    {
        SearchIndexWriter.Write(_folder, Enumerable.Range(0, 40).Select(i => new SearchDocument($"/d/{39 - i:00}/", "记录", "工作方案", SearchTypes.Story)));
        using var index = SearchIndex.Open(_folder);

        var hits = Enumerable.Range(1, 4).SelectMany(page => index.Search(new SearchRequest("方案", Page: page)).Hits).ToList();

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"/d/{i:00}/"), hits.Select(h => h.Url));
    }

    private static (long Total, List<string> Urls) ReadAllPages(SearchIndex index, string query)
    {
        var first = index.Search(new SearchRequest(query));
        Assert.False(first.Estimated);
        Assert.Equal((first.Total + SearchRequest.PageSize - 1) / SearchRequest.PageSize, first.PageCount);
        var urls = new List<string>();
        for (var page = 1; page <= first.PageCount; page++)
        {
            var response = index.Search(new SearchRequest(query, Page: page));
            Assert.Equal(first.Total, response.Total);
            Assert.Equal(page, response.Page);
            urls.AddRange(response.Hits.Select(h => h.Url));
        }

        return (first.Total, urls);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>Places as people look for them: their village, its code, the region filter by code; examples from the site.</summary>
[Collection(nameof(SampleSite))]
public sealed class SearchPlacesTests(SampleSite sample)
{
    private string IndexFolder => Path.Combine(Path.GetDirectoryName(sample.Output)!, "_intake", "index");

    [Theory]
    [InlineData("烟塘")]
    [InlineData("430321100201")]
    [InlineData("430321100")]
    public void Search_VillageOrCode_FindsItsTownshipsStationAndDeputies(string query)
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest(query));

        Assert.Contains(response.Hits, h => h.Url == "/stations/S01/");
        Assert.Contains(response.Types, t => t.Value == SearchTypes.Deputy);
        Assert.All(response.Hits.Where(h => h.Type is SearchTypes.Deputy or SearchTypes.Station), h => Assert.Equal("易俗河镇", h.Region));
    }

    [Fact]
    public void Search_RegionFilterByCode_KeepsThatTownshipsRecords()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var byCode = index.Search(new SearchRequest("代表", Region: "430321100"));

        Assert.True(byCode.Total > 0);
        Assert.All(byCode.Hits, h => Assert.Equal("易俗河镇", h.Region));
    }

    [Fact]
    public void Examples_ComeFromTheSiteAndFindSomething()
    {
        using var index = SearchIndex.Open(IndexFolder);

        Assert.NotEmpty(index.Examples);
        Assert.All(index.Examples, example => Assert.True(index.Search(new SearchRequest(example)).Total > 0, example));
        Assert.DoesNotContain("子祠", index.Search(new SearchRequest("")).Error);
    }
}
