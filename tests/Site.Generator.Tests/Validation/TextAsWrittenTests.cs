using System.Text;
using System.Text.RegularExpressions;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Validation;

/// <summary>
/// Headers and files as publicity staff really write them: # in a title, a commented-out header, a
/// full-width colon, a file saved as GBK, a story with five mistakes (all shown in one run), and a
/// draft whose 起草说明 states counts its text does not have.
/// </summary>
public sealed partial class TextAsWrittenTests
{
    private static string Story(string header, string body = "正文。") =>
        TestSite.MinimalConfig + "\n-- content/stories/s.md --\n---\n" + header + "\n---\n" + body;

    [Fact]
    public async Task Build_HashInAnUnquotedTitle_WarnsAtTheHashAndSaysToQuote()
    {
        using var site = await TestSite.BuildAsync(Story("title: 第12期 #代表接待日\ndate: 2026-10-16\ncolumn: 履职故事"));

        var warning = site.AssertDiagnostic("content/stories/s.md", 2, DiagnosticCodes.YamlCommentInValue, Severity.Warning);
        Assert.Equal(13, warning.Location.Column);
        Assert.Contains("\"第12期 #代表接待日\"", warning.Message);
        site.AssertFile("stories/s/index.html", "<h1>第12期</h1>");
    }

    [Theory]
    [InlineData("title: \"第12期 #代表接待日\"\ndate: 2026-10-16\ncolumn: 履职故事", "第12期 #代表接待日")]
    [InlineData("title: 第12期#代表接待日\ndate: 2026-10-16\ncolumn: 履职故事", "第12期#代表接待日")]
    [InlineData("title: 第12期\ndate: 2026-10-16\ncolumn: 履职故事\n# 以后再补作者", "第12期")]
    public async Task Build_HashThatLosesNothing_NoWarning(string header, string title)
    {
        using var site = await TestSite.BuildAsync(Story(header));

        Assert.Equal(0, site.Report.Diagnostics.Count);
        site.AssertFile("stories/s/index.html", $"<h1>{title}</h1>");
    }

    [Fact]
    public async Task Check_HeaderOfOnlyComments_IsAnErrorNotAMissingPage()
    {
        using var site = await TestSite.BuildAsync(Story("# title: 以后再发\n# date: 2026-10-16"), checkOnly: true);

        site.AssertDiagnostic("content/stories/s.md", 2, DiagnosticCodes.EmptyFrontMatter);
    }

    [Fact]
    public async Task Check_FullWidthColon_ChineseErrorOnItsLineSayingWhatToWrite_AndTheRestIsStillChecked()
    {
        using var site = await TestSite.BuildAsync(Story("title：第12期代表接待日\ndate: 2026-02-30\ncolumn: 履职故事"), checkOnly: true);

        var error = site.AssertDiagnostic("content/stories/s.md", 2, DiagnosticCodes.YamlSyntax);
        Assert.Equal(6, error.Location.Column);
        Assert.Contains("title: 第12期代表接待日", error.Message);
        site.AssertDiagnostic("content/stories/s.md", 3, DiagnosticCodes.BadDate);
        Assert.Equal(2, site.Report.Diagnostics.Count);
    }

    [Fact]
    public async Task Check_NoSpaceAfterColon_ErrorOnItsLine()
    {
        using var site = await TestSite.BuildAsync(Story("title: 接待日\ndate:2026-10-16\ncolumn: 履职故事"), checkOnly: true);

        Assert.Contains("date: 2026-10-16", site.AssertDiagnostic("content/stories/s.md", 3, DiagnosticCodes.YamlSyntax).Message);
    }

    [Fact]
    public async Task Check_BlockScalarTextWithColons_IsNotTakenForKeys()
    {
        using var site = await TestSite.BuildAsync(Story("title: 接待日\ndate: 2026-10-16\ncolumn: 履职故事\nsummary: |\n  WiFi:已开通\n  时间：上午"), checkOnly: true);

        Assert.Equal(0, site.Report.Diagnostics.Count);
    }

