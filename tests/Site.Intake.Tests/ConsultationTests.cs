using Site.Contracts;
using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;
using Site.Intake.Comments;
using Site.Intake.Export;
using Site.Intake.Import;
using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>
/// Duplicate groups in the counts, views imported from offline channels, and the office's export,
/// on a real SQLite file and a real PostgreSQL (the classes below).
/// </summary>
public abstract class ConsultationTests
{
    protected abstract Task<ICommentStore> CreateAsync();

    /// <summary>A draft of 15 articles, as the build's drafts.json gives it: open for comment through November 2026.</summary>
    protected static readonly DraftEntry Draft = new(
        "wuye", "湘潭县物业管理条例（草案）", "/drafts/wuye/", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.FromHours(8)),
        Enumerable.Range(1, 15).Select(n => new ArticleEntry(ArticleNumbers.Anchor(n), ArticleNumbers.Label(n), n == 12 ? "第十二条的条文。\n第二款。" : null)).ToList(),
        Reading: "二审");

    /// <summary>The day the offline imports run on: a 收到日期 after it is an error.</summary>
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static int _contacts;

    protected static NewComment Online(string text, string? article = null, string? contact = null) =>
        new(Draft.Id, article, text, "市民", contact ?? "1380000" + Interlocked.Increment(ref _contacts).ToString("0000"), null, null,
            Guid.NewGuid().ToString("N")[..16], DateTimeOffset.UtcNow, "fp-" + Guid.NewGuid().ToString("N"));

    private const string Campaign = "我们是金桂园小区的业主，强烈要求在条例中写明：业主大会采用电子投票的，物业服务企业不得参与计票，计票由业主委员会和街道共同监督。";

    [PostgresFact]
    public async Task Stats_ExactAndNearDuplicatesAreGroups_DifferentOpinionsOnTheSameArticleAreNot()
    {
        using var store = (IDisposable)await CreateAsync();
        var comments = (ICommentStore)store;
        await comments.WriteBatchAsync(
        [
            // Exact (after normalising): a campaign letter four times, one in half-width punctuation with spaces.
            Online(Campaign, "article-3"), Online(Campaign, "article-3"), Online(Campaign, "article-3"),
            Online(Campaign.Replace("，", ",").Replace("：", ": "), "article-3"),

            // Near: the letter signed, and a typo fixed in a second submission.
            Online(Campaign + "业主：刘芳，5栋1202", "article-3"),
            Online("第七条只要求每半年公布一次公共收益，太久了，建议每季度公布一次，电梯广告、停车费的收入要逐项列明。", "article-7"),
            Online("第七条只要求每半年公布一次公共收益，太久了，建议每季度公布一次，电梯广告、停车费的收入要逐条列明。", "article-7"),

            // Different opinions on the same articles, in the same words.
            Online("电子投票对老年人不友好，很多老人不会用智能手机，建议保留书面表决，由楼栋长上门送表。", "article-3"),
            Online("公共收益应当单独开设银行账户，不能放在物业公司的账上，建议第七条增加专户管理的规定。", "article-7"),
            Online("建议明确公共收益的用途，优先用于补充专项维修资金，其次才是业主大会决定的其他用途。", "article-7"),
        ], CancellationToken.None);

        var stats = await comments.StatsAsync(Draft.Id, CancellationToken.None);

        Assert.Equal(10, stats.Comments);
        Assert.Equal(5, stats.Groups);
        Assert.Equal(7, stats.Duplicated);
        Assert.Equal(10, stats.Channels![DraftStats.OnlineChannel]);
    }

    [PostgresFact]
    public async Task Import_TitleRowsTextDatesAndArticleForms_AreStoredWithTheirChannelAndCounted()
    {
        var file = Sheet(
            ["湘潭县物业管理条例（草案）线下意见汇总表"],
            ["填表单位：县人大常委会法制工作委员会"],
            [],
            ["序号", "渠道", "收到日期", "条款", "意见内容", "提出人/单位"],
            [1, "来信", new DateTime(2026, 11, 3), "第十二条", "建议第十二条规定物业服务合同期满前三个月，业主委员会应当组织续聘或者选聘。", "易俗河镇 王某"],
            [2, "基层立法联系点", "2026年11月5日", "第12条", "联系点座谈时居民提出，合同期满后物业企业不得以交接未完成为由拒绝退出。", "金桂社区基层立法联系点"],
            [3, "座谈会", "2026/11/6", 12, "物业企业代表建议给予三十日的交接期。", null],
            [4, "电话", "2026.11.7", "", "支持制定这部条例，希望尽快出台。", null],
            [5, "来信", new DateTime(2026, 11, 3), "第三条", "电子投票对老年人不友好，很多老人不会用智能手机，建议保留书面表决。", "易俗河镇 王某"],
            [6, "来信", new DateTime(2026, 11, 3), "第三条", "电子投票对老年人不友好，很多老人不会用智能手机，建议保留书面表决。", "易俗河镇 王某"]);
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;
        await store.WriteBatchAsync([Online("电子投票对老年人不友好，很多老人不会用智能手机，建议保留书面表决。", "article-3")], CancellationToken.None);

        var first = await OfflineImport.RunAsync(store, file, Draft, "线下意见.xlsx", CancellationToken.None, Today);
        var again = await OfflineImport.RunAsync(store, file, Draft, "线下意见.xlsx", CancellationToken.None, Today);
        var stats = await store.StatsAsync(Draft.Id, CancellationToken.None);

        Assert.Empty(first.Errors);
        Assert.Equal((6, 0), (first.Added, first.AlreadyImported));
        Assert.Equal((0, 6), (again.Added, again.AlreadyImported));
        Assert.Equal(7, stats.Comments);
        Assert.Equal(3, stats.Articles["article-12"]);
        Assert.Equal(3, stats.Articles["article-3"]);
        Assert.Equal(new Dictionary<string, long> { [DraftStats.OnlineChannel] = 1, ["来信"] = 3, ["基层立法联系点"] = 1, ["座谈会"] = 1, ["电话"] = 1 }, stats.Channels);

        // The two identical letters and the online comment are one opinion; each stays a comment.
        Assert.Equal(5, stats.Groups);
        var rows = new List<StoredComment>();
        await foreach (var row in store.ExportAsync(Draft.Id, CancellationToken.None))
        {
            rows.Add(row);
        }

        var letter = rows.Single(r => r.Text.StartsWith("建议第十二条", StringComparison.Ordinal));
        Assert.Equal(("来信", "article-12", "易俗河镇 王某"), (letter.Channel, letter.Article, letter.Name));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(8)), letter.CreatedAt);
        Assert.Null(rows.Single(r => r.Channel == "电话").Article);
    }

    [PostgresFact]
    public async Task Import_BadRows_AreAllReportedWithSheetRowAndColumn_AndNothingIsStored()
    {
        var file = Sheet(
            ["线下意见"],
            ["渠道", "收到日期", "条款", "意见内容"],
            ["来信", "2026-11-03", "第十二条", "一条好的意见，放在坏行之前。"],
            ["微博", "2026-11-03", "第十二条", "渠道不认识。"],
            ["来信", "下周一", "第99条", "日期看不懂，条款也不存在。"],
            ["座谈会", "2026-11-04", "第十二款", "   "],
            ["来信", "2026-02-30", "3", "二月没有三十日。"]);
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;

        var outcome = await OfflineImport.RunAsync(store, file, Draft, "线下意见.xlsx", CancellationToken.None, Today);
        var stats = await store.StatsAsync(Draft.Id, CancellationToken.None);

        Assert.Equal(0, outcome.Added);
        Assert.Equal(0, stats.Comments);
        Assert.Collection(outcome.Errors,
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 4 行，“渠道”列（A 列）：不认识的渠道“微博”", e),
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 5 行，“收到日期”列（B 列）：看不懂的日期“下周一”", e),
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 5 行，“条款”列（C 列）：《湘潭县物业管理条例（草案）》没有第九十九条", e),
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 6 行，“条款”列（C 列）：看不懂的条款“第十二款”", e),
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 6 行，“意见内容”列（D 列）：请填写意见内容", e),
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 7 行，“收到日期”列（B 列）：看不懂的日期“2026-02-30”", e));
    }

    [PostgresFact]
    public async Task Import_DatesAfterTodayOrOutsideTheConsultationPeriod_AreErrors_AndYyyymmddIsADate()
    {
        var file = Sheet(
            ["渠道", "收到日期", "条款", "意见内容"],
            ["来信", "20261110", "3", "八位数字的日期。"],
            ["来信", "2026-11-25", "3", "晚于今天。"],
            ["座谈会", "2026年10月28日", "3", "征求意见开始之前。"],
            ["来信", "20261201", "3", "征求意见结束之后，也晚于今天。"]);
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;

        var bad = await OfflineImport.RunAsync(store, file, Draft, "线下意见.xlsx", CancellationToken.None, Today);

        Assert.Equal(0, bad.Added);
        Assert.Collection(bad.Errors,
            e => Assert.Contains("线下意见.xlsx，工作表“Sheet1”，第 3 行，“收到日期”列（B 列）：收到日期 2026年11月25日 晚于今天（2026年11月20日）", e),
            e => Assert.Contains("线下意见.xlsx，工作表“Sheet1”，第 4 行，“收到日期”列（B 列）：收到日期 2026年10月28日 不在《湘潭县物业管理条例（草案）》的征求意见期内（2026年11月1日至2026年11月30日）", e),
            e => Assert.Contains("线下意见.xlsx，工作表“Sheet1”，第 5 行，“收到日期”列（B 列）：收到日期 2026年12月1日 晚于今天", e));

        var good = await OfflineImport.RunAsync(store, Sheet(["渠道", "收到日期", "条款", "意见内容"], ["来信", "20261110", "3", "八位数字的日期。"]), Draft, "线下意见.xlsx", CancellationToken.None, Today);

        Assert.Equal(1, good.Added);
    }

    [PostgresFact]
    public async Task Import_NoHeaderOrNoRows_IsAnErrorNotASilentNothing()
    {
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;

        var noHeader = await OfflineImport.RunAsync(store, Sheet(["姓名", "电话"], ["张三", "13800000000"]), Draft, "a.xlsx", CancellationToken.None, Today);
        var noRows = await OfflineImport.RunAsync(store, Sheet(["渠道", "收到日期", "条款", "意见内容"]), Draft, "b.xlsx", CancellationToken.None, Today);
        var missingColumn = await OfflineImport.RunAsync(store, Sheet(["渠道", "条款", "意见内容"], ["来信", "3", "缺少日期列的表。"]), Draft, "c.xlsx", CancellationToken.None, Today);

        Assert.Contains("没有一个工作表有表头", Assert.Single(noHeader.Errors));
        Assert.Equal("b.xlsx，工作表“Sheet1”：表头下没有任何意见", Assert.Single(noRows.Errors));
        Assert.Equal("c.xlsx，工作表“Sheet1”，第 1 行：像是表头，但缺少“收到日期”列", missingColumn.Errors[0]);
    }

    [PostgresFact]
    public async Task Export_Xlsx_HasLabelsDatesTextPhonesWidthsFrozenHeaderGroupsAndSummary()
    {
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;
        await store.WriteBatchAsync(
        [
            Online(Campaign, "article-12", contact: "13812345678"),
            Online(Campaign.Replace("，", ","), "article-12", contact: "13812345679"),
            Online("=HYPERLINK(\"http://example.com\") 建议第十二条写明交接期限为三十日。", "article-12", contact: "0731-57221234"),
            Online("支持制定这部条例，希望尽快出台，加强宣传。"),
        ], CancellationToken.None);
        await OfflineImport.RunAsync(store, Sheet(["渠道", "收到日期", "条款", "意见内容"], ["来信", "2026-11-03", "12", Campaign]), Draft, "x.xlsx", CancellationToken.None, Today);

        var (content, count) = await CommentExport.RenderAsync(store, Draft.Id, "xlsx", CancellationToken.None, Draft);
        var path = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "export.xlsx");
        await File.WriteAllBytesAsync(path, content);

        Assert.Equal(5, count);
        Assert.Equal([ExportApi.CommentsSheet, ExportApi.GroupsSheet, ExportApi.SummarySheet, ExportApi.DraftSheet], MiniExcel.GetSheetNames(path));

        // Values as the office reads them.
        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: ExportApi.CommentsSheet).Cast<IDictionary<string, object>>().ToList();
        // Oldest first: the letter received on 11月3日 before the comments posted online today.
        Assert.Equal(["第十二条", "第十二条", "第十二条", "第十二条", "草案整体"], rows.Select(r => r["条文"]));
        Assert.Equal(["来信", "网上征求意见", "网上征求意见", "网上征求意见", "网上征求意见"], rows.Select(r => r["渠道"]));
        Assert.Equal(["", "13812345678", "13812345679", "0731-57221234", rows[4]["联系方式"]], rows.Select(r => r["联系方式"] as string ?? ""));
        Assert.Equal([1d, 1d, 1d, 2d, 3d], rows.Select(r => Convert.ToDouble(r["意见组"])));
        Assert.Equal([3d, 3d, 3d, 1d, 1d], rows.Select(r => Convert.ToDouble(r["同组条数"])));
        Assert.Equal(new DateTime(2026, 11, 3), Assert.IsType<DateTime>(rows[0]["提交时间"]));
        Assert.True(rows.Select(r => (DateTime)r["提交时间"]).Order().SequenceEqual(rows.Select(r => (DateTime)r["提交时间"])));

        var groups = MiniExcel.Query(path, useHeaderRow: true, sheetName: ExportApi.GroupsSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, groups.Count);
        Assert.Equal((1d, 3d), (Convert.ToDouble(groups[0]["组号"]), Convert.ToDouble(groups[0]["条数"])));
        // 首条: the group's earliest comment, the letter.
        Assert.Equal((rows[0]["回执编号"], new DateTime(2026, 11, 3)), (groups[0]["首条回执编号"], groups[0]["首条提交时间"]));

        var summary = MiniExcel.Query(path, useHeaderRow: true, sheetName: ExportApi.SummarySheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(Draft.Articles.Count + 2, summary.Count);
        var twelve = summary.Single(r => (string)r["条文"] == "第十二条");
        Assert.Equal((4d, 2d, 3d, 1d), (Convert.ToDouble(twelve["意见条数"]), Convert.ToDouble(twelve["意见组数"]), Convert.ToDouble(twelve["网上征求意见"]), Convert.ToDouble(twelve["来信"])));
        Assert.Equal(5d, Convert.ToDouble(summary[^1]["意见条数"]));
        Assert.Equal("合计", summary[^1]["条文"]);
        Assert.Equal("第十二条的条文。\n第二款。", twelve["条文内容"]);
        var about = MiniExcel.Query(path, useHeaderRow: true, sheetName: ExportApi.DraftSheet).Cast<IDictionary<string, object>>().ToDictionary(r => (string)r["项目"], r => r["内容"]);
        Assert.Equal(("湘潭县物业管理条例（草案）", "二审"), (about["草案名称"], about["审次"]));

        // Cell types and layout, in the file's own XML.
        using var zip = ZipFile.OpenRead(path);
        XNamespace x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var cells = sheet.Descendants(x + "c").ToDictionary(c => (string)c.Attribute("r")!);
        Assert.Equal("frozen", (string?)sheet.Descendants(x + "pane").Single().Attribute("state"));
        Assert.Equal("1", (string?)sheet.Descendants(x + "pane").Single().Attribute("ySplit"));
        var widths = sheet.Descendants(x + "col").Select(c => double.Parse((string)c.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(widths[5], 60, 62);
        Assert.True(widths.All(w => w >= 8));

        // H3 (联系方式, the first online comment's): text, not a number; J3 (提交时间): a number with a date format.
        Assert.NotEqual("n", (string?)cells["H3"].Attribute("t") ?? "n");
        Assert.Null(cells["J3"].Attribute("t"));
        Assert.True(double.TryParse(cells["J3"].Element(x + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        var xfs = styles.Descendants(x + "cellXfs").Single().Elements(x + "xf").ToList();
        var dateStyle = xfs[int.Parse((string)cells["J3"].Attribute("s")!)];
        var format = styles.Descendants(x + "numFmt").Single(f => (string)f.Attribute("numFmtId")! == (string)dateStyle.Attribute("numFmtId")!);
        Assert.Equal("yyyy-mm-dd hh:mm", (string)format.Attribute("formatCode")!);
        var textStyle = xfs[int.Parse((string)cells["F3"].Attribute("s")!)];
        Assert.Equal("1", (string?)textStyle.Element(x + "alignment")?.Attribute("wrapText"));

        // A text that looks like a formula is a text, never a formula.
        Assert.Empty(sheet.Descendants(x + "f"));
    }

    [PostgresFact]
    public async Task Import_ContactPointAndPeople_AreStored_CountedAsParticipants_AndExported()
    {
        // A contact point's meeting of 12 residents gave two views (one row per article, the same 人数):
        // 12 participants, not 24; a letter without 人数 is one.
        var file = Sheet(
            ["渠道", "收到日期", "条款", "意见内容", "提出人/单位", "联系点", "人数"],
            ["基层立法联系点", "2026-11-05", "第十二条", "合同期满后物业企业不得以交接未完成为由拒绝退出。", "金桂社区居民座谈会", "金桂社区基层立法联系点", 12],
            ["基层立法联系点", "2026-11-05", "第三条", "书面表决要保留，老年业主不会用电子投票。", "金桂社区居民座谈会", "金桂社区基层立法联系点", "12人"],
            ["来信", "2026-11-06", "第三条", "建议电子投票平台由街道统一提供。", "易俗河镇 王某", null, null]);
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;
        await store.WriteBatchAsync([Online("建议第十二条写明交接期限为三十日。", "article-12")], CancellationToken.None);

        var outcome = await OfflineImport.RunAsync(store, file, Draft, "线下意见.xlsx", CancellationToken.None);
        var stats = await store.StatsAsync(Draft.Id, CancellationToken.None);

        Assert.Empty(outcome.Errors);
        Assert.Equal(3, outcome.Added);
        Assert.Equal(4, stats.Comments);
        Assert.Equal(1 + 12 + 1, stats.Participants);
        var rows = new List<StoredComment>();
        await foreach (var row in store.ExportAsync(Draft.Id, CancellationToken.None))
        {
            rows.Add(row);
        }

        // Oldest first: the meeting (5 November), the letter (6 November), the online comment (today).
        Assert.Equal(["金桂社区基层立法联系点", "金桂社区基层立法联系点", null, null], rows.Select(r => r.ContactPoint));
        Assert.Equal([12, 12, null, null], rows.Select(r => r.People));

        var (content, _) = await CommentExport.RenderAsync(store, Draft.Id, "xlsx", CancellationToken.None, Draft);
        var path = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "export.xlsx");
        await File.WriteAllBytesAsync(path, content);
        var sheet = MiniExcel.Query(path, useHeaderRow: true, sheetName: ExportApi.CommentsSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["金桂社区基层立法联系点", "金桂社区基层立法联系点", "", ""], sheet.Select(r => r["联系点"] as string ?? ""));
        Assert.Equal([12d, 12d, null, null], sheet.Select(r => r["人数"] is null ? (double?)null : Convert.ToDouble(r["人数"])));

        var (csv, _) = await CommentExport.RenderAsync(store, Draft.Id, "csv", CancellationToken.None, Draft);
        var lines = System.Text.Encoding.UTF8.GetString(csv).Split("\r\n");
        Assert.StartsWith("\uFEFF回执编号,渠道,联系点,人数,条文,", lines[0]);
        Assert.Contains(lines[1..3], l => l.Contains(",\"基层立法联系点\",\"金桂社区基层立法联系点\",12,\"第十二条\",", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task Import_BadPeople_IsAPositionedError_AndNothingIsStored()
    {
        var file = Sheet(
            ["渠道", "收到日期", "条款", "意见内容", "联系点", "人数"],
            ["座谈会", "2026-11-05", "3", "保留书面表决。", "金桂社区基层立法联系点", "十来个"],
            ["座谈会", "2026-11-05", "3", "保留书面表决。", "金桂社区基层立法联系点", 0],
            ["座谈会", "2026-11-05", "3", "保留书面表决。", "金桂社区基层立法联系点", 2.5],
            ["座谈会", "2026-11-05", "3", "保留书面表决。", "金桂社区基层立法联系点", "１２"]);
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;

        var outcome = await OfflineImport.RunAsync(store, file, Draft, "线下意见.xlsx", CancellationToken.None);

        Assert.Equal(0, outcome.Added);
        Assert.Equal(0, (await store.StatsAsync(Draft.Id, CancellationToken.None)).Comments);
        Assert.Collection(outcome.Errors,
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 2 行，“人数”列（F 列）：人数应是 1 至 100000 的整数（如 12），不能是“十来个”", e),
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 3 行，“人数”列（F 列）：人数应是 1 至 100000 的整数", e),
            e => Assert.StartsWith("线下意见.xlsx，工作表“Sheet1”，第 4 行，“人数”列（F 列）：人数应是 1 至 100000 的整数（如 12），不能是“2.5”", e));
    }

    [PostgresFact]
    public async Task Export_Csv_PhonesStayTextAndArticlesAreLabelled()
    {
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;
        await store.WriteBatchAsync([Online("建议第十二条写明交接期限为三十日。", "article-12", contact: "13812345678")], CancellationToken.None);

        var (content, _) = await CommentExport.RenderAsync(store, Draft.Id, "csv", CancellationToken.None, Draft);
        var text = System.Text.Encoding.UTF8.GetString(content);

        Assert.Contains("\"=\"\"13812345678\"\"\"", text);
        Assert.Contains("\"第十二条\"", text);
        Assert.DoesNotContain("article-12", text);
    }

    // Testers: a mistaken offline import could not be undone. Each import is a batch; undoing one deletes
    // exactly the comments it added: not those an earlier import stored, not online comments, not another draft's.
    [PostgresFact]
    public async Task Undo_RemovesExactlyTheBatchsComments_NothingElse_AndRefusesAfterAnExportOrReportWithoutForce()
    {
        using var disposable = (IDisposable)await CreateAsync();
        var store = (ICommentStore)disposable;
        string[] header = ["渠道", "收到日期", "条款", "意见内容", "提出人/单位"];
        object?[] letter = ["来信", "2026-11-03", "第十二条", "建议写明合同期满前三个月组织续聘。", "易俗河镇 王某"];
        object?[] meeting = ["座谈会", "2026-11-05", "第3条", "电子投票对老年人不友好，建议保留书面表决。", "金桂社区"];
        object?[] phone = ["电话", "2026-11-06", "", "支持尽快出台。", null];
        var other = Draft with { Id = "other", Title = "湘潭县养犬管理条例（草案）" };
        await store.WriteBatchAsync([Online("网上提交的意见，与导入无关。", "article-3"), Online("另一条网上意见，对整部草案。")], CancellationToken.None);
        var otherImport = await OfflineImport.RunAsync(store, Sheet(header, letter), other, "养犬.xlsx", CancellationToken.None, Today);
        var first = await OfflineImport.RunAsync(store, Sheet(header, letter), Draft, "第一批.xlsx", CancellationToken.None, Today);
        var mistaken = await OfflineImport.RunAsync(store, Sheet(header, letter, meeting, phone), Draft, "错导.xlsx", CancellationToken.None, Today);
        var before = await AllAsync(store, Draft.Id);
        var otherBefore = await AllAsync(store, other.Id);

        Assert.Equal((2, 1), (mistaken.Added, mistaken.AlreadyImported));
        Assert.Matches(@"^PC\d{6}-[0-9A-Z]{4}$", mistaken.Batch);
        Assert.NotEqual(first.Batch, mistaken.Batch);
        var undone = await ImportBatches.UndoAsync(store, " " + mistaken.Batch!.ToLowerInvariant().Replace("-", "") + " ", force: false, _ => Draft, DateTimeOffset.UtcNow, CancellationToken.None);
        var after = await AllAsync(store, Draft.Id);

        Assert.True(undone.Done, undone.Message);
        Assert.Equal(["电子投票对老年人不友好，建议保留书面表决。", "支持尽快出台。"], undone.Removed.Select(r => r.Text));
        Assert.Contains($"已撤销批次 {mistaken.Batch}（《湘潭县物业管理条例（草案）》，文件 错导.xlsx", undone.Message);
        Assert.Contains("删除了 2 条意见", undone.Message);
        Assert.Equal(before.Where(c => undone.Removed.All(r => r.Receipt != c.Receipt)), after);
        Assert.Equal(3, after.Count);
        Assert.Equal(otherBefore, await AllAsync(store, other.Id));
        Assert.Equal(3, (await store.StatsAsync(Draft.Id, CancellationToken.None)).Comments);
        Assert.Contains("2026年11月5日  第三条  金桂社区：电子投票", ImportBatches.Describe(undone.Removed[0]));

        var twice = await ImportBatches.UndoAsync(store, mistaken.Batch!, force: false, _ => Draft, DateTimeOffset.UtcNow, CancellationToken.None);
        var unknown = await ImportBatches.UndoAsync(store, "PC261120-0000", force: false, _ => Draft, DateTimeOffset.UtcNow, CancellationToken.None);
        var typo = await ImportBatches.UndoAsync(store, "第一批", force: false, _ => Draft, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.False(twice.Done);
        Assert.Contains("撤销，没有可撤销的意见", twice.Message);
        Assert.False(unknown.Done);
        Assert.Contains($"没有导入批次 PC261120-0000。最近的导入批次：{mistaken.Batch}（wuye，错导.xlsx，", unknown.Message);
        Assert.Contains(first.Batch!, unknown.Message);
        Assert.False(typo.Done);
        Assert.StartsWith("“第一批”不是导入批次号", typo.Message);

        // Exported after the import, or the draft's report published: refused, nothing changed, until --force.
        await ImportBatches.RecordExportAsync(store, Draft.Id, ImportBatches.CommandLine, DateTimeOffset.UtcNow, CancellationToken.None);
        var exported = await ImportBatches.UndoAsync(store, first.Batch!, force: false, _ => Draft, DateTimeOffset.UtcNow, CancellationToken.None);
        var reported = Draft with { Feedback = new DraftFeedbackEntry(new DateOnly(2026, 12, 5), "/drafts/wuye/#feedback", 40, 12, []) };
        var answered = await ImportBatches.UndoAsync(store, otherImport.Batch!, force: false, _ => reported, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.False(exported.Done);
        Assert.Contains("导入后导出过 1 次", exported.Message);
        Assert.Contains("--force", exported.Message);
        Assert.False(answered.Done);
        Assert.Contains("已于 2026年12月5日 公布意见采纳情况", answered.Message);
        Assert.Equal(after, await AllAsync(store, Draft.Id));
        Assert.Equal(otherBefore, await AllAsync(store, other.Id));

        var forced = await ImportBatches.UndoAsync(store, first.Batch!, force: true, _ => Draft, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.True(forced.Done, forced.Message);
        Assert.Equal("建议写明合同期满前三个月组织续聘。", Assert.Single(forced.Removed).Text);
        Assert.Contains("注意：这部草案的意见在导入后导出过 1 次", forced.Message);
        Assert.Equal(2, (await AllAsync(store, Draft.Id)).Count);
        Assert.Equal(otherBefore, await AllAsync(store, other.Id));

        // The file fixed and imported again stores its rows anew, as a batch of its own.
        var redo = await OfflineImport.RunAsync(store, Sheet(header, letter, meeting), Draft, "改正后.xlsx", CancellationToken.None, Today);
        Assert.Equal((2, 0), (redo.Added, redo.AlreadyImported));
        Assert.Equal(4, (await AllAsync(store, Draft.Id)).Count);
    }

    private static async Task<List<StoredComment>> AllAsync(ICommentStore store, string draft)
    {
        var rows = new List<StoredComment>();
        await foreach (var row in store.ExportAsync(draft, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>An .xlsx with <paramref name="rows"/> from A1 on, as an office types it (no header of MiniExcel's own).</summary>
    protected static string Sheet(params object?[][] rows)
    {
        var path = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "views.xlsx");
        var width = Math.Max(1, rows.Max(r => r.Length));
        var data = rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => ((char)('A' + i)).ToString(), i => i < r.Length ? r[i] : null)).ToList();
        MiniExcel.SaveAs(path, data, printHeader: false);
        return path;
    }
}

public sealed class SqliteConsultationTests : ConsultationTests
{
    protected override async Task<ICommentStore> CreateAsync()
    {
        var store = new SqliteCommentStore(Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "comments.db"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresConsultationTests(PostgresServer server) : ConsultationTests
{
    protected override async Task<ICommentStore> CreateAsync()
    {
        var store = new PostgresCommentStore(await server.CreateDatabaseAsync());
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
