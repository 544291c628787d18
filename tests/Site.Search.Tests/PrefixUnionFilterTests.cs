using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Site.Search;

namespace Site.Search.Tests;

/// <summary>
/// A lone character is matched window by window (<see cref="PrefixUnionFilter"/>); it must match
/// exactly the documents Lucene's PrefixQuery matches, by NextDoc and by Advance (inside a
/// conjunction), across windows, with deleted documents, and score as PrefixQuery's constant score.
/// </summary>
public sealed class PrefixUnionFilterTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("prefix-union-").FullName;

    private const string Characters = "的人大代表站村镇县议案建议电梯加装群众接待日物业管理条例第次会";

    [Fact]
    public void EveryCharacter_SameDocumentsAsPrefixQuery_AcrossWindowsAndDeletions()
    {
        var random = new Random(11);
        string Text(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => Characters[random.Next(Characters.Length)]));

        // More documents than the first three windows hold; some characters rare, some in every document.
        var documents = Enumerable.Range(0, 3 * PrefixUnionFilter.FirstWindow + 5000)
            .Select(i => new SearchDocument($"/d/{i}/", Text(2 + i % 3), (i % 997 == 0 ? "琼" : "") + Text(3 + i % 7), SearchTypes.Story))
            .ToList();
        var written = Path.Combine(_root, "written");
        var updated = Path.Combine(_root, "updated");
        SearchIndexWriter.Write(written, documents);
        SearchIndexWriter.Update(updated, written, [], documents.Where((_, i) => i % 5 == 0).Select(d => d.Url).ToList());

        foreach (var folder in new[] { written, updated })
        {
            _ = SearchCodec.Registered;
            using var directory = FSDirectory.Open(folder);
            using var reader = DirectoryReader.Open(directory);
            var searcher = new IndexSearcher(reader);
            foreach (var character in (Characters + "琼霸").Select(c => c.ToString()))
            {
                foreach (var field in new[] { SearchFields.Body, SearchFields.Title })
                {
                    var term = new Term(field, character);
                    Assert.Equal(Docs(searcher, new PrefixQuery(term)), Docs(searcher, new ConstantScoreQuery(new PrefixUnionFilter(term))));

                    // In a conjunction the other clause drives, so the filter is advanced, not stepped.
                    var other = new TermQuery(new Term(SearchFields.Body, "代表"));
                    Assert.Equal(
                        Docs(searcher, new BooleanQuery { { other, Occur.MUST }, { new PrefixQuery(term), Occur.MUST } }),
                        Docs(searcher, new BooleanQuery { { other, Occur.MUST }, { new ConstantScoreQuery(new PrefixUnionFilter(term)), Occur.MUST } }));
                }
            }
        }
    }

    [Fact]
    public void Search_LoneCharacter_ScoresAsPrefixQueryDid()
    {
        var folder = Path.Combine(_root, "scores");
        SearchIndexWriter.Write(folder, Enumerable.Range(0, 50).Select(i => new SearchDocument($"/d/{i}/", i % 4 == 0 ? "代表之家" : "通知", "接待日" + (i % 3 == 0 ? "代表" : "群众"), SearchTypes.Story)));
        _ = SearchCodec.Registered;
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = SearchSimilarity.Instance };
        foreach (var field in new[] { SearchFields.Body, SearchFields.Title })
        {
            var term = new Term(field, "代");
            var before = searcher.Search(new PrefixQuery(term) { Boost = 6f }, 100).ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(d => d.Doc);
            var after = searcher.Search(new ConstantScoreQuery(new PrefixUnionFilter(term)) { Boost = 6f }, 100).ScoreDocs.Select(d => (d.Doc, d.Score)).OrderBy(d => d.Doc);
            Assert.Equal(before, after);
        }
    }

    private static List<int> Docs(IndexSearcher searcher, Query query)
    {
        var docs = new List<int>();
        searcher.Search(query, new Collector(docs));
        return docs;
    }

    private sealed class Collector(List<int> docs) : ICollector
    {
        private int _base;

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;

        public void Collect(int doc) => docs.Add(_base + doc);
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);
}
