using System.Globalization;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Site.Search.Tests.Support;

namespace Site.Search.Tests;

/// <summary>
/// The index <see cref="SearchIndexWriter"/> writes with the word fields segmented a batch ahead
/// (<c>SegmentedWords</c>) holds exactly what it holds when Lucene's inverter segments each
/// word field itself: the same fields with the same options, terms, document and term frequencies,
/// postings with their positions, offsets and payloads, norms, doc values and stored fields, per
/// document (documents are compared by URL: their numbers depend on which thread took them).
/// </summary>
public sealed class IndexContentsTests : IDisposable
{
    private readonly string _root = System.IO.Directory.CreateTempSubdirectory("contents-test-").FullName;

    [Fact]
    public void Write_WordsSegmentedAhead_SameIndexAsSegmentedByTheInverter()
    {
        var documents = Documents();
        Assert.True(documents.Count > 5 * SearchIndexWriter.WordBatch, $"only {documents.Count} documents");
        var ahead = Write("ahead", documents, segmentAhead: true);
        var inverter = Write("inverter", documents, segmentAhead: false);

        AssertSameLines(Contents(inverter), Contents(ahead));
    }

    /// <summary>An update re-analyses the documents it replaces the same way too.</summary>
    [Fact]
    public void Update_WordsSegmentedAhead_SameIndexAsSegmentedByTheInverter()
    {
        var documents = Documents();
        var changed = documents.Where((_, i) => i % 3 == 0).Select(d => d with { Title = d.Title + "（修订）", Body = "修订：" + d.Body }).ToList();
        var removed = documents.Where((_, i) => i % 7 == 1).Select(d => d.Url).ToList();
        var first = Write("first", documents, segmentAhead: false);
        var folders = new List<string>();
        foreach (var ahead in new[] { true, false })
        {
            var folder = Path.Combine(_root, "update-" + ahead);
            WithWordsSegmentedAhead(ahead, () => SearchIndexWriter.Update(folder, first, changed, removed));
            folders.Add(folder);
        }

        AssertSameLines(Contents(folders[1]), Contents(folders[0]));
    }

