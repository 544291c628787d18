using Site.Generator.Tests.Support;
using Site.Generator.Validation.Drafts;

namespace Site.Generator.Tests.Validation;

/// <summary>
/// Draft texts as they are pasted: hard-wrapped from a PDF, with citations at the start of a line, bare
/// heading lines, invisible characters, tables and attachments. Real regulations and their PDF-wrapped
/// form are in TestData (see TestData/SOURCES.md).
/// </summary>
public sealed class DraftTextWrappingTests
{
    private static string TestData => Path.Combine(SampleSite.FindRepositoryRoot(), "tests", "Site.Generator.Tests", "TestData");

    public static TheoryData<string> Regulations()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestData, "regulations"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Path.Combine(TestData, "regulations"), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Regulations))]
    public void Parse_PdfWrappedRegulation_SameArticlesAsTheCleanText(string file)
    {
        var clean = DraftTextParser.Parse(File.ReadAllText(Path.Combine(TestData, "regulations", file)));
        var wrapped = DraftTextParser.Parse(File.ReadAllText(Path.Combine(TestData, "regulations-pdf-wrapped", file)));

        Assert.Empty(wrapped.Problems);
        Assert.Equal(clean.Text.Articles.Select(a => a.Number), wrapped.Text.Articles.Select(a => a.Number));
        Assert.Equal(Enumerable.Range(1, clean.Text.Articles.Count), wrapped.Text.Articles.Select(a => a.Number));
        Assert.Equal(
            clean.Text.Chapters.Select(c => (c.Number, c.Title, c.Articles.Count, c.Sections.Count)),
            wrapped.Text.Chapters.Select(c => (c.Number, c.Title, c.Articles.Count, c.Sections.Count)));
        for (var i = 0; i < clean.Text.Articles.Count; i++)
        {
            // A printed line that happens to end in "。" inside a paragraph cannot be told from a paragraph's
            // end, so paragraphs may split there; the article's text must be the same, character for character.
            Assert.Equal(string.Concat(clean.Text.Articles[i].Paragraphs), string.Concat(wrapped.Text.Articles[i].Paragraphs));
            Assert.True(wrapped.Text.Articles[i].Paragraphs.Count >= clean.Text.Articles[i].Paragraphs.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Regulations))]
    public void Parse_CleanRegulation_CountsOfItsIndexAndNoProblems(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestData, "regulations", file));

        var counts = File.ReadAllLines(Path.Combine(TestData, "regulations", "index.csv")).Skip(1)
            .Select(l => l.Split(',')).Single(c => c[0] == file.Replace('\\', '/'));

        var result = DraftTextParser.Parse(text);

        Assert.Empty(result.Problems);
        Assert.Equal(int.Parse(counts[4]), result.Text.Chapters.Count(c => c.Number > 0));
        Assert.Equal(int.Parse(counts[5]), result.Text.Chapters.Sum(c => c.Sections.Count));
        Assert.Equal(int.Parse(counts[6]), result.Text.Articles.Count);
        Assert.All(result.Text.Articles.SelectMany(a => a.Paragraphs), p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void Parse_HardWrappedParagraph_IsJoinedWithoutSpaces()
    {
        var result = DraftTextParser.Parse("第一条 为了规范物业管理活动，维护业主\n和物业服务人的合法权益，制定本\n条例。\n第二条 本条例适用于\n本县。");

        Assert.Equal(["为了规范物业管理活动，维护业主和物业服务人的合法权益，制定本条例。"], result.Text.Articles[0].Paragraphs);
        Assert.Equal(["本条例适用于本县。"], result.Text.Articles[1].Paragraphs);
    }

    [Fact]
    public void Parse_LonePunctuationLine_JoinsThePreviousParagraph()
    {
        var result = DraftTextParser.Parse("第一条 本条例自公布之日起施行\n。");

        Assert.Equal(["本条例自公布之日起施行。"], result.Text.Articles[0].Paragraphs);
    }

    [Fact]
    public void Parse_ItemsAfterAnOpenLine_StartParagraphsOfTheirOwn()
    {
        var result = DraftTextParser.Parse("第一条 业主享有下列权利\n（一）参加业主大会\n（二）监督公共收益\n1.按月公布\n一、其他");

        Assert.Equal(["业主享有下列权利", "（一）参加业主大会", "（二）监督公共收益", "1.按月公布", "一、其他"], result.Text.Articles[0].Paragraphs);
    }

    [Fact]
    public void Parse_WrappedLatinWords_KeepTheirSpace()
    {
        var result = DraftTextParser.Parse("第一条 通过 WeChat\nMini Program 提交，共\n12\n3 条。");

        Assert.Equal(["通过 WeChat Mini Program 提交，共123 条。"], result.Text.Articles[0].Paragraphs);
    }

    [Fact]
    public void Parse_LineStartingWithACitation_DoesNotStartThatArticle()
    {
        var result = DraftTextParser.Parse("第一条 甲。\n第二条 违反本条例规定的，依照\n第四条的规定予以处罚。\n第三条 丙。\n第四条 丁。");

        Assert.Equal([1, 2, 3, 4], result.Text.Articles.Select(a => a.Number));
        Assert.Equal(["违反本条例规定的，依照第四条的规定予以处罚。"], result.Text.Articles[1].Paragraphs);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData("第三条第二款")]
    [InlineData("第三条、第五条")]
    [InlineData("第三条规定")]
    public void Parse_CitationAfterAFinishedSentence_IsAParagraphNotAnArticle(string citation)
    {
        var result = DraftTextParser.Parse($"第一条 甲。\n第二条 乙。\n{citation}的情形，按此办理。\n第三条 丙。");

        Assert.Equal([1, 2, 3], result.Text.Articles.Select(a => a.Number));
        Assert.Equal(["乙。", $"{citation}的情形，按此办理。"], result.Text.Articles[1].Paragraphs);
    }

    [Fact]
    public void Parse_LineStartingWithAChapterCitation_IsNoChapter()
    {
        var result = DraftTextParser.Parse("第一章 总则\n第一条 违反本条例\n第三章有关规定的，予以处罚。\n第二条 依照本条例\n第二章的规定办理。\n第二章 附则\n第三条 丙。");

        Assert.Equal(["总则", "附则"], result.Text.Chapters.Select(c => c.Title));
        Assert.Equal(["违反本条例第三章有关规定的，予以处罚。"], result.Text.Articles[0].Paragraphs);
        Assert.Equal(["依照本条例第二章的规定办理。"], result.Text.Articles[1].Paragraphs);
    }

    [Fact]
    public void Parse_ArticleNumberSkipped_WarnsAndKeepsIt()
    {
        var result = DraftTextParser.Parse("第一条 甲。\n第三条 丙。", firstLine: 10);

        Assert.Equal([1, 3], result.Text.Articles.Select(a => a.Number));
        Assert.Equal(11, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public void Parse_BareHeadingLines_BecomeHeadingsOfTheirOwn()
    {
        var result = DraftTextParser.Parse("# 某规定\n第一条 甲。\n法律责任\n第二条 乙。\n\n附则\n\n第三条 丙。");

        Assert.Equal(["", "法律责任", "附则"], result.Text.Chapters.Select(c => c.Title));
        Assert.Equal(["chapter-0", "part-1", "part-2"], result.Text.Chapters.Select(c => c.Anchor));
        Assert.Equal([[1], [2], [3]], result.Text.Chapters.Select(c => c.Articles.ToArray()));
        Assert.Equal(["甲。"], result.Text.Articles[0].Paragraphs);
    }

    [Fact]
    public void Parse_BareHeadingNotFollowedByTheNextArticle_StaysAParagraphWithAWarningNamingTheLine()
    {
        var result = DraftTextParser.Parse("第一条 甲。\n附　则\n第三条 丙。", firstLine: 20);

        Assert.Equal(["甲。", "附　则"], result.Text.Articles[0].Paragraphs);
        Assert.Contains(result.Problems, p => p.Line == 21 && p.Message.Contains("附　则"));
    }

    [Fact]
    public void Parse_ZeroWidthCharacters_AreStrippedAndNamedInTheWarning()
    {
        var result = DraftTextParser.Parse("第一条 甲\u200B乙。\n\u200B\n第二条 丙。", firstLine: 5);

        Assert.Equal(["甲乙。"], result.Text.Articles[0].Paragraphs);
        Assert.Equal(["丙。"], result.Text.Articles[1].Paragraphs);
        Assert.Equal([5, 6], result.Problems.Select(p => p.Line));
        Assert.All(result.Problems, p => Assert.Contains("U+200B（零宽空格）", p.Message));
        Assert.All(result.Problems, p => Assert.DoesNotContain('\u200B', p.Message));
    }

    [Fact]
    public void Visible_NamesWhatItCannotShow()
    {
        Assert.Equal("甲[U+200D（零宽连字）]乙", DraftTextParser.Visible("甲\u200D乙"));
        Assert.Equal("（只有空白字符 U+3000）", DraftTextParser.Visible("\u3000"));
    }

    [Fact]
    public void Parse_Table_IsOneParagraphOfRows()
    {
        var result = DraftTextParser.Parse("第一条 收费标准如下：\n| 类别 | 标准 |\n|---|---|\n| 住宅 | 1.2元 |\n第二条 乙。");

        Assert.Equal(["收费标准如下：", "| 类别 | 标准 |\n|---|---|\n| 住宅 | 1.2元 |"], result.Text.Articles[0].Paragraphs);
        var table = Site.Theme.ViewModels.DraftTable.Parse(result.Text.Articles[0].Paragraphs[1])!;
        Assert.Equal(["类别", "标准"], table.Header);
        Assert.Equal(["住宅", "1.2元"], Assert.Single(table.Rows));
    }

    [Fact]
    public void Parse_AttachmentAfterTheLastArticle_IsItsOwnSection()
    {
        var result = DraftTextParser.Parse("第一条 甲。\n第二条 本条例自公布之日起施行。\n\n附件：物业服务收费标准\n| 类别 | 标准 |\n|---|---|\n| 住宅 | 1.2元 |\n说明文字。");

        Assert.Equal(["本条例自公布之日起施行。"], result.Text.Articles[1].Paragraphs);
        var attachment = Assert.Single(result.Text.Attachments);
        Assert.Equal("附件 物业服务收费标准", attachment.Title);
        Assert.Equal("attachment-1", attachment.Anchor);
        Assert.Equal(2, attachment.Paragraphs.Count);
    }
}
