using MiniExcelLibs;
using Site.Intake.Export;
using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>
/// The comments .xlsx restores emoji and CJK Extension B a piece of each sheet at a time: texts that
/// straddle the pieces' ends come back whole, and a typed "_xD83D_" stays the text it was.
/// </summary>
public sealed class ExportAstralTests
{
    [Fact]
    public void Xlsx_ManyLongCommentsWithAstralCharacters_ComeBackAsWritten()
    {
        // 300 comments of 6,000 characters make a sheet of several megabytes: many pieces.
        string[] tails = ["😀👍🏽", "𠮷野家", "字面的 _xD83D__xDE00_ 不是表情", "普通文字"];
        var texts = Enumerable.Range(0, 300)
            .Select(i => string.Concat(Enumerable.Repeat("意见😀", 1000 + i % 7)) + tails[i % tails.Length])
            .ToList();
        var rows = texts.Select((text, i) => new ExportRow(
            new StoredComment($"YJ260301-{i:00000000}", "open-draft", "article-1", text, "张三👍", null, null, DateTimeOffset.UtcNow),
            "第一条", "网上征求意见", i + 1, 1)).ToList();

        var xlsx = ExportApi.Xlsx(rows);

        using var stream = new MemoryStream(xlsx);
        var read = stream.Query(useHeaderRow: true, sheetName: ExportApi.CommentsSheet).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(texts, read.Select(r => (string)r["意见内容"]!));
        Assert.All(read, r => Assert.Equal("张三👍", r["姓名"]));
    }
}
