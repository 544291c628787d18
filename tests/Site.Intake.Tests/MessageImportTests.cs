using MiniExcelLibs;
using Site.Intake.Office;
using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>
/// The office's filled sheet applied to real stores (a SQLite file and PostgreSQL): sheets as offices
/// return them, idempotency, and every kind of bad row reported at once with nothing applied.
/// </summary>
public abstract class MessageImportTests
{
    protected abstract Task<IMessageStore> CreateAsync();

    /// <summary>3月2日 9:30 in Beijing.</summary>
    private static readonly DateTimeOffset Sent = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Now = new(2026, 3, 20, 2, 0, 0, TimeSpan.Zero);

    private async Task<(IMessageStore Store, string[] Receipts)> SeedAsync()
    {
        var store = await CreateAsync();
        var written = await store.WriteBatchAsync(
        [
            MessageStoreTests.Message("村口路灯坏了三个月，请代表帮忙反映。", consent: true, at: Sent),
            MessageStoreTests.Message("小区门口积水严重，希望尽快修排水沟。", consent: false, at: Sent.AddDays(1)),
            MessageStoreTests.Message("建议在镇中学门口增设减速带。", consent: true, at: Sent.AddDays(2)),
        ], CancellationToken.None);
        return (store, written.Select(r => r.Number).ToArray());
    }

    /// <summary>A sheet as rows of cells (A, B, …), the first row first: title rows and headers are rows like any other.</summary>
    private static byte[] Sheet(params object?[][] rows)
    {
        var data = rows.Select(r => r.Select((v, i) => (Key: ((char)('A' + i)).ToString(), Value: v)).ToDictionary(p => p.Key, p => p.Value)).ToList();
        var width = rows.Max(r => r.Length);
        foreach (var row in data)
        {
            for (var i = 0; i < width; i++)
            {
                row.TryAdd(((char)('A' + i)).ToString(), null);
            }
        }

        using var buffer = new MemoryStream();
        buffer.SaveAs(data, printHeader: false, sheetName: "3月留言");
        return buffer.ToArray();
    }

    [PostgresFact]
    public async Task Import_SheetAsOfficesReturnIt_AppliesEachRowAsAnEvent_AndTheSecondImportChangesNothing()
    {
        var (store, receipts) = await SeedAsync();
        using var _ = store as IDisposable;
        // A title row, columns reordered and renamed as offices write them, an extra 备注 column,
        // dates typed as text and as an Excel date, lower case and spaces around values.
        var sheet = Sheet(
            ["2026年3月群众留言办理情况", null, null, null, null, null, null],
            ["备注", "答复\n日期", "状 态", "回执编号", "承办单位", "答复内容", "是否公开"],
            ["已电话回访", "2026年3月5日", "已答复 ", receipts[0].ToLowerInvariant() + " ", "县住建局", "路灯已于3月4日修复。", "是"],
            [null, null, "已转办", receipts[1], "花石镇人民政府", null, "否"],
            [null, null, null, receipts[2], null, null, null],
            [null, new DateTime(2026, 3, 18), "已答复", receipts[2], "县交通运输局", "已在校门口两侧各设减速带一处。", null]);

        var first = await MessageImport.RunAsync(store, sheet, "3月办理情况.xlsx", Now, CancellationToken.None);

        Assert.True(first.Succeeded, string.Join("\n", first.Problems));
        Assert.Equal((3, 0), (first.Applied, first.Unchanged));
        var answered = (await store.FindAsync(receipts[0], CancellationToken.None))!;
        Assert.Equal((MessageStatus.Answered, "县住建局", "路灯已于3月4日修复。", new DateOnly(2026, 3, 5), true),
            (answered.Status, answered.Unit, answered.Reply, answered.RepliedOn, answered.OfficePublic));
        Assert.Equal("3月办理情况.xlsx", Assert.Single(answered.History).Source);
        var referred = (await store.FindAsync(receipts[1], CancellationToken.None))!;
        Assert.Equal((MessageStatus.Referred, "花石镇人民政府", (string?)null), (referred.Status, referred.Unit, referred.Reply));
        Assert.Equal(new DateOnly(2026, 3, 18), (await store.FindAsync(receipts[2], CancellationToken.None))!.RepliedOn);

        var second = await MessageImport.RunAsync(store, sheet, "3月办理情况.xlsx", Now.AddHours(1), CancellationToken.None);

        Assert.True(second.Succeeded, string.Join("\n", second.Problems));
        Assert.Equal((0, 3), (second.Applied, second.Unchanged));
        Assert.StartsWith("没有需要更新的内容", second.Summary);
        Assert.Single((await store.FindAsync(receipts[0], CancellationToken.None))!.History);
    }

