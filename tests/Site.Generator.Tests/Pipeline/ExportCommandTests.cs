using System.Diagnostics;
using System.Text;
using MiniExcelLibs;
using Site.Intake.Storage;

namespace Site.Generator.Tests.Pipeline;

/// <summary>`site export`: the office exports a draft's comments on the server, without the HTTP token.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "export-test-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Export_Csv_HasEveryCommentWithContactsAndABom()
    {
        var receipts = await StoreAsync(
            new NewComment("wuye", "第三条", "建议明确物业费公示的期限。", "李明", "13800000001", "居民", null, "p1", DateTimeOffset.Now),
            new NewComment("wuye", null, "=HYPERLINK(\"x\") 整体赞成", null, null, null, null, "p2", DateTimeOffset.Now),
            new NewComment("other", null, "另一部草案的意见。", null, null, null, null, "p3", DateTimeOffset.Now));
        var file = Path.Combine(_root, "out", "wuye.csv");
        // --out never makes its folder (Export_OutIntoAMissingFolder_…): the office makes it first.
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        var (exit, output) = await RunAsync("export", "--root", _root, "--draft", "wuye", "--format", "csv", "--out", file);

        Assert.True(exit == 0, output);
        Assert.Contains("已导出 2 条意见", output);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains(receipts[0], text);
        Assert.Contains("13800000001", text);
        Assert.Contains("\"'=HYPERLINK", text);
        Assert.DoesNotContain("另一部草案", text);
        Assert.False(File.Exists(file + ".part"));
    }

    [Fact]
    public async Task Export_Xlsx_OpensWithChineseHeadersAndOneRowPerComment()
    {
        var receipts = await StoreAsync(
            new NewComment("wuye", "第五条", "停车位的收费应当听证。", "王芳", "wang@example.com", null, null, "p1", DateTimeOffset.Now));
        var file = Path.Combine(_root, "wuye.xlsx");

        var (exit, output) = await RunAsync("export", "--root", _root, "--draft", "wuye", "--out", file);

        Assert.True(exit == 0, output);
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(receipts[0], row["回执编号"]);
        Assert.Equal("第五条", row["条文"]);
        Assert.Equal("wang@example.com", row["联系方式"]);
    }

    [Fact]
    public async Task Export_UnknownDraftOrNoStore_FailsWithAReason()
    {
        var (noStore, noStoreOutput) = await RunAsync("export", "--root", _root, "--draft", "wuye");
        Assert.Equal(1, noStore);
        Assert.Contains("找不到意见数据库", noStoreOutput);

        await StoreAsync(new NewComment("wuye", null, "一条意见的内容。", null, null, null, null, "p1", DateTimeOffset.Now));
        var (unknown, unknownOutput) = await RunAsync("export", "--root", _root, "--draft", "no-such-draft", "--out", Path.Combine(_root, "x.csv"), "--format", "csv");
        Assert.Equal(1, unknown);
        Assert.Contains("没有这部法规草案：no-such-draft", unknownOutput);
        Assert.False(File.Exists(Path.Combine(_root, "x.csv")));

        var (badFormat, badFormatOutput) = await RunAsync("export", "--root", _root, "--draft", "wuye", "--format", "pdf");
        Assert.NotEqual(0, badFormat);
        Assert.Contains("pdf", badFormatOutput);
    }

    [Fact]
    public async Task Export_WithoutOut_WritesUnderDataExports_NotTheWorkingFolder()
    {
        await StoreAsync(new NewComment("wuye", null, "一条意见的内容。", "李明", "13800000001", null, null, "p1", DateTimeOffset.Now));
        var working = Path.Combine(_root, "working");
        Directory.CreateDirectory(working);

        var (exit, output) = await RunInAsync(working, "export", "--root", _root, "--draft", "wuye", "--format", "csv");

        Assert.True(exit == 0, output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(working));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, ".data", "exports")));
        Assert.Matches(@"^wuye-comments-\d{8}-\d{6}\.csv$", Path.GetFileName(file));
        Assert.Contains(file, output);
    }

    [Fact]
    public async Task Export_DraftThatIsAPath_IsRefusedAndWritesNothing()
    {
        await StoreAsync(new NewComment("wuye", null, "一条意见的内容。", null, null, null, null, "p1", DateTimeOffset.Now));

        var (exit, output) = await RunAsync("export", "--root", _root, "--draft", "../../wuye", "--format", "csv");

        Assert.Equal(1, exit);
        Assert.Contains("法规草案编号不对", output);
        Assert.False(Directory.Exists(Path.Combine(_root, ".data", "exports")));
    }

    // Fresh testers: `export --out content/…` wrote citizens' contacts where the next build (or `serve`
    // at once) published them. Every verb that writes a file refuses a path inside content/, input/,
    // theme/, _site/ or any built site, after resolving "..", and through a symbolic link.
    [Fact]
    public async Task WritingVerbs_RefuseOutputWhereTheSitePublishesIt()
    {
        await StoreAsync(new NewComment("wuye", null, "一条意见的内容。", "李明", "13800000001", null, null, "p1", DateTimeOffset.Now));
        foreach (var folder in new[] { "content", "input", "theme", "_site", "elsewhere/public" })
        {
            Directory.CreateDirectory(Path.Combine(_root, folder));
        }

        // A site built with --out elsewhere/public: known by the manifest every build writes.
        File.WriteAllText(Path.Combine(_root, "elsewhere", "public", "site-manifest.json"), "{}");
        Directory.CreateDirectory(Path.Combine(_root, "exports"));
        File.CreateSymbolicLink(Path.Combine(_root, "exports", "link"), Path.Combine(_root, "_site"));

        var attempts = new (string[] Arguments, string Target)[]
        {
            (["export", "--root", _root, "--draft", "wuye", "--format", "csv", "--out", Path.Combine(_root, "content", "a.csv")], "content/"),
            (["export", "--root", _root, "--draft", "wuye", "--out", Path.Combine(_root, "exports", "..", "input", "deputies", "a.xlsx")], "input/"),
            (["export", "--root", _root, "--draft", "wuye", "--out", Path.Combine(_root, "exports", "link", "a.xlsx")], "_site/"),
            (["messages", "export", "--root", _root, "--out", Path.Combine(_root, "theme", "m.xlsx")], "theme/"),
            (["messages", "export", "--root", _root, "--out", Path.Combine(_root, "elsewhere", "public", "files", "m.xlsx")], "site-manifest.json"),
            (["template", "--root", _root, "--out", Path.Combine(_root, "input", "deputies", "名单.xlsx")], "input/"),
        };
        foreach (var (arguments, target) in attempts)
        {
            var (exit, output) = await RunAsync(arguments);
            Assert.True(exit == 1, output);
            Assert.Contains("--out：不能把", output);
            Assert.Contains(target, output);
            Assert.Contains(Path.GetFullPath(arguments[^1]), output);
        }

        // An existing folder is not a file name: refused before anything is written (no contacts left in a .part file).
        foreach (var arguments in new[] { new[] { "export", "--root", _root, "--draft", "wuye", "--out", Path.Combine(_root, "exports") }, ["messages", "export", "--root", _root, "--out", Path.Combine(_root, "exports")] })
        {
            var (exit, output) = await RunAsync(arguments);
            Assert.True(exit == 1, output);
            Assert.Contains("是一个文件夹", output);
        }

        var written = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".data", StringComparison.Ordinal)).ToList();
        Assert.Equal([Path.Combine(_root, "elsewhere", "public", "site-manifest.json")], written);

        // Outside those folders the same verbs write as before.
        var (fine, fineOutput) = await RunAsync("export", "--root", _root, "--draft", "wuye", "--format", "csv", "--out", Path.Combine(_root, "exports", "a.csv"));
        Assert.True(fine == 0, fineOutput);
        var (template, templateOutput) = await RunAsync("template", "--root", _root, "--out", Path.Combine(_root, "exports", "名单.xlsx"));
        Assert.True(template == 0, templateOutput);
    }

    // Testers: `--out /nonexistent/dir/x.xlsx` made the folder without a word, and `messages export --out x.csv`
    // wrote an .xlsx under a .csv name. The folder must exist; the extension decides the format; others are refused.
    [Fact]
    public async Task Export_OutIntoAMissingFolderOrWithAnotherExtension_IsRefused_AndCsvIsCsv()
    {
        await StoreAsync(new NewComment("wuye", "article-3", "建议明确物业费公示的期限。", "李明", "13800000001", null, null, "p1", DateTimeOffset.Now));
        using (var messages = new SqliteMessageStore(Path.Combine(_root, ".data", "comments.db")))
        {
            await messages.WriteBatchAsync([new NewMessage(RecipientKind.Deputy, "D0001", "S01", "村口路灯坏了三个月，请代表帮忙反映。", "王秀兰", "013812345678", true, null, "p9", DateTimeOffset.Now)], CancellationToken.None);
        }

        var missing = Path.Combine(_root, "nonexistent", "dir");
        var refusals = new (string[] Arguments, string Said)[]
        {
            (["export", "--root", _root, "--draft", "wuye", "--out", Path.Combine(missing, "x.xlsx")], $"--out：文件夹 {missing} 不存在"),
            (["messages", "export", "--root", _root, "--out", Path.Combine(missing, "m.xlsx")], $"--out：文件夹 {missing} 不存在"),
            (["template", "--root", _root, "--out", Path.Combine(missing, "名单.xlsx")], $"--out：文件夹 {missing} 不存在"),
            (["messages", "export", "--root", _root, "--out", Path.Combine(_root, "m.xls")], "--out：不能写成 .xls 文件"),
            (["messages", "export", "--root", _root, "--out", Path.Combine(_root, "m.txt")], "只能导出 .xlsx 或 .csv"),
            (["messages", "export", "--root", _root, "--out", Path.Combine(_root, "留言")], "没有扩展名"),
            (["export", "--root", _root, "--draft", "wuye", "--out", Path.Combine(_root, "x.pdf")], "--out：不能写成 .pdf 文件"),
            (["export", "--root", _root, "--draft", "wuye", "--format", "xlsx", "--out", Path.Combine(_root, "x.csv")], "--format xlsx 与 --out 的扩展名 .csv 不一致"),
        };
        foreach (var (arguments, said) in refusals)
        {
            var (exit, output) = await RunAsync(arguments);
            Assert.True(exit == 1, output);
            Assert.Contains(said, output);
        }

        Assert.False(Directory.Exists(Path.Combine(_root, "nonexistent")));
        Assert.Empty(Directory.EnumerateFiles(_root));

        var messagesCsv = Path.Combine(_root, "留言.csv");
        var commentsCsv = Path.Combine(_root, "意见.CSV");
        var messagesXlsx = Path.Combine(_root, "留言.xlsx");
        var (csvExit, csvOutput) = await RunAsync("messages", "export", "--root", _root, "--out", messagesCsv);
        var (commentsExit, commentsOutput) = await RunAsync("export", "--root", _root, "--draft", "wuye", "--out", commentsCsv);
        var (xlsxExit, xlsxOutput) = await RunAsync("messages", "export", "--root", _root, "--out", messagesXlsx);

        Assert.True(csvExit == 0, csvOutput);
        Assert.Contains("（CSV，含联系方式", csvOutput);
        var bytes = File.ReadAllBytes(messagesCsv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("回执编号,收到日期,代表/联络站,留言内容,姓名,联系方式,希望答复,是否同意公开,状态,承办单位,答复内容,答复日期,是否公开", lines[0]);
        Assert.Contains("\"村口路灯坏了三个月，请代表帮忙反映。\"", lines[1]);
        Assert.Contains("\"=\"\"013812345678\"\"\"", lines[1]);
        Assert.True(commentsExit == 0, commentsOutput);
        Assert.StartsWith("\uFEFF回执编号,渠道", Encoding.UTF8.GetString(File.ReadAllBytes(commentsCsv)));
        Assert.True(xlsxExit == 0, xlsxOutput);
        Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(messagesXlsx)[..2]);
        Assert.Equal("王秀兰", MiniExcel.Query(messagesXlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().Single()["姓名"]);
    }

    // Testers: a mistaken offline import could not be undone. The import prints its batch; `import undo`
    // removes that batch's comments, printing each, refuses after an export without --force, and keeps the rest.
    [Fact]
    public async Task Import_PrintsItsBatch_AndImportUndoRemovesExactlyIt()
    {
        Directory.CreateDirectory(Path.Combine(_root, "_intake"));
        var draft = new Site.Contracts.DraftEntry("wuye", "湘潭县物业管理条例（草案）", "/drafts/wuye/", DateTimeOffset.Now.AddDays(-30), DateTimeOffset.Now.AddDays(-1),
            [new("article-1", "第一条"), new("article-2", "第二条"), new("article-3", "第三条")]);
        File.WriteAllText(Path.Combine(_root, "_intake", Site.Contracts.DraftManifest.FileName),
            System.Text.Json.JsonSerializer.Serialize(new Site.Contracts.DraftManifest([draft]), Site.Contracts.DraftManifest.Json));
        var online = await StoreAsync(new NewComment("wuye", "article-3", "网上提交的意见，撤销导入时要留下。", "李明", "13800000001", null, null, "p1", DateTimeOffset.Now));
        using (var messages = new SqliteMessageStore(Path.Combine(_root, ".data", "comments.db")))
        {
            await messages.WriteBatchAsync([new NewMessage(RecipientKind.Deputy, "D0001", "S01", "村口路灯坏了三个月，请代表帮忙反映。", "王秀兰", "13812345678", true, null, "p9", DateTimeOffset.Now)], CancellationToken.None);
        }

        var day = DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var sheet = Path.Combine(_root, "错导的意见.xlsx");
        MiniExcel.SaveAs(sheet, new[]
        {
            new Dictionary<string, object?> { ["渠道"] = "来信", ["收到日期"] = day, ["条款"] = "第三条", ["意见内容"] = "建议保留书面表决的方式。" },
            new Dictionary<string, object?> { ["渠道"] = "电话", ["收到日期"] = day, ["条款"] = "", ["意见内容"] = "支持尽快出台。" },
        });

        var (importExit, imported) = await RunAsync("import", "--root", _root, "--draft", "wuye", "--file", sheet);
        var batch = System.Text.RegularExpressions.Regex.Match(imported, @"导入批次：(PC\d{6}-[0-9A-Z]{4})").Groups[1].Value;
        var (exportExit, exported) = await RunAsync("export", "--root", _root, "--draft", "wuye");
        var (refusedExit, refused) = await RunAsync("import", "undo", batch, "--root", _root);
        var (noBatchExit, noBatch) = await RunAsync("import", "undo", "--root", _root);
        var (undoExit, undo) = await RunAsync("import", "undo", batch, "--root", _root, "--force");

        Assert.True(importExit == 0, imported);
        Assert.Contains($"site import undo {batch}", imported);
        Assert.True(exportExit == 0, exported);
        Assert.Equal(1, refusedExit);
        Assert.Contains($"错误：没有撤销批次 {batch}", refused);
        Assert.Contains("--force", refused);
        Assert.Equal(1, noBatchExit);
        Assert.Contains("缺少 <批次号>", noBatch);
        Assert.True(undoExit == 0, undo);
        Assert.Contains("已删除：YJ", undo);
        Assert.Contains("来信", undo);
        Assert.Contains("电话", undo);
        Assert.Contains($"已撤销批次 {batch}（《湘潭县物业管理条例（草案）》，文件 错导的意见.xlsx", undo);
        Assert.Contains("删除了 2 条意见", undo);

        using var store = new SqliteCommentStore(Path.Combine(_root, ".data", "comments.db"));
        var left = new List<StoredComment>();
        await foreach (var row in store.ExportAsync("wuye", CancellationToken.None))
        {
            left.Add(row);
        }

        Assert.Equal(online, left.Select(c => c.Receipt));
        using var messageStore = new SqliteMessageStore(Path.Combine(_root, ".data", "comments.db"));
        Assert.Single(await ToListAsync(messageStore.ListAsync(null, CancellationToken.None)));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    // Fresh testers: any staff token was taken. `serve` hosts the same endpoint, so a weak one stops it
    // too (exit 1, naming the setting) before it listens; no token leaves the HTTP export off.
    [Fact]
    public async Task Serve_WithAWeakStaffToken_RefusesToStart()
    {
        Directory.CreateDirectory(Path.Combine(_root, "content"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "site.dll"));
        foreach (var argument in new[] { "serve", "--root", _root, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Intake__ExportToken"] = "renda2026";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        var error = await stderr;
        Assert.Contains("Intake:ExportToken", error);
        Assert.Contains("至少要 24 个字符", error);
        Assert.DoesNotContain("预览地址", await stdout);
    }

    // #26: views received offline are imported from the office's sheet; a bad sheet stores nothing, a second run nothing twice.
    [Fact]
    public async Task Import_OfflineViews_BadSheetStoresNothing_GoodSheetOnce()
    {
        Directory.CreateDirectory(Path.Combine(_root, "_intake"));
        var draft = new Site.Contracts.DraftEntry("wuye", "湘潭县物业管理条例（草案）", "/drafts/wuye/", DateTimeOffset.Now.AddDays(-30), DateTimeOffset.Now.AddDays(-1),
            [new("article-1", "第一条"), new("article-2", "第二条"), new("article-3", "第三条")]);
        File.WriteAllText(Path.Combine(_root, "_intake", Site.Contracts.DraftManifest.FileName),
            System.Text.Json.JsonSerializer.Serialize(new Site.Contracts.DraftManifest([draft]), Site.Contracts.DraftManifest.Json));
        // Received within the consultation period and before today (a later 收到日期 is an error).
        var letter = DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var station = DateTime.Today.AddDays(-8).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        var bad = Path.Combine(_root, "坏表.xlsx");
        var good = Path.Combine(_root, "线下意见.xlsx");
        MiniExcel.SaveAs(bad, new[]
        {
            new Dictionary<string, object?> { ["渠道"] = "来信", ["收到日期"] = letter, ["条款"] = "第三条", ["意见内容"] = "建议保留书面表决的方式。" },
            new Dictionary<string, object?> { ["渠道"] = "来信", ["收到日期"] = letter, ["条款"] = "第八条", ["意见内容"] = "草案没有第八条。" },
        });
        MiniExcel.SaveAs(good, new[]
        {
            new Dictionary<string, object?> { ["渠道"] = "来信", ["收到日期"] = letter, ["条款"] = "第三条", ["意见内容"] = "建议保留书面表决的方式。" },
            new Dictionary<string, object?> { ["渠道"] = "基层立法联系点", ["收到日期"] = station, ["条款"] = "2", ["意见内容"] = "建议写明适用于农村集中居住区。" },
        });

        var (badExit, badOutput) = await RunAsync("import", "--root", _root, "--draft", "wuye", "--file", bad);
        var noStore = File.Exists(Path.Combine(_root, ".data", "comments.db"));
        var (exit, output) = await RunAsync("import", "--root", _root, "--draft", "wuye", "--file", good);
        var (againExit, again) = await RunAsync("import", "--root", _root, "--draft", "wuye", "--file", good);
        var file = Path.Combine(_root, "out.xlsx");
        var (exportExit, _) = await RunAsync("export", "--root", _root, "--draft", "wuye", "--out", file);

        Assert.Equal(1, badExit);
        Assert.Contains("错误：坏表.xlsx，工作表“Sheet1”，第 3 行，“条款”列（C 列）：《湘潭县物业管理条例（草案）》没有第八条", badOutput);
        Assert.Contains("本次没有导入任何意见", badOutput);
        Assert.False(noStore);
        Assert.True(exit == 0, output);
        Assert.Contains("新导入 2 条意见", output);
        Assert.True(againExit == 0, again);
        Assert.Contains("新导入 0 条意见，2 条此前已导入", again);
        Assert.Equal(0, exportExit);
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["第三条", "第二条"], rows.Select(r => r["条文"]));
        Assert.Equal(["来信", "基层立法联系点"], rows.Select(r => r["渠道"]));
    }

    [Fact]
    public async Task CommandLine_HelpAndMissingOption_AreInChinese()
    {
        var (helpExit, help) = await RunAsync("--help");
        var (exportHelpExit, exportHelp) = await RunAsync("export", "--help");
        var (missingExit, missing) = await RunAsync("export", "--root", _root);

        Assert.Equal(0, helpExit);
        Assert.Contains("说明：", help);
        Assert.Contains("template", help);
        Assert.Equal(0, exportHelpExit);
        Assert.Contains("--draft <编号>（必填）", exportHelp);
        Assert.Equal(1, missingExit);
        Assert.Contains("缺少必填选项 --draft", missing);
        foreach (var english in new[] { "Description:", "Usage:", "Show help", "[default:", "REQUIRED", "is required" })
        {
            Assert.DoesNotContain(english, help + exportHelp + missing);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Stores comments the way the endpoint does, in the file `serve` uses.</summary>
    private async Task<List<string>> StoreAsync(params NewComment[] comments)
    {
        using var store = new SqliteCommentStore(Path.Combine(_root, ".data", "comments.db"));
        await store.InitializeAsync(CancellationToken.None);
        var receipts = await store.WriteBatchAsync(comments, CancellationToken.None);
        return receipts.Select(r => r.Number).ToList();
    }

    /// <summary>Runs the real command-line program, as staff would.</summary>
    private static Task<(int Exit, string Output)> RunAsync(params string[] arguments) => RunInAsync(null, arguments);

    private static async Task<(int Exit, string Output)> RunInAsync(string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? "" };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "site.dll"));
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
