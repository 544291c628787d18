using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Site.Search;

namespace Site.Search.Tests;

/// <summary>
/// The index is written with <see cref="SearchCodec"/> (stored fields uncompressed), and an index a
/// previous build wrote with Lucene's default codec still opens, updates and answers with snippets.
/// </summary>
public sealed class SearchCodecTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("codec-test-").FullName;

    [Fact]
    public void Write_EverySegment_IsOurCodecWithTheBodyStoredAsItsOwnBytes()
    {
        var folder = Path.Combine(_root, "index");
        const string body = "代表联络站接待群众反映的道路积水问题，已转交住建部门限期办理。";
        SearchIndexWriter.Write(folder, [new SearchDocument("/stories/a/", "道路积水", body, SearchTypes.Story)]);

        Assert.All(Segments(folder), codec => Assert.Equal(SearchCodec.CodecName, codec));
        var files = System.IO.Directory.GetFiles(folder).Select(File.ReadAllBytes);
        Assert.Contains(files, bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(body)) >= 0);
    }

    [Fact]
    public void WriteAndUpdate_EveryFile_PassesLucenesOwnCheck_WithoutCompoundFiles()
    {
        // Bodies long enough that files outgrow the output's buffer, and a RAM buffer small enough that
        // many segments are flushed, kept unmerged.
        var paragraph = string.Concat(Enumerable.Range(0, 40).Select(i => $"第{i}次代表接待日，群众反映的{i % 7}件事已交办。"));
        var documents = Enumerable.Range(0, 2000)
            .Select(i => new SearchDocument($"/stories/{i}/", $"履职故事{i}", paragraph + i, SearchTypes.Story)).ToList();
        var first = Path.Combine(_root, "first");
        SearchIndexWriter.Write(first, documents, ramBufferMb: 0.25, oneSegment: false);
        var second = Path.Combine(_root, "second");
        SearchIndexWriter.Update(second, first, documents.Take(500).Select(d => d with { Body = d.Body + "已办结。" }).ToList(), ["/stories/1999/"]);

        foreach (var folder in new[] { first, second })
        {
            using var directory = FSDirectory.Open(folder);
            var status = new CheckIndex(directory).DoCheckIndex();
            Assert.True(status.Clean, folder);
            Assert.DoesNotContain(status.SegmentInfos, s => s.Compound);
        }

        // The written index is made of several flushed segments, so the check above read every kind of
        // file more than once. The updated one may legitimately have been merged into fewer (a quarter of
        // its documents were replaced, and Lucene's merge policy reclaims deletions on its own schedule).
        using (var directory = FSDirectory.Open(first))
        {
            Assert.True(new CheckIndex(directory).DoCheckIndex().SegmentInfos.Count > 1, "expected several segments in the written index");
        }

        using var index = SearchIndex.Open(second);
        Assert.Equal(1999, index.DocumentCount);
        Assert.Equal(500, index.Search(new SearchRequest("已办结")).Total);
    }

    [Fact]
    public void Write_MergesTheFlushedSegmentsIntoOne_AndAnswersAsTheSegmentsDid()
    {
        var documents = Enumerable.Range(0, 1500).Select(i => new SearchDocument($"/stories/{i}/", $"第{i % 40}次代表接待日",
            string.Concat(Enumerable.Range(0, 20 + i % 13).Select(j => $"群众反映的第{(i + j) % 17}件事已交办，加装电梯{j % 5}部。")),
            SearchTypes.Story, Region: i % 3 == 0 ? "易俗河镇" : "花石镇", Date: new DateOnly(2020 + i % 6, 1 + i % 12, 1))).ToList();
        var merged = Path.Combine(_root, "merged");
        var flushed = Path.Combine(_root, "flushed");
        SearchIndexWriter.Write(merged, documents, ramBufferMb: 0.25, mergeFrom: 1000);
        SearchIndexWriter.Write(flushed, documents, ramBufferMb: 0.25, oneSegment: false);

        Assert.Single(Segments(merged));
        Assert.True(Segments(flushed).Count() > 1, "expected several segments in the unmerged index");
        using var one = SearchIndex.Open(merged);
        using var several = SearchIndex.Open(flushed);
        foreach (var query in new[] { "加装电梯", "代表接待日", "第3次", "交办", "电", "第7件事已交办" })
        {
            for (var page = 1; page <= 3; page++)
            {
                var request = new SearchRequest(query, Page: page);
                var a = one.Search(request);
                var b = several.Search(request);
                Assert.Equal(b.Total, a.Total);
                Assert.Equal(b.Hits.Select(h => (h.Url, h.Score, h.SnippetHtml)), a.Hits.Select(h => (h.Url, h.Score, h.SnippetHtml)));
                Assert.Equal(b.Regions.Select(r => (r.Value, r.Count)), a.Regions.Select(r => (r.Value, r.Count)));
            }
        }
    }

    [Fact]
    public void Update_OfAnIndexWrittenWithTheDefaultCodec_KeepsItsDocumentsFoundWithSnippets()
    {
        var previous = Path.Combine(_root, "previous");
        var old = new SearchDocument("/stories/old/", "旧稿", "去年的代表之家活动记录，讲到老旧小区加装电梯。", SearchTypes.Story);
        WriteWithDefaultCodec(previous, old);

        var next = Path.Combine(_root, "next");
        SearchIndexWriter.Update(next, previous,
            [new SearchDocument("/stories/new/", "新稿", "今年的联络站接待日，群众又问起加装电梯的补贴。", SearchTypes.Story)], []);

        Assert.Equal(["Lucene46", SearchCodec.CodecName], Segments(next).Order(StringComparer.Ordinal));
        using var index = SearchIndex.Open(next);
        var response = index.Search(new SearchRequest("加装电梯"));
        Assert.Equal(["/stories/new/", "/stories/old/"], response.Hits.Select(h => h.Url).Order(StringComparer.Ordinal));
        Assert.All(response.Hits, hit => Assert.Contains("<mark>加装电梯</mark>", hit.SnippetHtml));
    }

    /// <summary>An index as builds before <see cref="SearchCodec"/> wrote it: same fields, default codec.</summary>
    private static void WriteWithDefaultCodec(string folder, SearchDocument document)
    {
        using var directory = FSDirectory.Open(folder);
        using var analyzer = ChineseAnalyzer.ForIndex();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ChineseAnalyzer.Version, analyzer));
        writer.AddDocument(new SearchIndexWriter.LuceneFields().Fill(document));
    }

    private static IEnumerable<string> Segments(string folder)
    {
        _ = SearchCodec.Registered;
        using var directory = FSDirectory.Open(folder);
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos.Segments.Select(s => s.Info.Codec.Name).ToList();
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);
}
