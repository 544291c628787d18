using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Site.Search.Tests.Support;
using Site.Search;
using Directory = System.IO.Directory;

namespace Site.Search.Tests;

/// <summary>
/// The index keeps a single CJK character only where its run ends (<see cref="Unigrams.RunEnds"/>);
/// queries match a lone character as a prefix. This must change nothing a person can see: every
/// position keeps one token, and every query finds the same documents as an index of every unigram.
/// </summary>
public sealed class IndexUnigramTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "unigram-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void RunEnds_DropsOnlyUnigramsThatStartABigram_AtTheSamePositions()
    {
        foreach (var text in Texts())
        {
            var all = Tokens(Unigrams.All, text);
            var bigramStarts = all.Where(t => t.Type == "<DOUBLE>").Select(t => t.Position).ToHashSet();
            var expected = all.Where(t => t.Type != "<SINGLE>" || !bigramStarts.Contains(t.Position)).ToList();

            Assert.Equal(expected, Tokens(Unigrams.RunEnds, text));
        }
    }

    [Fact]
    public void RunEnds_EveryPositionStartsExactlyOneToken()
    {
        foreach (var text in Texts())
        {
            var positions = Tokens(Unigrams.RunEnds, text).Select(t => t.Position).ToList();
            Assert.Equal(positions.Distinct().Count(), positions.Count);
            Assert.Equal(Tokens(Unigrams.All, text).Select(t => t.Position).Distinct(), positions);
        }
    }

    [Fact]
    public void RunEnds_HanRun_BigramsAndTheLastCharacter()
    {
        Assert.Equal(
            ["人大@0-2", "大会@1-3", "会@2-3", "npc@4-7", "县@8-9", "2025@9-13", "年度@13-15", "度@14-15"],
            Tokens(Unigrams.RunEnds, "人大会 NPC 县2025年度").Select(t => $"{t.Term}@{t.Start}-{t.End}"));
    }

    [Fact]
    public void Search_AnyFragment_SameDocumentsAsAnIndexOfEveryUnigram()
    {
        var paragraphs = SeedParagraphs();
        var documents = paragraphs.Select((p, i) => new SearchDocument($"/p/{i}/", "", p, SearchTypes.Page)).ToList();
        SearchIndexWriter.Write(_folder, documents);
        using var everyUnigram = EveryUnigramIndex(documents);

        using var directory = FSDirectory.Open(_folder);
        using var reader = DirectoryReader.Open(directory);
        using var oracleReader = DirectoryReader.Open(everyUnigram);
        using var analyzer = ChineseAnalyzer.ForQueries();
        var searcher = new IndexSearcher(reader);
        var oracle = new IndexSearcher(oracleReader);

        var random = new Random(20261123);
        var failures = new List<string>();
        var nonEmpty = 0;
        for (var i = 0; i < 1500; i++)
        {
            var text = paragraphs[random.Next(paragraphs.Count)];
            var length = i % 3 == 0 ? 1 : random.Next(1, 9);
            var start = random.Next(Math.Max(1, text.Length - length + 1));
            var fragment = text.Substring(start, Math.Min(length, text.Length - start));
            if (i % 7 == 0)
            {
                // Two chunks, each of which must match.
                var other = paragraphs[random.Next(paragraphs.Count)];
                var at = random.Next(Math.Max(1, other.Length - 2));
                fragment += " " + other.Substring(at, Math.Min(1 + random.Next(3), other.Length - at));
            }

            var parsed = ChineseQuery.Parse(fragment, analyzer);
            var old = OldQuery(fragment, analyzer);
            if (parsed.Query is null || old is null)
            {
                Assert.True(parsed.Query is null && old is null, fragment);
                continue;
            }

            var found = Urls(searcher, parsed.Query);
            var expected = Urls(oracle, old);
            nonEmpty += expected.Count > 0 ? 1 : 0;
            if (!found.SetEquals(expected))
            {
                failures.Add($"「{fragment}」: {found.Count} documents, every-unigram index {expected.Count}");
            }
        }

        Assert.Empty(failures);
        Assert.True(nonEmpty > 1000, $"only {nonEmpty} fragments matched anything");
    }

    [Fact]
    public void Search_LoneCharacterBesideLatin_MatchesWhereItStartsABigram()
    {
        SearchIndexWriter.Write(_folder, [new SearchDocument("/a/", "", "第3次会议", SearchTypes.Page), new SearchDocument("/b/", "", "第3号文件", SearchTypes.Page)]);
        using var directory = FSDirectory.Open(_folder);
        using var reader = DirectoryReader.Open(directory);
        using var analyzer = ChineseAnalyzer.ForQueries();
        var searcher = new IndexSearcher(reader);

        Assert.Equal(["/a/"], Urls(searcher, ChineseQuery.Parse("3次", analyzer).Query!));
        Assert.Equal(["/a/", "/b/"], Urls(searcher, ChineseQuery.Parse("第3", analyzer).Query!).Order());
        Assert.Equal(["/b/"], Urls(searcher, ChineseQuery.Parse("件", analyzer).Query!));
        Assert.Empty(Urls(searcher, ChineseQuery.Parse("3会", analyzer).Query!));
    }

    /// <summary>The query the endpoint built when the index held every unigram: exact terms only.</summary>
    private static Query? OldQuery(string text, Analyzer analyzer)
    {
        var query = new BooleanQuery();
        foreach (var chunk in text.Split((char[])[' ', '\t', '\u3000', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = ChineseQuery.Analyze(analyzer, chunk);
            if (tokens.Count == 0)
            {
                continue;
            }

            var phrase = new PhraseQuery();
            foreach (var token in tokens)
            {
                phrase.Add(new Term(SearchFields.Body, token.Term), token.Position);
            }

            query.Add(phrase, Occur.MUST);
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    private static RAMDirectory EveryUnigramIndex(IEnumerable<SearchDocument> documents)
    {
        var directory = new RAMDirectory();
        using var analyzer = ChineseAnalyzer.ForQueries();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(ChineseAnalyzer.Version, analyzer));
        foreach (var d in documents)
        {
            writer.AddDocument(new Document
            {
                new StringField(SearchFields.Url, d.Url, Field.Store.YES),
                new TextField(SearchFields.Body, d.Body, Field.Store.NO),
            });
        }

        writer.Commit();
        return directory;
    }

    private static HashSet<string> Urls(IndexSearcher searcher, Query query)
    {
        var top = searcher.Search(query, 100_000);
        return top.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SearchFields.Url)).ToHashSet();
    }

    private static List<string> SeedParagraphs()
    {
        var paragraphs = TestData.SeedFiles()
            .SelectMany(f => File.ReadAllLines(f))
            .Select(l => l.Trim())
            .Where(l => l.Length >= 10)
            .ToList();
        Assert.True(paragraphs.Count > 100);
        return paragraphs;
    }

    private static IEnumerable<string> Texts()
    {
        foreach (var paragraph in SeedParagraphs().Take(300))
        {
            yield return paragraph;
        }

        var random = new Random(11);
        string[] pieces = ["人", "大", "代表", "𠀀", "ひら", "カタ", "한국", "abc", "123", "１２", "，", " ", "-", "x.y", "😀"];
        for (var i = 0; i < 500; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(1, 30); j > 0; j--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return text.ToString();
        }
    }

    private sealed record Token(string Term, string Type, int Position, int Start, int End);

    private static List<Token> Tokens(Unigrams unigrams, string text)
    {
        using var analyzer = new ChineseAnalyzer(unigrams);
        using var stream = analyzer.GetTokenStream(SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var tokens = new List<Token>();
        var position = -1;
        stream.Reset();
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new Token(term.ToString(), type.Type, position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