    [PostgresFact]
    public async Task Import_TheExportedSheetUntouched_ChangesNothing_AndFilledInItAppliesAndExportsBack()
    {
        var (store, receipts) = await SeedAsync();
        using var _ = store as IDisposable;
        var (exported, count) = await MessageExport.RenderAsync(store, IntakeApplication.CreateDataFolder(withSearch: false), null, all: false, CancellationToken.None);
        Assert.Equal(3, count);

        var untouched = await MessageImport.RunAsync(store, exported, "留言.xlsx", Now, CancellationToken.None);
        Assert.True(untouched.Succeeded, string.Join("\n", untouched.Problems));
        Assert.Equal((0, 0, 3), (untouched.Applied, untouched.Unchanged, untouched.Untouched));

        // The office fills the exported sheet in (its 希望答复 column is read past): 状态 is column I, 承办单位 J.
        using var stream = new MemoryStream(exported);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows[1]["状态"] = "办理中";
        rows[1]["承办单位"] = "县水利局";
        using var filled = new MemoryStream();
        filled.SaveAs(rows, sheetName: "留言");

        var applied = await MessageImport.RunAsync(store, filled.ToArray(), "留言.xlsx", Now, CancellationToken.None);

        Assert.True(applied.Succeeded, string.Join("\n", applied.Problems));
        Assert.Equal((1, 2), (applied.Applied, applied.Untouched));
        var (again, _) = await MessageExport.RenderAsync(store, IntakeApplication.CreateDataFolder(withSearch: false), null, all: false, CancellationToken.None);
        using var back = new MemoryStream(again);
        var row = back.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single(r => (string?)r["回执编号"] == receipts[1]);
        Assert.Equal(("办理中", "县水利局"), (row["状态"], row["承办单位"]));
    }

    [PostgresFact]
    public async Task Import_EveryKindOfBadRow_IsReportedTogetherWithItsPlace_AndNothingIsApplied()
    {
        var (store, receipts) = await SeedAsync();
        using var _ = store as IDisposable;
        var sheet = Sheet(
            ["回执编号", "状态", "承办单位", "答复内容", "答复日期", "是否公开"],
            [receipts[0], "已转办", "县住建局", null, null, "否"],                          // 2: fine on its own
            ["LY260302-ZZZZZZZZ", "已转办", "县住建局", null, null, null],                 // 3: unknown receipt
            [receipts[1], "已处理", null, null, null, null],                               // 4: unknown 状态
            [receipts[2], "已答复", null, "已设减速带。", "下周", null],                   // 5: not a date
            [receipts[2], "已答复", null, "已设减速带。", "2026-03-01", null],             // 6: receipt twice
            [receipts[1], "已答复", "县水利局", null, "2026-03-10", null],                 // 7: 已答复 without reply (and twice)
            ["LY260304-AAAAAAAA", "办理中", null, null, null, "公开"],                     // 8: unknown receipt, 是否公开 not 是/否
            [null, "已办结", null, null, null, null],                                      // 9: no receipt
            ["YJ260302-7KQ2M9PX", "已转办", null, null, null, null],                       // 10: a comment's receipt
            ["LY2603", "已转办", null, null, null, null]);                                 // 11: malformed
        var before = await store.ListAsync(null, CancellationToken.None).ToListAsync();

        var report = await MessageImport.RunAsync(store, sheet, "办理表.xlsx", Now, CancellationToken.None);

        Assert.False(report.Succeeded);
        Assert.StartsWith("发现", report.Summary);
        Assert.Contains("没有导入任何内容", report.Summary);
        var lines = report.Problems.Where(p => p.IsError).Select(p => p.ToString()).ToList();
        void Has(int row, string column, string words) =>
            Assert.Contains(lines, l => l.StartsWith($"办理表.xlsx，工作表“3月留言”，第 {row} 行，“{column}”列（", StringComparison.Ordinal) && l.Contains(words, StringComparison.Ordinal));
        Has(3, "回执编号", "没有回执编号为 LY260302-ZZZZZZZZ 的留言");
        Has(4, "状态", "状态只能填 已转办、办理中、已答复、已办结 之一，这里是“已处理”");
        Has(5, "答复日期", "不是日期：“下周”");
        Has(6, "回执编号", "出现了两次（第 5 行也是）");
        Has(7, "回执编号", "出现了两次（第 4 行也是）");
        Has(8, "回执编号", "没有回执编号为 LY260304-AAAAAAAA 的留言");
        Has(8, "是否公开", "只能填“是”或“否”，这里是“公开”");
        Has(9, "回执编号", "没有回执编号");
        Has(10, "回执编号", "不是留言的回执编号");
        Has(11, "回执编号", "回执编号格式不对");
        Assert.Equal(10, lines.Count);
        Assert.Contains(lines, l => l.Contains("（B 列）", StringComparison.Ordinal));

        // In the order the office goes through the sheet: by row, the store's checks (unknown receipt,
        // a receipt twice) among the sheet's own.
        var rowNumbers = report.Problems.Where(p => p.IsError).Select(p => p.Row ?? 0).ToList();
        Assert.Equal(rowNumbers.Order(), rowNumbers);

        var after = await store.ListAsync(null, CancellationToken.None).ToListAsync();
        Assert.All(after, m => Assert.Equal((MessageStatus.Received, 0), (m.Status, m.History.Count)));
        Assert.Equal(before.Select(m => m.Receipt), after.Select(m => m.Receipt));
    }

