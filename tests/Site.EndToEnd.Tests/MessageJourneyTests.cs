using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// 给Ta留言 as a citizen does it on a 375 px phone: scan the deputy's printed QR code, write from the
/// deputy's page, keep the receipt number, look it up; without JavaScript too. The suggestion list
/// and its pages. Real Kestrel, real SQLite, real Chromium.
/// </summary>
[Collection(nameof(SampleServer))]
public sealed class MessageJourneyTests(SampleServer server)
{
    [BrowserFact]
    public async Task ScanQr_WriteToTheDeputy_KeepTheReceipt_LookItUp()
    {
        // The printed code, read as a phone camera would, names the deputy's page.
        var scanner = await server.OpenAsync("desktop", "/deputies/D0003/", injectsTools: true);
        string scanned = "";
        await SampleServer.JourneyAsync(scanner, "message-scan", async () =>
        {
            await scanner.AddScriptTagAsync(new PageAddScriptTagOptions { Path = QrCodeTests.JsQr });
            scanned = await scanner.EvaluateAsync<string>(QrCodeTests.Decode, "inline");
        });
        var path = new Uri(scanned).AbsolutePath;
        Assert.Equal("/deputies/D0003/", path);

        var page = await server.OpenAsync("phone", path);
        await SampleServer.JourneyAsync(page, "message-loop", async () =>
        {
            // The way to write is on the first screen.
            var write = page.GetByRole(AriaRole.Link, new() { Name = "给Ta留言" });
            Assert.True((await write.BoundingBoxAsync())!.Y < 812, "给Ta留言 is below the first screen");
            await write.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("#message$"));

            var text = page.GetByLabel("留言内容（5 至 2000 字，必填）");
            await text.FillAsync("花石镇卫生院门口的路灯坏了一个多月，晚上去看急诊的老人摸黑走路，希望尽快修好。");
            await Assertions.Expect(page.Locator("#message-count")).ToContainTextAsync("还可写");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "联系方式" }).FillAsync("13800000000");
            await page.Locator("label[for=message-publish]").ClickAsync();
            await Assertions.Expect(page.Locator("#message-publish")).ToBeCheckedAsync();

