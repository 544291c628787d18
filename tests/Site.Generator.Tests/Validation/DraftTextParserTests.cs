using Site.Generator.Validation.Drafts;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Validation;

/// <summary>The legal-text parser on real regulations (TestData/regulations) and on the quirks of real texts.</summary>
public sealed class DraftTextParserTests
{
    public static TheoryData<string, int, int, int> Regulations()
    {
        var data = new TheoryData<string, int, int, int>();
        var folder = TestData.Regulations;
        var index = File.ReadAllLines(Path.Combine(folder, "index.csv")).Skip(1);
        foreach (var line in index)
        {
            var cells = line.Split(',');
            data.Add(cells[0], int.Parse(cells[4]), int.Parse(cells[5]), int.Parse(cells[6]));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Regulations))]
    public void Parse_RealRegulation_FindsEveryChapterSectionAndArticle(string file, int chapters, int sections, int articles)
    {
        var folder = TestData.Regulations;
        var path = Directory.EnumerateFiles(folder, file, SearchOption.AllDirectories).Single();

        var result = DraftTextParser.Parse(File.ReadAllText(path));

        Assert.Equal(chapters, result.Text.Chapters.Count(c => c.Number > 0));
        Assert.Equal(sections, result.Text.Chapters.Sum(c => c.Sections.Count));
        Assert.Equal(articles, result.Text.Articles.Count);
        Assert.Equal(Enumerable.Range(1, articles), result.Text.Articles.Select(a => a.Number));
        Assert.All(result.Text.Articles, a => Assert.NotEmpty(a.Paragraphs));
    }

    [Theory]
    [InlineData("第一章 总则\n第一条 甲。\n第二条 乙。")]
    [InlineData("第一章  总则\n第一条  甲。\n第二条  乙。")]
    [InlineData("第一章\u3000总则\n第一条\u3000甲。\n第二条\u3000乙。")]
    [InlineData("## 第一章 总则\n\n第一条 甲。\n\n第二条 乙。")]
    public void Parse_AnySpacing_FindsChapterAndArticles(string text)
    {
        var result = DraftTextParser.Parse(text);

        Assert.Equal("总则", Assert.Single(result.Text.Chapters).Title);
        Assert.Equal(["article-1", "article-2"], result.Text.Articles.Select(a => a.Anchor));
        Assert.Equal("甲。", result.Text.Articles[0].Paragraphs[0]);
    }

    [Fact]
    public void Parse_NoChapters_KeepsArticlesInOrder()
    {
        var result = DraftTextParser.Parse("# 某规定\n第一条 甲。\n（一）子项；\n第二条 乙。");

        Assert.Equal("某规定", result.Title);
        Assert.Empty(result.Text.Chapters);
        Assert.Equal(["甲。", "（一）子项；"], result.Text.Articles[0].Paragraphs);
    }

    [Fact]
    public void Parse_TableOfContents_IsNotTakenForChapters()
    {
        var result = DraftTextParser.Parse("# 某条例（草案）\n目录\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。");

        Assert.Equal(["总则", "附则"], result.Text.Chapters.Select(c => c.Title));
        Assert.Equal([1], result.Text.Chapters[0].Articles);
        Assert.Equal([2], result.Text.Chapters[1].Articles);
    }

    [Fact]
    public void Parse_ArticlesBeforeFirstChapterHeading_GoToAnUnnamedChapter()
    {
        var result = DraftTextParser.Parse("第一条 甲。\n第二章 管理\n第二条 乙。");

        Assert.Equal(0, result.Text.Chapters[0].Number);
        Assert.Equal([1], result.Text.Chapters[0].Articles);
        Assert.Equal([2], result.Text.Chapters[1].Articles);
    }

    [Fact]
    public void Parse_ParagraphCitingAnotherArticle_StaysInItsArticle()
    {
        var result = DraftTextParser.Parse("第一条 甲。\n第二条 乙。\n第一条规定的事项，按此办理。\n第三条 丙。");

        Assert.Equal(3, result.Text.Articles.Count);
        Assert.Contains("第一条规定的事项，按此办理。", result.Text.Articles[1].Paragraphs);
    }

    [Theory]
    [InlineData("一", 1)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("一百零五", 105)]
    [InlineData("一百一十", 110)]
    public void ChineseNumerals_ParseAndFormat_RoundTrip(string text, int number)
    {
        Assert.Equal(number, ChineseNumerals.Parse(text));
        Assert.Equal(text, ChineseNumerals.Format(number));
    }
}