    [PostgresFact]
    public async Task Import_DatesAndRepliesThatContradictTheMessage_AreErrors()
    {
        var (store, receipts) = await SeedAsync();
        using var _ = store as IDisposable;
        var report = await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "答复内容", "答复日期", "是否公开"],
            [receipts[0], "已答复", "已修复。", "2026年3月1日", null],   // before the message came in (3月2日)
            [receipts[1], "已答复", null, "2026-03-05", null],            // 已答复 without reply
            [receipts[2], "已答复", "已设减速带。", "2026-04-01", "是"]),  // after today (3月20日)
            "办理表.xlsx", Now, CancellationToken.None);

        var lines = report.Problems.Where(p => p.IsError).Select(p => p.ToString()).ToList();
        Assert.Contains(lines, l => l.Contains("第 2 行，“答复日期”列", StringComparison.Ordinal) && l.Contains("早于收到留言的日期 2026年3月2日", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("第 3 行，“答复内容”列", StringComparison.Ordinal) && l.Contains("状态是“已答复”，但没有答复内容", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("第 4 行，“答复日期”列", StringComparison.Ordinal) && l.Contains("晚于今天", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count);
        Assert.All(await store.ListAsync(null, CancellationToken.None).ToListAsync(), m => Assert.Empty(m.History));
    }

    [PostgresFact]
    public async Task Import_StatusGoingBack_IsAnError_AndAnotherUnitOnAnAnsweredMessageIsAWarning()
    {
        var (store, receipts) = await SeedAsync();
        using var _ = store as IDisposable;
        var answered = await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "承办单位", "答复内容", "答复日期"],
            [receipts[0], "已答复", "县住建局", "路灯已修复。", "2026-03-05"]), "3月.xlsx", Now, CancellationToken.None);
        Assert.True(answered.Succeeded, string.Join("\n", answered.Problems));

        var back = await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "承办单位"],
            [receipts[0], "已转办", "县交通运输局"]), "4月.xlsx", Now.AddDays(1), CancellationToken.None);

        Assert.False(back.Succeeded);
        var error = Assert.Single(back.Problems, p => p.IsError).ToString();
        Assert.StartsWith("4月.xlsx，工作表“3月留言”，第 2 行，“状态”列（B 列）：状态不能倒退", error);
        Assert.Contains("现在是“已答复”，这里填的是“已转办”", error);
        Assert.Contains("请填“已答复”或之后的状态", error);
        var stored = (await store.FindAsync(receipts[0], CancellationToken.None))!;
        Assert.Equal((MessageStatus.Answered, "县住建局", 1), (stored.Status, stored.Unit, stored.History.Count));

        var onward = await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "承办单位"],
            [receipts[0], "已办结", "县交通运输局"]), "5月.xlsx", Now.AddDays(2), CancellationToken.None);

        Assert.True(onward.Succeeded, string.Join("\n", onward.Problems));
        var warning = Assert.Single(onward.Problems).ToString();
        Assert.StartsWith("5月.xlsx，工作表“3月留言”，第 2 行，“承办单位”列（C 列）：提示：", warning);
        Assert.Contains("承办单位由“县住建局”改为“县交通运输局”", warning);
        Assert.Equal(MessageStatus.Closed, (await store.FindAsync(receipts[0], CancellationToken.None))!.Status);
    }

    // A fresh clerk: an older sheet imported after a newer one put the older reply back without a word;
    // then (testers, later) only with a warning. The reply on record now stays unless the clerk says --overwrite.
    [PostgresFact]
    public async Task Import_AnotherReplyUnderTheSameStatus_KeepsTheRecordedOne_NamingSheetRowRecipientAndReceipt_UnlessOverwrite()
    {
        var (store, receipts) = await SeedAsync();
        using var _ = store as IDisposable;
        var newer = await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "承办单位", "答复内容", "答复日期"],
            [receipts[0], "已答复", "县住建局", "更新后的答复：12月3日前完成修补。", "2026-03-05"]), "新.xlsx", Now, CancellationToken.None);
        Assert.True(newer.Succeeded, string.Join("\n", newer.Problems));
        var older = Sheet(
            ["回执编号", "状态", "承办单位", "答复内容", "答复日期", "是否公开"],
            [receipts[0], "已答复", "县住建局", "同上，已修补。", "2026-03-05", "是"]);

        var kept = await MessageImport.RunAsync(store, older, "旧.xlsx", Now.AddDays(1), CancellationToken.None,
            recipientName: (kind, id) => kind == RecipientKind.Deputy ? "王建国（代表）" : id);

        Assert.True(kept.Succeeded, string.Join("\n", kept.Problems));
        Assert.Equal(1, kept.KeptNewer);
        var warning = Assert.Single(kept.Problems).ToString();
        Assert.StartsWith($"旧.xlsx，工作表“3月留言”，第 2 行，“答复内容”列（D 列）：提示：保留了王建国（代表）的留言 {receipts[0]} 在系统中已记录的答复", warning);
        Assert.Contains("“更新后的答复：12月3日前完成修补。”", warning);
        Assert.Contains("“同上，已修补。”", warning);
        Assert.Contains("--overwrite", warning);
        Assert.Contains("保留了系统中的答复", kept.Summary);
        var stored = (await store.FindAsync(receipts[0], CancellationToken.None))!;
        Assert.Equal("更新后的答复：12月3日前完成修补。", stored.Reply);
        // The rest of the row still applies: 是否公开 was not recorded before.
        Assert.True(stored.OfficePublic);

        var replaced = await MessageImport.RunAsync(store, older, "旧.xlsx", Now.AddDays(2), CancellationToken.None, overwrite: true);

        Assert.True(replaced.Succeeded, string.Join("\n", replaced.Problems));
        Assert.Equal((0, 1), (replaced.KeptNewer, replaced.Applied));
        Assert.Contains("已按 --overwrite 用这一行的答复替换了代表 ", Assert.Single(replaced.Problems).ToString());
        Assert.Equal("同上，已修补。", (await store.FindAsync(receipts[0], CancellationToken.None))!.Reply);

        // A correction dated later under the same status is the office's own, and applies (said, with what it replaces).
        var corrected = await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "答复内容", "答复日期"],
            [receipts[0], "已答复", "更正：路灯已于3月9日修复。", "2026-03-09"]), "更正.xlsx", Now.AddDays(3), CancellationToken.None);

        Assert.True(corrected.Succeeded, string.Join("\n", corrected.Problems));
        Assert.Equal((0, 1), (corrected.KeptNewer, corrected.Applied));
        Assert.Contains("已改为这里的内容（原来是“同上，已修补。”）", Assert.Single(corrected.Problems).ToString());
        Assert.Equal("更正：路灯已于3月9日修复。", (await store.FindAsync(receipts[0], CancellationToken.None))!.Reply);
    }

    // A clerk's older sheet: its 答复日期 is before the message came in. Said as an error with or without
    // --overwrite, every error of a row together (是否公开 = Y as well), and no "已按 --overwrite 替换了"
    // notice for a file of which nothing was applied.
    [PostgresFact]
    public async Task Import_AnOlderSheetWithAnImpossibleDate_IsAnErrorWithOrWithoutOverwrite_EveryErrorOfARowSaid_AndNoReplacementNotice()
    {
        var (store, receipts) = await SeedAsync();
        using var _ = store as IDisposable;
        var newer = await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "承办单位", "答复内容", "答复日期"],
            [receipts[0], "已答复", "县住建局", "更新后的答复：12月3日前完成修补。", "2026-03-05"]), "新.xlsx", Now, CancellationToken.None);
        Assert.True(newer.Succeeded, string.Join("\n", newer.Problems));
        var older = Sheet(
            ["回执编号", "状态", "承办单位", "答复内容", "答复日期", "是否公开"],
            [receipts[0], "已答复", "县住建局", "同上，已修补。", "2026-03-01", "是"],
            [receipts[1], "已答复", "县住建局", "排水沟已疏通。", "2026-03-01", "Y"]);

        foreach (var overwrite in new[] { false, true })
        {
            var report = await MessageImport.RunAsync(store, older, "旧.xlsx", Now.AddDays(1), CancellationToken.None, overwrite);

            Assert.False(report.Succeeded);
            var errors = report.Problems.Where(p => p.IsError).Select(p => p.ToString()).ToList();
            Assert.Equal(3, errors.Count);
            Assert.Contains(errors, e => e.StartsWith("旧.xlsx，工作表“3月留言”，第 2 行，“答复日期”列（E 列）：答复日期 2026年3月1日 早于收到留言的日期 2026年3月2日", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("第 3 行，“是否公开”列（F 列）：是否公开只能填“是”或“否”，这里是“Y”", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("第 3 行，“答复日期”列（E 列）：答复日期 2026年3月1日 早于收到留言的日期 2026年3月3日", StringComparison.Ordinal));
            Assert.DoesNotContain(report.Problems, p => p.Message.Contains("已按 --overwrite", StringComparison.Ordinal));
            Assert.Contains("没有导入任何内容", report.Summary);
            Assert.Equal("更新后的答复：12月3日前完成修补。", (await store.FindAsync(receipts[0], CancellationToken.None))!.Reply);
        }
    }

    // The sheet exported before a reply was corrected, imported again after: its reply is one the record
    // has since replaced, or is dated before the recorded one; a later status with a new reply is the next step.
    [PostgresFact]
    public async Task Import_AReplyTheRecordReplacedOrDatedEarlier_IsKept_AndANewReplyWithTheNextStatusApplies()
    {
        var (store, receipts) = await SeedAsync();
        using var _ = store as IDisposable;
        var first = Sheet(
            ["回执编号", "状态", "答复内容", "答复日期"],
            [receipts[0], "已答复", "已转交镇政府。", "2026-03-05"],
            [receipts[2], "已答复", "已联系交警大队。", "2026-03-06"]);
        Assert.True((await MessageImport.RunAsync(store, first, "第一次.xlsx", Now, CancellationToken.None)).Succeeded);
        Assert.True((await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "答复内容", "答复日期"],
            [receipts[0], "已办结", "路灯已于3月9日修复。", "2026-03-09"],
            [receipts[2], "已办结", "减速带已安装。", "2026-03-10"]), "第二次.xlsx", Now.AddDays(1), CancellationToken.None)).Succeeded);

        var again = await MessageImport.RunAsync(store, Sheet(
            ["回执编号", "状态", "答复内容", "答复日期"],
            [receipts[0], "已办结", "已转交镇政府。", "2026-03-09"],
            [receipts[2], "已办结", "另一个答复。", "2026-03-07"]), "第一次改.xlsx", Now.AddDays(2), CancellationToken.None);

        Assert.True(again.Succeeded, string.Join("\n", again.Problems));
        Assert.Equal(2, again.KeptNewer);
        Assert.Collection(again.Problems,
            p => Assert.Contains("系统中在 2026年3月20日 记录过，之后已被替换为现在的答复", p.ToString()),
            p => Assert.Contains("这一行的答复日期 2026年3月7日 早于系统中的答复日期 2026年3月10日", p.ToString()));
        Assert.Equal("路灯已于3月9日修复。", (await store.FindAsync(receipts[0], CancellationToken.None))!.Reply);
        Assert.Equal("减速带已安装。", (await store.FindAsync(receipts[2], CancellationToken.None))!.Reply);
    }

    [PostgresFact]
    public async Task Import_NotAWorkbook_OrNoHeader_IsOneErrorNamingTheFile()
    {
        var store = await CreateAsync();
        using var _ = store as IDisposable;

        var csv = await MessageImport.RunAsync(store, "回执编号,状态\n"u8.ToArray(), "留言.csv", Now, CancellationToken.None);
        var noHeader = await MessageImport.RunAsync(store, Sheet(["姓名", "电话"], ["王某", "138"]), "名单.xlsx", Now, CancellationToken.None);

        Assert.Contains("留言.csv：无法导入，这个文件是文本文件", Assert.Single(csv.Problems, p => p.IsError).ToString());
        Assert.Contains("名单.xlsx：没有找到含“回执编号”和“状态”列的工作表", Assert.Single(noHeader.Problems, p => p.IsError).ToString());
    }
}

public sealed class SqliteMessageImportTests : MessageImportTests
{
    protected override async Task<IMessageStore> CreateAsync()
    {
        var store = new SqliteMessageStore(Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "comments.db"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresMessageImportTests(PostgresServer server) : MessageImportTests
{
    protected override async Task<IMessageStore> CreateAsync()
    {
        var store = new PostgresMessageStore(await server.CreateDatabaseAsync());
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
