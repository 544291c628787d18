using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;
using Site.Intake.Drafts;
using Site.Intake.Import;
using Site.Intake.Storage;

namespace Site.EndToEnd.Tests;

/// <summary>
/// #26: the draft page says how many comments are the same or nearly the same, and shows the views
/// collected offline apart from the online ones and together, overall and per article.
/// </summary>
[Collection(nameof(SampleServer))]
public sealed class DraftCountsTests(SampleServer server)
{
    private const string Draft = "wuye-guanli-tiaoli";

    [BrowserFact]
    public async Task DuplicatesAndOfflineViews_AreCountedOnThePhone()
    {
        var page = await server.OpenAsync("phone", $"/drafts/{Draft}/");
        await SampleServer.JourneyAsync(page, "draft-counts", async () =>
        {
            // A campaign's template letter, posted three times (one with the punctuation of a phone IME).
            const string letter = "建议第五条增加：业主大会成立前，由街道办事处组织业主推选临时管理小组。";
            foreach (var text in new[] { letter, letter, letter.Replace("：", ":", StringComparison.Ordinal) })
            {
                var response = await page.APIRequest.PostAsync($"/api/drafts/{Draft}/comments", new() { DataObject = new { article = "article-5", text } });
                Assert.Equal(201, response.Status);
            }

            // Two letters and a contact point's meeting, imported from the office's sheet into the same store.
            var sheet = Path.Combine(server.Root, "线下意见.xlsx");
            // Received during the consultation period, which the sample server opens 20 days ago.
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            string?[][] rows =
            [
                ["渠道", "收到日期", "条款", "意见内容"],
                ["来信", today.AddDays(-5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "第五条", letter],
                ["来信", $"{today.AddDays(-4).Year}年{today.AddDays(-4).Month}月{today.AddDays(-4).Day}日", "第五条", "第五条应写明物业管理区域如何划分，由谁认定。"],
                ["座谈会", today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "3", "老年业主不会用电子投票平台，书面表决要保留。"],
            ];
            MiniExcel.SaveAs(sheet, rows.Select(r => r.Select((v, i) => (Key: ((char)('A' + i)).ToString(), Value: v)).ToDictionary(c => c.Key, c => c.Value)).ToList(), printHeader: false);
            var entry = new DraftCatalog(Path.Combine(server.Root, "_intake")).Find(Draft)!;
            using (var store = new SqliteCommentStore(Path.Combine(server.Root, "comments.db")))
            {
                await store.InitializeAsync(CancellationToken.None);
                var outcome = await OfflineImport.RunAsync(store, sheet, entry, "线下意见.xlsx", CancellationToken.None);
                Assert.Empty(outcome.Errors);
                Assert.Equal(3, outcome.Added);
            }

            // The stats are kept a second at most; the page read after that carries the import.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var stats = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/drafts/{Draft}/stats")).TextAsync()).RootElement;
            var comments = stats.GetProperty("comments").GetInt64();
            var duplicated = stats.GetProperty("duplicated").GetInt64();
            var groups = stats.GetProperty("groups").GetInt64();
            Assert.True(duplicated >= 4, $"the three posts and the letter are one group: {stats}");
            var online = stats.GetProperty("channels").GetProperty("网上征求意见").GetInt64();

            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#draft-groups")).ToHaveTextAsync(
                string.Create(CultureInfo.InvariantCulture, $"{comments} 条意见，其中 {duplicated} 条内容相同或相近（{groups} 组）"));
            await Assertions.Expect(page.Locator("#draft-channels")).ToHaveTextAsync(
                string.Create(CultureInfo.InvariantCulture, $"本网站记录：在线提交 {online} 条，线下渠道录入 3 条（来信 2 条，座谈会 1 条），合计 {online + 3} 条"));
            var articleFive = stats.GetProperty("articles").GetProperty("article-5").GetInt64();
            await Assertions.Expect(page.Locator("[data-article-count=article-5]")).ToHaveTextAsync(
                string.Create(CultureInfo.InvariantCulture, $"已有 {articleFive} 条意见（网上 {articleFive - 2} 条，线下 2 条）"));
            await Assertions.Expect(page.Locator("[data-article-count=article-3]")).ToContainTextAsync(new Regex("线下 1 条"));

            Directory.CreateDirectory(SampleServer.ScreenshotFolder);
            await page.Locator("#draft-groups").Locator("..").ScreenshotAsync(new() { Path = Path.Combine(SampleServer.ScreenshotFolder, "draft-counts-375.png") });
            await page.Locator("[data-article-count=article-5]").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(SampleServer.ScreenshotFolder, "draft-counts-article-375.png") });
        });
    }
}