            // A double tap is one message: the button waits for the answer, and a retry carries the same key.
            var before = await ReceivedAsync(page, "D0003");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).DblClickAsync();
            var number = page.Locator("#message-result .receipt-number");
            await Assertions.Expect(number).ToHaveTextAsync(new Regex(@"^LY\d{6}-[0-9A-Z]{8}$"));
            Assert.Equal(before + 1, await ReceivedAsync(page, "D0003"));
            await Assertions.Expect(text).ToHaveValueAsync("");
            var receipt = await number.TextContentAsync();

            // The receipt's link opens the site's lookup, which asks the endpoint and shows it here.
            await page.Locator("#message-result").GetByRole(AriaRole.Link, new() { Name = "查询回执" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/receipts/\?number=LY"));
            var answer = page.Locator("#receipt-answer");
            await Assertions.Expect(answer).ToContainTextAsync(receipt!);
            await Assertions.Expect(answer).ToContainTextAsync("陈美华代表");
            await Assertions.Expect(answer).ToContainTextAsync("已收到");
            await Assertions.Expect(answer).Not.ToContainTextAsync("13800000000");
            await ScreenshotAsync(page, "receipt-lookup-375");

            // A number typed with small letters and without its dash is the same receipt.
            await page.GetByLabel("回执编号").FillAsync(receipt!.Replace("-", "").ToLowerInvariant());
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Assertions.Expect(answer.Locator("dd").First).ToHaveTextAsync(receipt);
        });
    }

    [BrowserFact]
    public async Task MessageForm_WithoutJavaScript_PostsAndShowsAReceipt_AndTheLookupFindsIt()
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/stations/S01/");
        await SampleServer.JourneyAsync(page, "message-nojs", async () =>
        {
            await page.GetByLabel("留言内容（5 至 2000 字，必填）").FillAsync("联络站能不能在周六也安排一次接待？上班的人平时来不了。");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "留言已提交" })).ToBeVisibleAsync();
            var receipt = await page.Locator(".receipt-number").TextContentAsync();
            Assert.Matches(@"^LY\d{6}-[0-9A-Z]{8}$", receipt);
            await ScreenshotAsync(page, "message-receipt-nojs-375");

            // The site's lookup page is a plain GET form to the endpoint's page.
            await page.GotoAsync("/receipts/");
            await page.GetByLabel("回执编号").FillAsync(receipt!);
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/api/receipts/lookup\?number="));
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(receipt!);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("已收到");
        });
    }

    [BrowserFact]
    public async Task PublishedMessagesAndFigures_AreReadFromTheEndpoint()
    {
        var page = await server.OpenAsync("phone", "/deputies/D0011/");
        await SampleServer.JourneyAsync(page, "message-figures", async () =>
        {
            var answer = await page.APIRequest.GetAsync("/api/deputies/D0011/messages");
            using var json = JsonDocument.Parse(await answer.TextAsync());
            var received = json.RootElement.GetProperty("figures").GetProperty("received").GetInt64();

            var figures = page.Locator("[data-message-figures]");
            await Assertions.Expect(figures).ToBeVisibleAsync();
            await Assertions.Expect(figures.Locator("li").First).ToContainTextAsync($"{received}");
            await Assertions.Expect(figures).ToContainTextAsync("年收到留言");
            await Assertions.Expect(page.Locator("[data-message-link]")).ToBeHiddenAsync();
        });
    }

    [BrowserFact]
    public async Task SuggestionList_FilterKeepsItsStateInTheAddress_AndARowOpensTheReply()
    {
        var page = await server.OpenAsync("phone", "/suggestions/?status=%E5%B7%B2%E5%8A%9E%E7%BB%93");
        await SampleServer.JourneyAsync(page, "suggestion-filter", async () =>
        {
            await Assertions.Expect(page.Locator("#f-status")).ToHaveValueAsync("已办结");
            var visible = page.Locator("#suggestions tbody tr:visible");
            await Assertions.Expect(page.Locator("#suggestions-count")).ToHaveTextAsync($"共 {await visible.CountAsync()} 件");
            foreach (var status in await page.Locator("#suggestions tbody tr:visible").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)"))
            {
                Assert.Equal("已办结", status);
            }

            await page.Locator("#f-result").SelectOptionAsync("A");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("result=A"));

            await page.GetByRole(AriaRole.Link, new() { Name = "关于在农村推广老年助餐点的建议" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/suggestions/2026-001/$"));
            await Assertions.Expect(page.Locator(".reply")).ToContainTextAsync("六个村");
        });
    }

    /// <summary>Without script a static page cannot read its address: the status and result choices filter by site.css instead.</summary>
    [BrowserFact]
    public async Task SuggestionList_WithoutJavaScript_StatusAndResultStillFilter()
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 375, Height = 812 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/suggestions/");
        await SampleServer.JourneyAsync(page, "suggestion-filter-nojs", async () =>
        {
            var all = await page.Locator("#suggestions tbody tr:visible").CountAsync();
            await page.Locator("#f-status").SelectOptionAsync("已办结");
            var statuses = await page.Locator("#suggestions tbody tr:visible").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
            Assert.NotEmpty(statuses);
            Assert.True(statuses.Length < all);
            Assert.All(statuses, s => Assert.Equal("已办结", s));

            await page.Locator("#f-result").SelectOptionAsync("A");
            var both = await page.Locator("#suggestions tbody tr:visible").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status + r.dataset.result)");
            Assert.NotEmpty(both);
            Assert.All(both, s => Assert.Equal("已办结A", s));
            await Assertions.Expect(page.Locator("#f-unit")).ToBeHiddenAsync();
        });
    }

    /// <summary>This year's count of messages to a deputy, as the endpoint gives it.</summary>
    private static async Task<long> ReceivedAsync(IPage page, string deputy)
    {
        var answer = await page.APIRequest.GetAsync($"/api/deputies/{deputy}/messages");
        using var json = JsonDocument.Parse(await answer.TextAsync());
        return json.RootElement.GetProperty("figures").GetProperty("received").GetInt64();
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(SampleServer.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleServer.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