    [Theory]
    [InlineData("title: 会议: 乡村振兴\ndate: 2026-10-16", 2)]
    [InlineData("title: \"未闭合\ndate: 2026-10-16", 2)]
    [InlineData("title: 甲\n  date: 2026-10-16\n column: 履职故事", 3)]
    [InlineData("title: 甲\ntitle: 乙", 3)]
    [InlineData("title: 甲\ntags: [a, b\ndate: 2026-10-16", 3)]
    [InlineData("title: @某人", 2)]
    [InlineData("title: \"a\\q\"", 2)]
    public async Task Check_AnyYamlError_InChineseWithNoLibraryEnglish(string header, int line)
    {
        using var site = await TestSite.BuildAsync(Story(header), checkOnly: true);

        var error = site.Report.Diagnostics.Sorted().First(d => d.Code == DiagnosticCodes.YamlSyntax);
        Assert.Equal(line, error.Location.Line);
        Assert.DoesNotMatch(LibraryEnglish(), error.Message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}{4}", error.Message);
    }

    [Fact]
    public async Task Build_FileSavedAsGbk_ReadAsGb18030WithAWarningAndNoMojibake()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var path = Path.Combine(site.Root, "content", "stories", "gbk.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes("---\ntitle: 桂花坪村的接待日\ndate: 2026-13-01\ncolumn: 履职故事\n---\n正文。\n"));

        await site.RebuildAsync(checkOnly: true);

        var warning = site.AssertDiagnostic("content/stories/gbk.md", 1, DiagnosticCodes.NotUtf8, Severity.Warning);
        Assert.Contains("GBK", warning.Message);
        Assert.Contains("UTF-8", warning.Message);
        site.AssertDiagnostic("content/stories/gbk.md", 3, DiagnosticCodes.BadDate);
        Assert.All(site.Report.Diagnostics.Sorted(), d => Assert.DoesNotContain('\uFFFD', d.Message));
    }

    [Fact]
    public async Task Build_RecordsSavedAsGbk_ReadAsGb18030WithAWarning()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var path = Path.Combine(site.Root, "input", "stations", "stations.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes("- id: S1\n  name: 易俗河镇代表联络站\n  kind: 代表联络站\n"));

        await site.RebuildAsync();

        site.AssertDiagnostic("input/stations/stations.yaml", 1, DiagnosticCodes.NotUtf8, Severity.Warning);
        site.AssertFile("stations/index.html", "易俗河镇代表联络站");
    }

    [Fact]
    public async Task Check_FileNeitherUtf8NorGbk_ErrorSayingToSaveAsUtf8()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var path = Path.Combine(site.Root, "content", "stories", "bad.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. "---\ntitle: "u8, 0xFF, 0xFF, 0x80, .. "\n---\n"u8]);

        await site.RebuildAsync(checkOnly: true);

        Assert.Contains("UTF-8", site.AssertDiagnostic("content/stories/bad.md", 1, DiagnosticCodes.NotUtf8).Message);
        Assert.All(site.Report.Diagnostics.Sorted(), d => Assert.DoesNotContain('\uFFFD', d.Message));
    }

