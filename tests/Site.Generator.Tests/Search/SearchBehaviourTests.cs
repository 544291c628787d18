using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Search;

/// <summary>How search behaves for any fragment a person types: substring semantics, facets, snippets.</summary>
[Collection(nameof(SampleSite))]
public sealed partial class SearchBehaviourTests(SampleSite sample) : IDisposable
{
    private readonly List<string> _temp = [];

    private string IndexFolder => Path.Combine(Path.GetDirectoryName(sample.Output)!, "_intake", "index");

    [Fact]
    public void Search_RandomChineseFragments_FindsExactlyTheDocumentsContainingThem()
    {
        var documents = StoredDocuments(IndexFolder);
        var random = new Random(20261123);
        using var index = SearchIndex.Open(IndexFolder);
        var failures = new List<string>();
        var tried = 0;
        while (tried < 400)
        {
            var text = documents[random.Next(documents.Count)].Text;
            var runs = HanRun().Matches(text).Where(m => m.Length >= 2).ToList();
            if (runs.Count == 0)
            {
                continue;
            }

            var run = runs[random.Next(runs.Count)].Value;
            var length = random.Next(2, Math.Min(6, run.Length) + 1);
            var fragment = run.Substring(random.Next(run.Length - length + 1), length);
            tried++;

            var expected = documents.Count(d => d.Text.Contains(fragment, StringComparison.Ordinal));
            var total = index.Search(new SearchRequest(fragment)).Total;
            if (total != expected)
            {
                failures.Add($"{fragment}: {total} hits, {expected} documents contain it");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("物业费太贵了怎么办", "物业费")]
    [InlineData("怎么给代表留言", "留言")]
    [InlineData("老旧小区加装电梯补助多少钱", "加装电梯")]
    [InlineData("物业费 太贵", "物业费")]
    [InlineData("我是易俗河镇金霞社区的居民，我们小区是二十多年前建的老房子，没有电梯，老人上下楼很不方便，想问问加装电梯补助多少钱", "电梯")]
    public void Search_AQuestionNoPageHasAsTyped_FindsPagesWithMostOfItsWords(string question, string expected)
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest(question));

        Assert.True(response.Relaxed, question);
        Assert.NotEmpty(response.Hits);
        Assert.Contains(expected, Regex.Replace(response.Hits[0].Title + response.Hits[0].SnippetHtml, "<[^>]+>", ""));
    }

    [Theory]
    [InlineData("谭立新")]
    [InlineData("欧阳敏")]
    public void Search_TheNameOfAStationsHeadOrLiaison_FindsTheStation(string name)
    {
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest(name));

