using Site.Generator.Diagnostics;
using Site.Generator.Linking;
using Site.Generator.Model;
using Site.Generator.Tests.Support;
using Site.Generator.Validation.Drafts;

namespace Site.Generator.Tests.Drafts;

/// <summary>
/// Readings of a draft compared article by article, on a real regulation (淄博市电梯安全条例) and a
/// revision of it with an article deleted, one inserted (so four are renumbered) and three changed:
/// see TestData/regulations/SOURCES.md.
/// </summary>
public sealed class ReadingComparisonTests
{
    private static string Regulation(string name) =>
        File.ReadAllText(Path.Combine(TestData.Folder, name));

    private static Draft Parse(string slug, string text) => new(
        new DraftId(slug), $"content/drafts/{slug}.md", slug, "法制工作委员会", "一审",
        new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), [], null, null, null, DraftTextParser.Parse(text).Text);

    [Fact]
    public void RealRegulation_RevisedReading_ArticlesMatchedByTextNotNumber()
    {
        var before = Parse("a", Regulation("regulations/山东/淄博市电梯安全条例(2021-12-10).md"));
        var after = Parse("b", Regulation("readings/zibo-dianti-2021-revised.md"));
        Assert.Equal(57, before.Text.Articles.Count);
        Assert.Equal(57, after.Text.Articles.Count);

        var comparison = ReadingComparison.Compare(before, after);

        Assert.Equal([3, 7, 20], comparison.Articles.Values.Where(a => a.Change == ArticleChange.Changed).Select(a => a.Number).Order());
        Assert.Equal(3, comparison.Changed);
        Assert.Equal(1, comparison.Added);
        Assert.Equal(4, comparison.Moved);
        Assert.Equal(5, Assert.Single(comparison.Deleted).Number);
        Assert.Equal(ArticleChange.Added, comparison.Articles[10].Change);
        foreach (var (number, previous) in new[] { (5, 6), (6, 7), (8, 9), (9, 10) })
        {
            Assert.Equal((ArticleChange.Moved, previous), (comparison.Articles[number].Change, comparison.Articles[number].PreviousNumber));
        }

        Assert.Equal((ArticleChange.Changed, 8), (comparison.Articles[7].Change, comparison.Articles[7].PreviousNumber));
        Assert.Equal((ArticleChange.Changed, 3), (comparison.Articles[3].Change, comparison.Articles[3].PreviousNumber));
        Assert.Equal((ArticleChange.Changed, 20), (comparison.Articles[20].Change, comparison.Articles[20].PreviousNumber));
        Assert.All(Enumerable.Range(11, 47).Where(n => n != 20), n => Assert.Equal(ArticleChange.Unchanged, comparison.Articles[n].Change));
    }

    [Fact]
    public void Diff_IsByCharacter_AndReadsBackToBothTexts()
    {
        var before = "电梯安全管理应当遵循安全第一、预防为主、权责明确、便民高效的原则。";
        var after = "电梯安全管理应当遵循安全第一、预防为主、权责明确、便民高效、社会共治的原则。";

        var diff = ReadingComparison.Diff(before, after);

        Assert.Equal(new DiffSpan(DiffKind.Inserted, "、社会共治"), Assert.Single(diff, s => s.Kind != DiffKind.Same));
        Assert.Equal(before, string.Concat(diff.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
    }

    [Fact]
    public void Diff_ARewrittenPhrase_IsOneDeletionAndOneInsertion()
    {
        var diff = ReadingComparison.Diff("物业服务人应当单独列账，定期公布公共收益收支情况。", "物业服务人应当单独列账，每季度公布一次公共收益收支情况。");

        Assert.Equal(
            [new DiffSpan(DiffKind.Deleted, "定期"), new DiffSpan(DiffKind.Inserted, "每季度")],
            diff.Where(s => s.Kind != DiffKind.Same).Take(2).ToList());
    }

    private static string DraftFile(string slug, string header, string body) =>
        $"-- content/drafts/{slug}.md --\n---\ntitle: 淄博市电梯安全条例\noffice: 法制工作委员会\n{header}\n---\n{body}\n";

    [Fact]
    public async Task Site_SecondReading_ShowsHistorySummaryBadgesAndDiff()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + "\n"
            + DraftFile("dianti-yishen", "reading: 一审\nopens: 2026-06-01\ncloses: 2026-07-01", Regulation("regulations/山东/淄博市电梯安全条例(2021-12-10).md"))
            + DraftFile("dianti", "reading: 二审\nprevious: dianti-yishen\nopens: 2026-11-01\ncloses: 2026-12-31", Regulation("readings/zibo-dianti-2021-revised.md")));
        site.AssertNoErrors();

        var page = site.Html("drafts/dianti/index.html");
        Assert.Contains("本次修改 3 条，新增 1 条，删除 1 条", page.QuerySelector(".change-summary")!.TextContent);
        Assert.Equal("/drafts/dianti-yishen/", page.QuerySelector(".reading-history a")!.GetAttribute("href"));
        Assert.Equal("新增", page.QuerySelector("#article-10 .badge")!.TextContent);
        Assert.Contains("原第九条", page.QuerySelector("#article-8 .change-note")!.TextContent);
        Assert.Contains("原第八条", page.QuerySelector("#article-7 .change-note")!.TextContent);
        Assert.Equal("和远程报警", page.QuerySelector("#article-7 details.diff p ins")!.TextContent);
        Assert.Null(page.QuerySelector("#article-11 .change-note"));
        Assert.Contains("负有电梯安全监督管理职责的部门", page.QuerySelector(".deleted-articles")!.TextContent);

        var first = site.Html("drafts/dianti-yishen/index.html");
        Assert.Equal("/drafts/dianti/", first.QuerySelector(".readings .notice a")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".change-summary"));
    }

    [Theory]
    [InlineData("previous: dianti-sanshen", "找不到法规草案")]
    [InlineData("previous: dianti", "不能写本草案自己")]
    public async Task Site_PreviousReading_UnknownOrSelf_IsAPositionedChineseError(string previous, string message)
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + "\n"
            + DraftFile("dianti", $"reading: 二审\n{previous}\nopens: 2026-11-01\ncloses: 2026-12-31", "第一条 为了加强电梯安全工作，制定本条例。"));

        var error = site.AssertDiagnostic("content/drafts/dianti.md", 5, DiagnosticCodes.UnknownDraft);
        Assert.Contains(message, error.Message);
        Assert.Contains("上一审次草案", error.Message);
    }

    [Fact]
    public async Task Site_ReadingsInALoop_AreAnError()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + "\n"
            + DraftFile("a", "reading: 一审\nprevious: b\nopens: 2026-11-01\ncloses: 2026-12-31", "第一条 为了加强电梯安全工作，制定本条例。")
            + DraftFile("b", "reading: 二审\nprevious: a\nopens: 2026-11-01\ncloses: 2026-12-31", "第一条 为了加强电梯安全工作，制定本条例。"));

        Assert.Contains(site.Report.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.UnknownDraft && d.Message.Contains("循环"));
    }
}