    private const string FiveMistakes = TestSite.MinimalConfig + """

        -- input/deputies/deputies.yaml --
        - id: D1
          name: 王建国
          gender: 男
          levels: [县]
        -- content/stories/five.md --
        ---
        title: 五处错误
        date: 2026-02-30
        column: 不存在的专栏
        deputies: [D1, D999]
        ---
        见[第一个坏链接](/nowhere/)和[第二个坏链接](other.md)。

        ![现场](missing.jpg)
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BuildOrCheck_StoryWithFiveMistakes_AllInOneRun(bool checkOnly)
    {
        using var site = await TestSite.BuildAsync(FiveMistakes, checkOnly);

        site.AssertDiagnostic("content/stories/five.md", 3, DiagnosticCodes.BadDate);
        site.AssertDiagnostic("content/stories/five.md", 4, DiagnosticCodes.UnknownColumn);
        site.AssertDiagnostic("content/stories/five.md", 5, DiagnosticCodes.UnknownDeputy);
        site.AssertDiagnostic("content/stories/five.md", 9, DiagnosticCodes.MissingImage);
        Assert.Equal(2, site.Report.Diagnostics.Sorted().Count(d => d.Code == DiagnosticCodes.BrokenLink && d.Location.Line == 7));
    }

    [Fact]
    public async Task Check_ExplanationStatingWrongCounts_Warns()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- content/drafts/d.md --
            ---
            title: 某条例（草案）
            office: 法工委
            reading: 征求意见稿
            opens: 2026-11-01
            closes: 2026-12-01
            explanation: |
              草案共四章二十条。
            ---
            第一章 总则
            第一条 甲。
            第二章 附则
            第二条 乙。
            """, checkOnly: true);

        var warning = site.AssertDiagnostic("content/drafts/d.md", 7, DiagnosticCodes.DraftStructure, Severity.Warning);
        Assert.Contains("二章二条", warning.Message);
    }

    [Fact]
    public async Task Check_ExplanationStatingTrueCounts_NoWarning()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- content/drafts/d.md --
            ---
            title: 某条例（草案）
            office: 法工委
            reading: 征求意见稿
            opens: 2026-11-01
            closes: 2026-12-01
            explanation: 草案共二章2条，第一条规定了目的。
            ---
            第一章 总则
            第一条 甲。
            第二章 附则
            第二条 乙。
            """, checkOnly: true);

        Assert.Equal(0, site.Report.Diagnostics.Count);
    }

    [Fact]
    public async Task Build_DraftPastedFromPdf_TableAttachmentAndBareHeadingsOnThePage()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- content/drafts/d.md --
            ---
            title: 某停车收费管理规定（征求意见稿）
            office: 法工委
            reading: 征求意见稿
            opens: 2026-11-01
            closes: 2026-12-31
            ---
            　　第一条 为了规范住宅小区停车收费行为，依照
            第三条的规定制定本规定。
            　　法律责任
            　　第二条 收费标准如下：
            | 车位类别 | 月收费（元） |
            |---|---|
            | 地面车位 | 60 |
            　　第三条 本规定自公布之日起施
            行。
            附件：公示牌样式
            　　公示牌设在小区出入口。
            """);

        site.AssertNoErrors();
        var page = site.Html("drafts/d/index.html");
        Assert.Equal(["article-1", "article-2", "article-3"], page.QuerySelectorAll("section.article").Select(a => a.Id));
        Assert.Contains("依照第三条的规定制定本规定。", page.QuerySelector("#article-1")!.TextContent);
        Assert.Equal("法律责任", page.QuerySelector("#part-1")!.TextContent);
        Assert.Equal(["车位类别", "月收费（元）"], page.QuerySelectorAll("#article-2 th").Select(c => c.TextContent));
        Assert.Equal(["地面车位", "60"], page.QuerySelectorAll("#article-2 td").Select(c => c.TextContent));
        Assert.Contains("本规定自公布之日起施行。", page.QuerySelector("#article-3")!.TextContent);
        Assert.Equal("附件 公示牌样式", page.QuerySelector("#attachment-1 h2")!.TextContent);
        Assert.Equal("公示牌设在小区出入口。", page.QuerySelector("#attachment-1 p")!.TextContent);
        Assert.DoesNotContain("|", page.QuerySelector(".legal-text")!.TextContent);
        using var index = Site.Search.SearchIndex.Open(Path.Combine(site.IntakeFolder, "index"));
        Assert.Contains(index.Search(new Site.Search.SearchRequest("依照第三条的规定")).Hits, h => h.Url.EndsWith("#article-1", StringComparison.Ordinal));
        Assert.Contains(index.Search(new Site.Search.SearchRequest("地面车位")).Hits, h => h.Url.EndsWith("#article-2", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?i)\b(while|found|expected|mapping|scalar|token|stream|key)\b")]
    private static partial Regex LibraryEnglish();
}
