using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Site.EndToEnd.Tests;

/// <summary>
/// 给代表留言 as a citizen does it on a 375 px phone: scan the deputy's printed QR code, write from the
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
        // The code opens the page at its message form (#message), as its caption 扫码给代表留言 says.
        Assert.Equal("#message", new Uri(scanned).Fragment);
        var path = new Uri(scanned).AbsolutePath;
        Assert.Equal("/deputies/D0003/", path);

        var page = await server.OpenAsync("phone", path);
        await SampleServer.JourneyAsync(page, "message-loop", async () =>
        {
            // The way to write is on the first screen.
            var write = page.GetByRole(AriaRole.Link, new() { Name = "给陈美华代表留言" });
            Assert.True((await write.BoundingBoxAsync())!.Y < 812, "给代表留言 is below the first screen");
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

            // The receipt's link opens the site's lookup, which asks the endpoint and shows it here. It is one
            // piece on a 375 px phone (it broke between 查 and 询回执), as the number is.
            var lookup = page.Locator("#message-result").GetByRole(AriaRole.Link, new() { Name = "查询回执" });
            Assert.Equal("nowrap", await lookup.EvaluateAsync<string>("a => getComputedStyle(a).whiteSpace"));
            Assert.Equal(1, await lookup.EvaluateAsync<int>("a => a.getClientRects().length"));
            await lookup.ClickAsync();
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

    /// <summary>
    /// The limit counts characters as people see them, as the endpoint does: 2,000 family emoji (eight
    /// UTF-16 units each) are 2,000 字 and go through, one more is held back with a Chinese sentence.
    /// A failed post keeps everything typed; a stored one leaves nothing personal in the form, only the receipt.
    /// </summary>
    [BrowserFact]
    public async Task MessageForm_CountsAsPeopleSee_KeepsAllOnFailure_ClearsAfterTheReceipt()
    {
        var page = await server.OpenAsync("phone", "/deputies/D0003/#message");
        await SampleServer.JourneyAsync(page, "message-limits", async () =>
        {
            const string family = "👨‍👩‍👧";
            var text = page.Locator("#message-text");
            var counter = page.Locator("#message-count");
            await text.FillAsync(string.Concat(Enumerable.Repeat(family, 2001)));
            await Assertions.Expect(counter).ToHaveTextAsync("已写 2001 字，超出 1 字，请删减");
            Assert.False(await text.EvaluateAsync<bool>("t => t.checkValidity()"));
            Assert.Contains("最多 2000 字", await text.EvaluateAsync<string>("t => t.validationMessage"));

            var full = string.Concat(Enumerable.Repeat(family, 2000));
            await text.FillAsync(full);
            await Assertions.Expect(counter).ToHaveTextAsync("已写 2000 字，还可写 0 字");
            Assert.True(await text.EvaluateAsync<bool>("t => t.checkValidity()"));
            var name = page.GetByRole(AriaRole.Textbox, new() { Name = "姓名" });
            var contact = page.GetByRole(AriaRole.Textbox, new() { Name = "联系方式" });
            await name.FillAsync("李晓燕");
            await contact.FillAsync("13800000000");
            var send = page.GetByRole(AriaRole.Button, new() { Name = "提交留言" });

            // The connection drops: nothing is lost.
            await page.RouteAsync("**/api/deputies/D0003/messages", route => route.Request.Method == "POST" ? route.AbortAsync() : route.ContinueAsync());
            await send.ClickAsync();
            await Assertions.Expect(page.Locator("#message-result")).ToContainTextAsync("网络连接失败");
            await Assertions.Expect(text).ToHaveValueAsync(full);
            await Assertions.Expect(name).ToHaveValueAsync("李晓燕");
            await Assertions.Expect(contact).ToHaveValueAsync("13800000000");

            // Back online: the endpoint takes what the counter allowed, and the form keeps nothing of it.
            await page.UnrouteAllAsync();
            await send.ClickAsync();
            await Assertions.Expect(page.Locator("#message-result .receipt-number")).ToHaveTextAsync(new Regex(@"^LY\d{6}-[0-9A-Z]{8}$"));
            await Assertions.Expect(text).ToHaveValueAsync("");
            await Assertions.Expect(name).ToHaveValueAsync("");
            await Assertions.Expect(contact).ToHaveValueAsync("");
            await Assertions.Expect(page.Locator("#message-publish")).Not.ToBeCheckedAsync();
            await Assertions.Expect(page.Locator("#message-result")).ToBeVisibleAsync();
            Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('message:deputies:D0003')"));
            await ScreenshotAsync(page, "message-sent-cleared-375");
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

            // The unit choice is a link to the unit's own page.
            await page.GetByText("按承办单位查看").ClickAsync();
            var unit = page.Locator("details.unit-links a").First;
            var name = (await unit.TextContentAsync())!;
            await unit.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name + "承办的代表建议");
            var units = await page.Locator("#suggestions tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unit)");
            Assert.NotEmpty(units);
            Assert.All(units, u => Assert.Equal(name, u));
        });
    }

    /// <summary>
    /// The office's half of the loop: a message posted from the deputy's page with consent to publish,
    /// the office's sheet exported and filled in as staff do (状态, 承办单位, 答复内容, 答复日期, 是否公开)
    /// and imported back over HTTP with the staff token; then what the citizen sees at 375 px: the
    /// reply in the receipt lookup, and the message with its reply and the figures on the deputy's page.
    /// </summary>
    [BrowserFact]
    public async Task OfficeRepliesThroughTheSheet_TheLookupShowsTheReply_AndTheDeputyPagePublishesIt()
    {
        const string Text = "易俗河镇农贸市场门口早上摊位占道，学生上学要绕到机动车道上走，希望管一管。";
        const string Reply = "镇市场监管所已划定临时摊位区，每天早上七点至八点安排专人劝导，学生通道已恢复畅通。";
        const string Unit = "易俗河镇人民政府";
        const string Contact = "13700001111";
        var page = await server.OpenAsync("phone", "/deputies/D0006/");
        await SampleServer.JourneyAsync(page, "message-office-loop", async () =>
        {
            var before = await ReceivedAsync(page, "D0006");
            var answeredBefore = await AnsweredAsync(page, "D0006");
            await page.GetByLabel("留言内容（5 至 2000 字，必填）").FillAsync(Text);
            await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名" }).FillAsync("李晓燕");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "联系方式" }).FillAsync(Contact);
            await page.Locator("label[for=message-publish]").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).ClickAsync();
            var number = page.Locator("#message-result .receipt-number");
            await Assertions.Expect(number).ToHaveTextAsync(new Regex(@"^LY\d{6}-[0-9A-Z]{8}$"));
            var receipt = (await number.TextContentAsync())!;

            // The office: its sheet over HTTP, with the staff token (without it, nothing).
            var staff = new Dictionary<string, string> { ["Authorization"] = "Bearer " + SampleServer.StaffToken };
            Assert.Equal(401, (await page.APIRequest.GetAsync("/api/messages/export.xlsx")).Status);
            var export = await page.APIRequest.GetAsync("/api/messages/export.xlsx", new() { Headers = staff });
            Assert.Equal(200, export.Status);
            using var exported = new MemoryStream(await export.BodyAsync());
            var rows = exported.Query(useHeaderRow: true, sheetName: "留言").Cast<IDictionary<string, object?>>().ToList();
            var row = Assert.Single(rows, r => Equals(r["回执编号"], receipt));
            Assert.Equal((Text, Contact, "是"), (row["留言内容"], row["联系方式"], row["是否同意公开"]));

            var today = DateTime.UtcNow.AddHours(8).Date;
            row["状态"] = "已答复";
            row["承办单位"] = Unit;
            row["答复内容"] = Reply;
            row["答复日期"] = today;
            row["是否公开"] = "是";
            using var filled = new MemoryStream();
            filled.SaveAs(rows, sheetName: "留言");
            var import = await page.APIRequest.PostAsync("/api/messages/import", new()
            {
                Headers = staff,
                Multipart = page.Context.APIRequest.CreateFormData().Set("file", new FilePayload
                {
                    Name = "留言办理表.xlsx",
                    MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    Buffer = filled.ToArray(),
                }),
            });
            var importText = await import.TextAsync();
            Assert.True(import.Status == 200, importText);
            Assert.Equal(1, JsonDocument.Parse(importText).RootElement.GetProperty("updated").GetInt32());

            // The citizen looks the number up on the site's page, typed in by hand.
            await page.GotoAsync("/receipts/");
            await page.GetByLabel("回执编号").FillAsync(receipt);
            await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            var answer = page.Locator("#receipt-answer");
            await Assertions.Expect(answer).ToContainTextAsync(receipt);
            await Assertions.Expect(answer).ToContainTextAsync("马志强代表");
            await Assertions.Expect(answer).ToContainTextAsync("已答复");
            await Assertions.Expect(answer).ToContainTextAsync(Reply);
            await Assertions.Expect(answer).ToContainTextAsync(Unit);
            await Assertions.Expect(answer).ToContainTextAsync($"{today.Year}年{today.Month}月{today.Day}日");
            await Assertions.Expect(answer).Not.ToContainTextAsync(Contact);
            await Assertions.Expect(answer).Not.ToContainTextAsync("李晓燕");
            await ScreenshotAsync(page, "receipt-reply-375");

            // The deputy's page: the message and the reply, dated, without the name or the contact; the figures.
            // (Another phone: this one's browser may keep the list it read on arrival for 60 s, as the endpoint's Cache-Control allows.)
            var visitor = await server.OpenAsync("phone", "/deputies/D0006/");
            var published = visitor.Locator("[data-message-list] > li").Filter(new() { HasText = Text });
            await Assertions.Expect(published).ToHaveCountAsync(1);
            await Assertions.Expect(published.Locator(".reply")).ToContainTextAsync(Reply);
            await Assertions.Expect(published.Locator(".reply")).ToContainTextAsync($"{Unit}答复（{today.Year}年{today.Month}月{today.Day}日）");
            await Assertions.Expect(published.Locator("time")).ToHaveTextAsync($"{today.Year}年{today.Month}月{today.Day}日");
            var section = visitor.Locator("section.published-messages");
            await Assertions.Expect(section).Not.ToContainTextAsync("李晓燕");
            await Assertions.Expect(section).Not.ToContainTextAsync(Contact);
            await Assertions.Expect(section).Not.ToContainTextAsync(receipt);
            var figures = section.Locator("[data-message-figures] li");
            await Assertions.Expect(figures.Nth(0)).ToHaveTextAsync($"{before + 1}{today.Year}年收到留言");
            await Assertions.Expect(figures.Nth(1)).ToHaveTextAsync($"{answeredBefore + 1}已答复");
            await published.ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync(visitor, "deputy-published-375");

            // Without script, the link on the deputy's page opens the endpoint's page of the same.
            var plain = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, Locale = "zh-CN" });
            var noScript = await plain.NewPageAsync();
            await noScript.GotoAsync("/deputies/D0006/");
            await noScript.GetByRole(AriaRole.Link, new() { Name = "查看公开的留言、答复和今年的办理数据" }).ClickAsync();
            await Assertions.Expect(noScript.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("马志强代表：留言和答复");
            var item = noScript.Locator("[data-message-list] > li").Filter(new() { HasText = Text });
            await Assertions.Expect(item.Locator(".reply")).ToContainTextAsync(Reply);
            await Assertions.Expect(item.Locator(".reply")).ToContainTextAsync($"{Unit}答复（{today.Year}年{today.Month}月{today.Day}日）");
            await Assertions.Expect(noScript.Locator("[data-message-figures] li").Nth(1)).ToHaveTextAsync($"{answeredBefore + 1}已答复");
            await Assertions.Expect(noScript.Locator("main")).Not.ToContainTextAsync("李晓燕");
            await Assertions.Expect(noScript.Locator("main")).Not.ToContainTextAsync(Contact);
            await ScreenshotAsync(noScript, "published-messages-page-375");
        });
    }

    /// <summary>Without script the deputy's "published messages" link opens the endpoint's page, not its JSON.</summary>
    [BrowserFact]
    public async Task PublishedMessagesLink_WithoutJavaScript_OpensAPageWithTheFigures()
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/deputies/D0011/");
        await SampleServer.JourneyAsync(page, "published-messages-nojs", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "查看公开的留言、答复和今年的办理数据" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/api/deputies/D0011/messages/page$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("留言和答复");
            await Assertions.Expect(page.Locator("[data-message-figures]")).ToContainTextAsync("年收到留言");
            Assert.False(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > 375"), "the page is wider than the phone");
            await ScreenshotAsync(page, "published-messages-nojs-375");
        });
    }

    /// <summary>This year's count of messages to a deputy, as the endpoint gives it.</summary>
    private static async Task<long> ReceivedAsync(IPage page, string deputy)
    {
        var answer = await page.APIRequest.GetAsync($"/api/deputies/{deputy}/messages");
        using var json = JsonDocument.Parse(await answer.TextAsync());
        return json.RootElement.GetProperty("figures").GetProperty("received").GetInt64();
    }

    /// <summary>This year's count of answered messages to a deputy, as the endpoint gives it.</summary>
    private static async Task<long> AnsweredAsync(IPage page, string deputy)
    {
        var answer = await page.APIRequest.GetAsync($"/api/deputies/{deputy}/messages");
        using var json = JsonDocument.Parse(await answer.TextAsync());
        return json.RootElement.GetProperty("figures").GetProperty("answered").GetInt64();
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(SampleServer.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleServer.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
