using Site.Search;

namespace Site.Search.Tests;

/// <summary>
/// A word that most of a large index contains is counted from a sample (see FacetingCollector):
/// the totals say so, stay close to the truth, and every page offered has hits. Fewer matches than
/// the sample are always counted exactly.
/// </summary>
public sealed class SearchSamplingTests : IClassFixture<SearchSamplingTests.LargeIndex>
{
    private const int Documents = 25_000;
    private static readonly string[] Types = [SearchTypes.Story, SearchTypes.Deputy, SearchTypes.Station, SearchTypes.Suggestion, SearchTypes.Article];
    private static readonly string[] Towns = ["花石镇", "射埠镇", "易俗河镇"];

    private readonly LargeIndex _large;

    public SearchSamplingTests(LargeIndex large) => _large = large;

    [Fact]
    public void Search_WordInEveryDocument_SaysTheTotalIsAnEstimateAndKeepsItClose()
    {
        var response = _large.Index.Search(new SearchRequest("代表"));

        Assert.True(response.Estimated);
        Assert.InRange(response.Total, Documents * 0.97, Documents * 1.03);
        Assert.Equal(SearchRequest.MaxPage, response.PageCount);
        Assert.Equal(SearchRequest.PageSize, response.Hits.Count);

        // Each type is a fifth of the index; its scaled count is close to that.
        Assert.Equal(Types.Length, response.Types.Count);
        Assert.All(response.Types, t => Assert.InRange(t.Count, Documents / 5 * 0.9, Documents / 5 * 1.1));
    }

    [Fact]
    public void Search_WordInFewerDocumentsThanTheSample_IsCountedExactly()
    {
        // 第3组 is in every 7th document: 3,571 of them.
        var response = _large.Index.Search(new SearchRequest("第3组"));

        Assert.False(response.Estimated);
        Assert.Equal(Enumerable.Range(0, Documents).Count(i => i % 7 == 3), response.Total);
    }

    [Fact]
    public void Search_EstimatedAndFiltered_EveryOfferedPageHasHitsOfThatType()
    {
        var first = _large.Index.Search(new SearchRequest("代表", Type: SearchTypes.Station));
        var last = _large.Index.Search(new SearchRequest("代表", Type: SearchTypes.Station, Page: first.PageCount));

        Assert.True(first.Estimated);
        Assert.InRange(first.Total, Documents / 5 * 0.9, Documents / 5 * 1.1);
        Assert.NotEmpty(last.Hits);
        Assert.All(first.Hits.Concat(last.Hits), h => Assert.Equal(SearchTypes.Station, h.Type));
    }

    [Fact]
    public void Search_Estimated_ShowsTheSameResultsEveryTime()
    {
        var once = _large.Index.Search(new SearchRequest("联络站"));
        var again = _large.Index.Search(new SearchRequest("联络站"));

        Assert.Equal(once.Total, again.Total);
        Assert.Equal(once.Hits.Select(h => h.Url), again.Hits.Select(h => h.Url));
    }

    /// <summary>An index of 25,000 short documents, written once for the class.</summary>
    public sealed class LargeIndex : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "sampling-" + Guid.NewGuid().ToString("N")[..8]);

        public LargeIndex()
        {
            SearchIndexWriter.Write(_folder, Enumerable.Range(0, Documents).Select(i => new SearchDocument(
                $"/d/{i}/",
                $"第{i}号记录",
                $"{Towns[i % Towns.Length]}人大代表到联络站接待选民，第{i % 7}组代表记录意见{i}条。",
                Types[i % Types.Length],
                Towns[i % Towns.Length],
                Date: new DateOnly(2020 + (i % 6), 1, 1))), ramBufferMb: 16);
            Index = SearchIndex.Open(_folder);
        }

        public SearchIndex Index { get; }

        public void Dispose()
        {
            Index.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