    /// <summary>
    /// Every real text beside the tests, paragraph by paragraph (the first line of each as the title),
    /// with the fields a page may have, and text in every character class the analyzers tell apart.
    /// </summary>
    private static List<SearchDocument> Documents()
    {
        var documents = new List<SearchDocument>();
        var random = new Random(20261130);
        foreach (var file in TestData.TextFiles().Concat(TestData.SeedFiles()))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            // A file's name may be another folder's too (a regulation as published and as pasted from a PDF).
            var paragraphs = File.ReadAllText(file).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < paragraphs.Length; i += 3)
            {
                var text = string.Join("\n\n", paragraphs.Skip(i).Take(3));
                var title = text.Split('\n')[0].Trim('#', ' ');
                documents.Add(new SearchDocument(
                    $"/{documents.Count}/{name}/{i}/", title, text, SearchTypes.All[random.Next(SearchTypes.All.Count)].Type,
                    Region: random.Next(3) == 0 ? null : "易俗河镇",
                    Level: random.Next(3) == 0 ? null : "县 乡",
                    Date: random.Next(3) == 0 ? null : new DateOnly(2020 + random.Next(6), 1 + random.Next(12), 1 + random.Next(28)),
                    Keywords: random.Next(2) == 0 ? null : "chen meihua CMH 陈美华"));
            }
        }

        string[] edges = ["", " ", "，。、", "人", "電梯 代表聯絡站 物業管理條例 陳美華", "王𠮷 𠮷野家 😀人大😀", "abc ABC Ab12cD ＡＢＣ ａｂｃ Ａb１2 １２３",
            "Mr. Wang said: \"OK.\" Then 人大. 代表! 站? 是的。", "ひらがなとカタカナと한국어と漢字", "人\u0301大\uFE0F站\u200D会\u00AD议", new string('国', 2500) + "人大代表"];
        documents.AddRange(edges.Select((text, i) => new SearchDocument($"/edges/{i}/", text, text + text, SearchTypes.Page)));
        return documents;
    }

    private string Write(string name, List<SearchDocument> documents, bool segmentAhead)
    {
        var folder = Path.Combine(_root, name);
        WithWordsSegmentedAhead(segmentAhead, () => SearchIndexWriter.Write(folder, documents));
        return folder;
    }

    private static void WithWordsSegmentedAhead(bool ahead, Action action)
    {
        var was = SearchIndexWriter.SegmentWordsAhead;
        SearchIndexWriter.SegmentWordsAhead = ahead;
        try
        {
            action();
        }
        finally
        {
            SearchIndexWriter.SegmentWordsAhead = was;
        }
    }

    /// <summary>The whole index as sorted lines naming documents by URL.</summary>
    private static List<string> Contents(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var lines = new List<string>();
        var urls = new string[reader.MaxDoc];
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }

            var stored = reader.Document(doc);
            urls[doc] = stored.Get(SearchFields.Url);
            lines.Add($"stored {urls[doc]} " + string.Join(" | ", stored.Fields.Select(f => $"{f.Name}={f.GetStringValue()}")));
        }

        foreach (var info in MultiFields.GetMergedFieldInfos(reader))
        {
            lines.Add($"field {info.Name} indexed={info.IsIndexed} options={info.IndexOptions} norms={info.HasNorms}:{info.NormType} payloads={info.HasPayloads} vectors={info.HasVectors} docvalues={info.DocValuesType}");
            if (info.HasNorms)
            {
                var norms = MultiDocValues.GetNormValues(reader, info.Name);
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (urls[doc] is { } url)
                    {
                        lines.Add($"norm {info.Name} {url} {norms.Get(doc).ToString(CultureInfo.InvariantCulture)}");
                    }
                }
            }

            if (info.DocValuesType == DocValuesType.SORTED)
            {
                var values = MultiDocValues.GetSortedValues(reader, info.Name);
                var bytes = new BytesRef();
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (urls[doc] is { } url)
                    {
                        values.Get(doc, bytes);
                        lines.Add($"docvalue {info.Name} {url} {bytes.Utf8ToString()}");
                    }
                }
            }
        }

        var fields = MultiFields.GetFields(reader);
        foreach (var field in fields)
        {
            var terms = fields.GetTerms(field);
            // No Terms.Count: over several segments it is -1, and how many segments the indexing threads
            // flush varies from run to run. The term lines below count the terms.
            lines.Add($"terms {field} docs={terms.DocCount} sumDocFreq={terms.SumDocFreq} sumTotalTermFreq={terms.SumTotalTermFreq} positions={terms.HasPositions} offsets={terms.HasOffsets} payloads={terms.HasPayloads}");
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var term = termsEnum.Term.Utf8ToString();
                lines.Add($"term {field} {term} docFreq={termsEnum.DocFreq} totalTermFreq={termsEnum.TotalTermFreq}");
                if (terms.HasPositions)
                {
                    var postings = termsEnum.DocsAndPositions(live, null, DocsAndPositionsFlags.OFFSETS | DocsAndPositionsFlags.PAYLOADS);
                    while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        var line = new StringBuilder($"posting {field} {term} {urls[postings.DocID]} freq={postings.Freq}:");
                        for (var k = 0; k < postings.Freq; k++)
                        {
                            var position = postings.NextPosition();
                            line.Append(CultureInfo.InvariantCulture, $" {position}[{postings.StartOffset}-{postings.EndOffset}]{postings.GetPayload()?.ToString()}");
                        }

                        lines.Add(line.ToString());
                    }
                }
                else
                {
                    var postings = termsEnum.Docs(live, null, DocsFlags.FREQS);
                    while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        lines.Add($"posting {field} {term} {urls[postings.DocID]} freq={postings.Freq}");
                    }
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Equal lists, or the first line that differs (the lists run to hundreds of thousands).</summary>
    private static void AssertSameLines(List<string> expected, List<string> actual)
    {
        Assert.True(expected.Count > 10_000, $"only {expected.Count} lines");
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }

        Assert.Equal(expected.Count, actual.Count);
        Assert.Contains(expected, line => line.StartsWith("posting words ", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.StartsWith("posting title_words ", StringComparison.Ordinal));
    }

    public void Dispose() => System.IO.Directory.Delete(_root, recursive: true);
}
