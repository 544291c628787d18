using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Search;

/// <summary>
/// Each query of <see cref="RelevanceTable"/> finds the page a person means within the rank bound the
/// table gives: on the sample site, and on three real regulations indexed article by article.
/// </summary>
[Collection(nameof(SampleSite))]
public sealed class SearchRelevanceTests(SampleSite sample) : IClassFixture<SearchRelevanceTests.RegulationIndex>
{
    public static TheoryData<string, string, int> Table => ToData(RelevanceTable.Sample);

    public static TheoryData<string, string, int> RealText => ToData(RelevanceTable.RealText);

    [Theory]
    [MemberData(nameof(Table))]
    public void Search_TypicalQuery_FindsExpectedPageNearTop(string query, string expectedUrl, int withinTop)
    {
        using var index = SearchIndex.Open(Path.Combine(Path.GetDirectoryName(sample.Output)!, "_intake", "index"));
        AssertWithin(index, query, expectedUrl, withinTop);
    }

    [Theory]
    [MemberData(nameof(RealText))]
    public void Search_RealRegulationText_FindsTheArticleAboutIt(string query, string expectedUrl, int withinTop)
    {
        using var index = SearchIndex.Open(RegulationIndex.Folder);
        AssertWithin(index, query, expectedUrl, withinTop);
    }

    [Fact]
    public void Table_HasAtLeastSixtyQueries() => Assert.True(RelevanceTable.All.Count() >= 60);

    private static void AssertWithin(SearchIndex index, string query, string expectedUrl, int withinTop)
    {
        var response = index.Search(new SearchRequest(query));
        var urls = response.Hits.Select(h => h.Url).ToList();
        var rank = urls.IndexOf(expectedUrl) + 1;
        Assert.True(rank is > 0 && rank <= withinTop,
            $"“{query}”: expected {expectedUrl} within the top {withinTop}, got rank {(rank == 0 ? "none" : rank)} in [{string.Join(", ", urls)}]");
    }

    private static TheoryData<string, string, int> ToData(IEnumerable<RelevanceTable.Entry> entries)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var entry in entries)
        {
            data.Add(entry.Query, entry.Expected, entry.WithinTop);
        }

        return data;
    }

    /// <summary>The regulations of <c>Search/Regulations</c>, indexed once (into a folder shared by the class's tests).</summary>
    public sealed class RegulationIndex : IDisposable
    {
        public static readonly string Folder = Path.Combine(Path.GetTempPath(), "regulations-" + Guid.NewGuid().ToString("N")[..8]);

        public RegulationIndex() =>
            SearchIndexWriter.Write(Folder, RelevanceTable.RegulationDocuments(Path.Combine(AppContext.BaseDirectory, "Search", "Regulations")));

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
