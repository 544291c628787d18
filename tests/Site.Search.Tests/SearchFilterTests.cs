using Site.Search;

namespace Site.Search.Tests;

/// <summary>Filters hold in every segment of the index, including one that lacks the chosen value.</summary>
public sealed class SearchFilterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "filters-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Search_FilterOnAValueOneSegmentLacks_KeepsThatSegmentsDocumentsOut()
    {
        // First segment: only 2026 and 易俗河镇, which sort after 2025 and before 花石镇, so that
        // segment answers "not here" for 2025 with insertion point 0 and for 花石镇 with a later one.
        var first = Path.Combine(_root, "a");
        var second = Path.Combine(_root, "b");
        SearchIndexWriter.Write(first, [Story("/a/", 2026, "易俗河镇")]);
        SearchIndexWriter.Update(second, first, [Story("/b/", 2025, "花石镇"), new SearchDocument("/s/", "代表之家", "代表接待选民", SearchTypes.Station)], []);
        using var index = SearchIndex.Open(second);

        var in2025 = index.Search(new SearchRequest("代表", Year: "2025"));
        var inTown = index.Search(new SearchRequest("代表", Region: "花石镇"));
        var stories = index.Search(new SearchRequest("代表", Type: SearchTypes.Story));

        Assert.Equal(["/b/"], in2025.Hits.Select(h => h.Url));
        Assert.Equal(["/b/"], inTown.Hits.Select(h => h.Url));
        Assert.Equal(["/a/", "/b/"], stories.Hits.Select(h => h.Url).Order(StringComparer.Ordinal));
    }

    private static SearchDocument Story(string url, int year, string town) =>
        new(url, "代表履职", "人大代表走访选民", SearchTypes.Story, town, Date: new DateOnly(year, 5, 1));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
