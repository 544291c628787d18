using ICU4N.Text;
using Site.Search;

namespace Site.Search.Tests;

/// <summary>
/// Text as people write it: characters outside the basic plane (𠮷, emoji) at any cut, traditional
/// and simplified forms as one, and no match across a field's or a record's edge.
/// </summary>
public sealed class SearchTextFormTests : IDisposable
{
    private const string Astral = "𠮷😀👨‍👩‍👧";
    private readonly TempIndexes _indexes = new("text-form-test-");

    [Fact]
    public void Search_LongQueryWithAstralCharactersAtEveryCutPosition_AnswersWithValidText()
    {
        using var index = Write([new SearchDocument("/a/", "吉野家", "王𠮷到联络站接待选民😀", SearchTypes.Story)]);

        for (var prefix = ChineseQuery.MaxLength - 12; prefix <= ChineseQuery.MaxLength + 1; prefix++)
        {
            foreach (var filler in new[] { "联", "a" })
            {
                var query = string.Concat(Enumerable.Repeat(filler, prefix)) + string.Concat(Enumerable.Repeat(Astral, 4));

                var response = index.Search(new SearchRequest(query));

                Assert.Equal(query, response.Query);
                Assert.All(response.Hits, h => AssertValidText(h.SnippetHtml));
            }
        }
    }

    [Fact]
    public void Snippet_AstralCharactersAtEveryWindowEdge_AreNeverCut()
    {
        var documents = Enumerable.Range(0, 40).Select(shift => new SearchDocument(
            $"/d/{shift}/",
            "记录",
            new string('文', shift) + string.Concat(Enumerable.Repeat(Astral, 30)) + "代表联络站" + string.Concat(Enumerable.Repeat(Astral + "字", 40)),
            SearchTypes.Story)).ToList();
        using var index = Write(documents);

        var response = index.Search(new SearchRequest("联络站"));
        var unmatched = index.Search(new SearchRequest("记录"));

        Assert.Equal(documents.Count, response.Total);
        Assert.All(response.Hits.Concat(unmatched.Hits), h => AssertValidText(h.SnippetHtml));
        Assert.All(response.Hits, h => Assert.Contains("<mark>联络站</mark>", h.SnippetHtml));
    }

    [Fact]
    public void TextElements_Cut_NeverSplitsAnElement()
    {
        var text = string.Concat(Enumerable.Repeat("a" + Astral + "é", 20));
        for (var max = 0; max <= text.Length; max++)
        {
            var cut = TextElements.Cut(text, max);
            Assert.True(cut.Length <= max);
            Assert.StartsWith(cut, text, StringComparison.Ordinal);
            Assert.Contains(cut.Length, Boundaries(text));
        }
    }

    [Theory]
    [InlineData("電梯", "电梯")]
    [InlineData("代表聯絡站", "代表联络站")]
    [InlineData("物業管理條例", "物业管理条例")]
    [InlineData("陳美華", "陈美华")]
    public void Search_TraditionalAndSimplified_FindEachOther(string traditional, string simplified)
    {
        using var index = Write(
        [
            new SearchDocument("/t/", "记录", $"这里写的是{traditional}。", SearchTypes.Story),
            new SearchDocument("/s/", "记录", $"这里写的是{simplified}。", SearchTypes.Story),
        ]);

        foreach (var query in new[] { traditional, simplified })
        {
            var response = index.Search(new SearchRequest(query));
            Assert.Equal(["/s/", "/t/"], response.Hits.Select(h => h.Url).Order(StringComparer.Ordinal));
            // The snippet marks the text as it is written.
            Assert.Contains($"<mark>{traditional}</mark>", response.Hits.Single(h => h.Url == "/t/").SnippetHtml);
            Assert.Contains($"<mark>{simplified}</mark>", response.Hits.Single(h => h.Url == "/s/").SnippetHtml);
        }
    }

    [Fact]
    public void Search_TraditionalName_PutsTheDeputyFirst()
    {
        using var index = Write(
        [
            new SearchDocument("/deputies/D1/", "陈美华", "县级人大代表", SearchTypes.Deputy),
            new SearchDocument("/stories/x/", "走访记录", "陈美华代表到联络站接待选民，陈美华说。", SearchTypes.Story),
        ]);

        Assert.Equal("/deputies/D1/", index.Search(new SearchRequest("陳美華")).Hits[0].Url);
    }

    [Fact]
    public void FoldingTable_IsIcusTraditionalSimplifiedTransform()
    {
        var transform = Transliterator.GetInstance("Traditional-Simplified");
        var pairs = SimplifiedFolding.Pairs().ToList();

        Assert.True(pairs.Count > 2500, pairs.Count.ToString());
        foreach (var (traditional, simplified) in pairs)
        {
            var icu = transform.Transliterate(traditional.ToString());
            // Chains and cycles are resolved to one representative: ICU's answer folds to the same.
            Assert.Equal(simplified, SimplifiedFolding.Fold(icu) is [var one] ? one : '?');
        }

        foreach (var c in "电梯联络站物业管理条例陈美华人大代表")
        {
            Assert.Equal(c, SimplifiedFolding.Fold(c));
        }

        // Folding twice changes nothing.
        Assert.All(pairs, p => Assert.Equal(p.Simplified, SimplifiedFolding.Fold(p.Simplified)));
    }

    [Fact]
    public void Search_PhraseAcrossTitleAndBodyOrTwoArticles_MatchesNothing()
    {
        using var index = Write(
        [
            new SearchDocument("/drafts/a/#article-1", "某县人民代表大会常务委员会", "工作人员应当依法履职。", SearchTypes.Article),
            new SearchDocument("/drafts/a/#article-2", "某某条例 第二条", "本条例由常务委员会", SearchTypes.Article),
            new SearchDocument("/drafts/a/#article-3", "某某条例 第三条", "工作机构负责解释。", SearchTypes.Article),
            new SearchDocument("/drafts/b/", "某某条例", "第一段写到委员会\n工作另起一行。", SearchTypes.Draft),
        ]);

        Assert.Equal(0, index.Search(new SearchRequest("会工")).Total);
        // Nothing has 委员会工作 as typed; the looser answer (each word, in one field) says so and
        // never pairs a title's word with a body's.
        var words = index.Search(new SearchRequest("委员会工作"));
        Assert.True(words.Relaxed);
        Assert.Equal(["/drafts/b/"], words.Hits.Select(h => h.Url));
        Assert.Equal(3, index.Search(new SearchRequest("委员会")).Total);
    }

    private static void AssertValidText(string html)
    {
        var text = System.Net.WebUtility.HtmlDecode(html);
        Assert.Equal(text, TextElements.Valid(text));
        Assert.DoesNotContain('\uFFFD', text);
    }

    private static HashSet<int> Boundaries(string text)
    {
        var starts = System.Globalization.StringInfo.ParseCombiningCharacters(text).ToHashSet();
        starts.Add(text.Length);
        return starts;
    }

    private SearchIndex Write(IEnumerable<SearchDocument> documents) => _indexes.Write(documents);

    public void Dispose() => _indexes.Dispose();
}