        Assert.Contains(response.Hits, h => h.Type == SearchTypes.Station);
    }

    [Fact]
    public void Search_SingleCharacter_FindsEveryDocumentWithIt()
    {
        var documents = StoredDocuments(IndexFolder);
        using var index = SearchIndex.Open(IndexFolder);

        var response = index.Search(new SearchRequest("站"));

        Assert.Equal(documents.Count(d => d.Text.Contains('站')), response.Total);
        Assert.Contains(response.Hits, h => h.Type == SearchTypes.Station);
    }

    [Fact]
    public void Search_FacetCounts_AddUpAndKeepOtherTypesWhenFiltered()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var all = index.Search(new SearchRequest("代表"));
        var stations = index.Search(new SearchRequest("代表", Type: SearchTypes.Station));

        Assert.Equal(all.Total, all.Types.Sum(t => t.Count));
        Assert.Equal(all.Types.Single(t => t.Value == SearchTypes.Station).Count, stations.Total);
        Assert.All(stations.Hits, h => Assert.Equal(SearchTypes.Station, h.Type));
        Assert.Equal(all.Types.Select(t => t.Value), stations.Types.Select(t => t.Value));
        Assert.True(all.Regions.Sum(r => r.Count) <= all.Total);
        Assert.Contains(all.Regions, r => r.Value == "易俗河镇");
    }

    [Fact]
    public void Search_RegionAndYearFilters_NarrowTheHits()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var inTown = index.Search(new SearchRequest("代表", Region: "花石镇"));
        var in2025 = index.Search(new SearchRequest("代表", Year: "2025"));

        Assert.True(inTown.Total > 0);
        Assert.All(inTown.Hits, h => Assert.Equal("花石镇", h.Region));
        Assert.True(in2025.Total > 0);
        Assert.All(in2025.Hits, h => Assert.StartsWith("2025-", h.Date));
    }

    [Fact]
    public void Search_Pages_DoNotRepeatHits()
    {
        using var index = SearchIndex.Open(IndexFolder);

        var first = index.Search(new SearchRequest("代表"));
        var second = index.Search(new SearchRequest("代表", Page: 2));

        Assert.True(first.PageCount >= 2);
        Assert.Equal(SearchRequest.PageSize, first.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Url).Intersect(second.Hits.Select(h => h.Url)));
    }

    [Fact]
    public void Search_EmptyOrPunctuationOnly_AnswersWithoutHits()
    {
        using var index = SearchIndex.Open(IndexFolder);

        Assert.NotNull(index.Search(new SearchRequest("   ")).Error);
        var punctuation = index.Search(new SearchRequest("，。！？"));
        Assert.Null(punctuation.Error);
        Assert.Equal(0, punctuation.Total);
    }

    [Fact]
    public void Snippet_MarksMatchesAndEscapesEverythingElse()
    {
        var folder = TempFolder();
        SearchIndexWriter.Write(folder,
        [
            new SearchDocument("/a/", "测试页", "开头一段<script>alert('x')</script>然后说到人大代表履职，结尾 & 其他", SearchTypes.Page),
        ]);
        using var index = SearchIndex.Open(folder);

        var hit = Assert.Single(index.Search(new SearchRequest("代表履职")).Hits);

        Assert.True(hit.SnippetHtml.Contains("<mark>代表履职</mark>"), hit.SnippetHtml);
        Assert.Contains("&lt;/script&gt;", hit.SnippetHtml);
        Assert.DoesNotContain("<script", hit.SnippetHtml);
        Assert.Contains("&amp;", hit.SnippetHtml);
    }

    [Fact]
    public void Search_MixedChineseAndLatin_MatchesAsOnePhrase()
    {
        var folder = TempFolder();
        SearchIndexWriter.Write(folder,
        [
            new SearchDocument("/vlog/", "代表履职Vlog第一期", "镜头跟着代表走进村组。", SearchTypes.Story),
            new SearchDocument("/other/", "代表履职", "另一篇，没有视频：vlog 在别处。", SearchTypes.Story),
        ]);
        using var index = SearchIndex.Open(folder);

        var response = index.Search(new SearchRequest("代表履职Vlog"));

        Assert.Equal("/vlog/", Assert.Single(response.Hits).Url);
    }

    [Fact]
    public void Search_FullWidthLatinAndDigits_FoldToHalfWidth()
    {
        var folder = TempFolder();
        SearchIndexWriter.Write(folder, [new SearchDocument("/d/", "2026年民生实事", "ABC公司承建", SearchTypes.Story)]);
        using var index = SearchIndex.Open(folder);

        Assert.Equal(1, index.Search(new SearchRequest("２０２６年")).Total);
        Assert.Equal(1, index.Search(new SearchRequest("ａｂｃ公司")).Total);
    }

    /// <summary>Every document's searchable text (title, body, keywords such as a deputy's places) as stored, keyed by URL.</summary>
    private static List<(string Url, string Text)> StoredDocuments(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var result = new List<(string, string)>();
        for (var i = 0; i < reader.MaxDoc; i++)
        {
            var doc = reader.Document(i);
            result.Add((doc.Get(SearchFields.Url), Normalize(doc.Get(SearchFields.Title) + "\n" + doc.Get(SearchFields.Body) + "\n" + doc.Get(SearchFields.Keywords))));
        }

        return result;
    }

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex HanRun();

    private string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "search-test-" + Guid.NewGuid().ToString("N")[..12]);
        _temp.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        foreach (var folder in _temp.Where(System.IO.Directory.Exists))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
