using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>What citizens do on the site, on a phone (375×812) and on a desktop screen.</summary>
[Collection(nameof(SampleServer))]
public sealed class JourneyTests(SampleServer server)
{
    public static TheoryData<string> Viewports => new() { "phone", "desktop" };

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task FindMyDeputyByName_AndOpenTheirPage(string viewport)
    {
        var page = await server.OpenAsync(viewport, "/");
        await SampleServer.JourneyAsync(page, $"deputy-{viewport}", async () =>
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "代表" }).ClickAsync();
            // The initials of the name's pinyin, as typed on a phone, then the name itself.
            await page.GetByPlaceholder("输入姓名或拼音筛选本页").FillAsync("oyhm");
            var visible = page.Locator("#deputy-table tbody tr:visible");
            await Assertions.Expect(visible).ToHaveCountAsync(1);
            await page.GetByPlaceholder("输入姓名或拼音筛选本页").FillAsync("欧阳");
            await Assertions.Expect(visible).ToHaveCountAsync(1);
            await visible.GetByRole(AriaRole.Link, new() { Name = "欧阳红梅" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("欧阳红梅");
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "欧阳红梅代表的二维码：扫码打开给欧阳红梅代表留言的表单" })).ToBeVisibleAsync();
            await AssertNothingOverflowsAsync(page);
        });
    }

    // A citizen typed 陳 in the roster's filter and found nobody, while the site search found 陈美华:
    // the filter folds traditional characters (and full-width letters) as the search does.
    [BrowserFact]
    public async Task FindMyDeputyByName_TypedInTraditionalCharacters_OnAPhone()
    {
        var page = await server.OpenAsync("phone", "/deputies/");
        await SampleServer.JourneyAsync(page, "deputy-traditional-phone", async () =>
        {
            var filter = page.GetByPlaceholder("输入姓名或拼音筛选本页");
            var visible = page.Locator("#deputy-table tbody tr:visible");

            await filter.FillAsync("陳");
            await Assertions.Expect(visible.GetByRole(AriaRole.Link, new() { Name = "陈美华" })).ToBeVisibleAsync();
            Assert.All(await visible.Locator("td[data-label=姓名]").AllTextContentsAsync(), name => Assert.Contains("陈", name));

            await filter.FillAsync("陳美華");
            await Assertions.Expect(visible).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#deputy-table-count")).ToHaveTextAsync("找到 1 名");

            // Pinyin typed with a full-width keyboard.
            await filter.FillAsync("ＣＭＨ");
            await Assertions.Expect(visible).ToHaveCountAsync(1);

            await visible.GetByRole(AriaRole.Link, new() { Name = "陈美华" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("陈美华");
            await AssertNothingOverflowsAsync(page);
        });
    }

    // A fresh tester typed a name the roster does not have and read "…全站搜索。，按姓氏笔画排序": stray
    // punctuation, 全站搜索 not a link, no suggestion. The sentence stands alone, offers the name one
    // character off and links the site search with what was typed.
    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task DeputyFilter_NobodyMatches_OffersTheCloseNameAndTheSiteSearch(string viewport)
    {
        var page = await server.OpenAsync(viewport, "/deputies/");
        await SampleServer.JourneyAsync(page, $"deputy-filter-none-{viewport}", async () =>
        {
            var filter = page.GetByPlaceholder("输入姓名或拼音筛选本页");
            // As read on the screen (innerText): the order's hidden words are not part of the sentence.
            var line = page.Locator("#deputy-table-count").Locator("xpath=..");
            var shown = new LocatorAssertionsToHaveTextOptions { UseInnerText = true };

            await filter.FillAsync("王建过");
            await Assertions.Expect(line).ToHaveTextAsync("本页没有找到“王建过”。您是不是要找王建国？可以到全站搜索查找。", shown);
            await Assertions.Expect(line.GetByRole(AriaRole.Link, new() { Name = "王建国" })).ToHaveAttributeAsync("href", "/deputies/D0001/");
            await Assertions.Expect(line.GetByRole(AriaRole.Link, new() { Name = "全站搜索" }))
                .ToHaveAttributeAsync("href", "/search/?q=" + Uri.EscapeDataString("王建过"));
            await Assertions.Expect(page.Locator("#deputy-table thead")).ToBeHiddenAsync();

            // Nothing close: no suggestion, and the search link carries what was typed.
            await filter.FillAsync("张三丰");
            await Assertions.Expect(line).ToHaveTextAsync("本页没有找到“张三丰”。可以到全站搜索查找。", shown);
            await AssertNothingOverflowsAsync(page);

            await line.GetByRole(AriaRole.Link, new() { Name = "全站搜索" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("全站搜索");
            await Assertions.Expect(page.Locator("#search-q")).ToHaveValueAsync("张三丰");

            await page.GoBackAsync();
            await filter.FillAsync("");
            await Assertions.Expect(line).ToHaveTextAsync(new Regex(@"^共 \d+ 名，按姓氏笔画排序$"), shown);
        });
    }

    // The station finder folds traditional characters too: 花石鎮 finds the stations of 花石镇.
    [BrowserFact]
    public async Task FindAStation_TypedInTraditionalCharacters_OnAPhone()
    {
        var page = await server.OpenAsync("phone", "/stations/");
        await SampleServer.JourneyAsync(page, "station-traditional-phone", async () =>
        {
            await page.GetByLabel("按村（社区）、乡镇或站名查找").FillAsync("花石鎮");
            await Assertions.Expect(page.Locator("#station-groups li.card:not([data-filter-only]):visible")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#station-groups-count")).ToHaveTextAsync("找到 2 个");
        });
    }

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task FindAStationInMyTownship_AndItsNextReceptionDay(string viewport)
    {
        var page = await server.OpenAsync(viewport, "/stations/");
        await SampleServer.JourneyAsync(page, $"station-{viewport}", async () =>
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "按乡镇（街道）查找" }).GetByRole(AriaRole.Link, new() { Name = "花石镇" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "花石镇代表之家" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("花石镇代表之家");
            var next = page.Locator("section[aria-labelledby=next] li").First;
            await Assertions.Expect(next).ToHaveTextAsync(new Regex(@"^\d{4}年\d{1,2}月\d{1,2}日"));
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "把接待日加入手机日历" })).ToBeVisibleAsync();
            await AssertNothingOverflowsAsync(page);
        });
    }

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task FindTheStationForMyCommunity_ByTypingItsName(string viewport)
    {
        var page = await server.OpenAsync(viewport, "/stations/");
        await SampleServer.JourneyAsync(page, $"station-finder-{viewport}", async () =>
        {
            var finder = page.GetByLabel("按村（社区）、乡镇或站名查找");
            var cards = page.Locator("#station-groups li.card:not([data-filter-only]):visible");
            var places = page.Locator("#station-groups li.card[data-filter-only]:visible");

            // A community's name finds the contact point in it, and only that (and the community's own page).
            await finder.FillAsync("吴家巷");
            await Assertions.Expect(cards).ToHaveCountAsync(1);
            await Assertions.Expect(cards.First).ToContainTextAsync("吴家巷社区基层立法联系点");
            await Assertions.Expect(page.Locator("#station-groups section[data-filter-group]:not([aria-labelledby=places]):visible")).ToHaveCountAsync(1);
            await Assertions.Expect(places).ToHaveCountAsync(1);

            // A village without a station finds its town's stations and its own page.
            await finder.FillAsync("烟塘");
            await Assertions.Expect(cards).ToHaveCountAsync(2);
            await Assertions.Expect(places.First).ToContainTextAsync("烟塘村");

            // A township's name finds every station in it.
            await finder.FillAsync("花石");
            await Assertions.Expect(cards).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#station-groups-count")).ToHaveTextAsync("找到 2 个");

            await finder.FillAsync("不存在的地方");
            await Assertions.Expect(cards).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#station-groups-count")).ToContainTextAsync("没有找到");

            await finder.FillAsync("");
            await Assertions.Expect(cards).ToHaveCountAsync(12);
            await Assertions.Expect(places).ToHaveCountAsync(0);
            await AssertNothingOverflowsAsync(page);
        });
    }

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task ReadThisYearsBallotResults(string viewport)
    {
        var page = await server.OpenAsync(viewport, "/");
        await SampleServer.JourneyAsync(page, $"ballot-{viewport}", async () =>
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "民生实事" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "2026年湘潭县人民代表大会民生实事项目票决" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2026年湘潭县人民代表大会");
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "13 个候选项目的得票（实到代表 217 人）" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("table.vote-table tbody tr")).ToHaveCountAsync(13);
            await Assertions.Expect(page.Locator("table.vote-table tbody tr.elected")).ToHaveCountAsync(10);
            await Assertions.Expect(page.Locator("#projects ~ ul progress")).ToHaveCountAsync(10);
            await AssertNothingOverflowsAsync(page);
        });
    }

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task SearchAChineseFragment_AndOpenTheHit(string viewport)
    {
        var page = await server.OpenAsync(viewport, "/");
        await SampleServer.JourneyAsync(page, $"search-{viewport}", async () =>
        {
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索全站" }).FillAsync("家巷");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索全站" }).PressAsync("Enter");

            var first = page.Locator(".search-hits li").First;
            await Assertions.Expect(first.Locator("mark").First).ToHaveTextAsync("家巷");
            await first.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("吴家巷社区基层立法联系点");
        });
    }

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task Search_WithJavaScript_NextPageAndFiltersShowWhatTheySay(string viewport)
    {
        var page = await server.OpenAsync(viewport, "/search/?q=%E7%AB%99");
        await SampleServer.JourneyAsync(page, $"search-paging-{viewport}", async () =>
        {
            var hits = page.Locator(".search-hits li h2");
            await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("第 1 /");
            var firstPage = await hits.AllInnerTextsAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
            await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("第 2 /");
            await page.WaitForTimeoutAsync(500);
            await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("第 2 /");
            var secondPage = await hits.AllInnerTextsAsync();
            Assert.NotEmpty(secondPage);
            Assert.Empty(firstPage.Intersect(secondPage));

            // A search typed on the page (the address /search/?q=…&page=2) opens on that page too.
            await page.GotoAsync("/search/?q=%E7%AB%99&page=2");
            await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("第 2 /");
            Assert.Equal(secondPage, await hits.AllInnerTextsAsync());

            await page.Locator(".facets").GetByRole(AriaRole.Link, new() { Name = "家站点" }).First.ClickAsync();
            await page.WaitForTimeoutAsync(500);
            await Assertions.Expect(page.Locator(".facets a[aria-current=true]").First).ToContainTextAsync("家站点");
            Assert.All(await page.Locator(".search-hits li .meta").AllInnerTextsAsync(), meta => Assert.StartsWith("家站点", meta));
        });
    }

    [BrowserFact]
    public async Task Search_WithoutJavaScript_StillWorks()
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 375, Height = 812 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await SampleServer.JourneyAsync(page, "search-nojs", async () =>
        {
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索全站" }).FillAsync("物业费");
            await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).First.ClickAsync();

            await Assertions.Expect(page.Locator("#search-total")).ToContainTextAsync("找到");
            await Assertions.Expect(page.Locator(".search-hits li").First).ToContainTextAsync("第十二条");
        });
    }

    [BrowserTheory]
    [MemberData(nameof(Viewports))]
    public async Task CommentOnArticleThree_SeeReceiptAndCountGoUp(string viewport)
    {
        var page = await server.OpenAsync(viewport, "/drafts/wuye-guanli-tiaoli/");
        await SampleServer.JourneyAsync(page, $"comment-{viewport}", async () =>
        {
            var count = page.Locator("[data-stat=comments]");
            await Assertions.Expect(count).ToHaveTextAsync(new Regex(@"^\d+$"));
            var before = int.Parse(await count.TextContentAsync() ?? "0");

            await page.GetByRole(AriaRole.Link, new() { Name = "对第三条提意见" }).ClickAsync();
            await Assertions.Expect(page.Locator("#comment-article")).ToHaveValueAsync("article-3");
            await page.GetByLabel("意见内容（5 至 5000 字，必填）").FillAsync($"建议第三条写明业主大会可以线上表决（{viewport}）。");
            await page.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();

            await Assertions.Expect(page.Locator(".receipt-number")).ToHaveTextAsync(new Regex(@"^YJ\d{6}-[0-9A-Z]{8}$"));
            await Assertions.Expect(count).Not.ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(int.Parse(await count.TextContentAsync() ?? "0") > before);
            await Assertions.Expect(page.Locator("[data-article-count=article-3]")).ToContainTextAsync("条意见");
        });
    }

    [BrowserFact]
    public async Task CommentOnAClosedDraft_SaysWhyNot()
    {
        var page = await server.OpenAsync("phone", "/drafts/wenming-xingwei-banfa/");
        await SampleServer.JourneyAsync(page, "closed-draft", async () =>
        {
            await Assertions.Expect(page.Locator("#comment")).ToContainTextAsync("本草案征求意见已于 2025年8月31日 截止，不再接收新的意见");
            await Assertions.Expect(page.Locator("#comment-form")).ToHaveCountAsync(0);

            // A form kept open in another tab since before the deadline is refused with the reason.
            var response = await page.APIRequest.PostAsync("/api/drafts/wenming-xingwei-banfa/comments", new() { DataObject = new { text = "截止之后才提交的意见。" } });
            Assert.Equal(409, response.Status);
            Assert.Contains("已于 2025年8月31日 截止", await response.TextAsync());
        });
    }

    /// <summary>
    /// The comment form counts as the message form does, and an empty required field is said in
    /// Chinese whatever language the phone is set to (the browser's own sentence would follow it).
    /// </summary>
    [BrowserFact]
    public async Task CommentForm_CountsCharacters_AndSaysAnEmptyFieldInChinese()
    {
        var page = await server.OpenAsync("phone", "/drafts/wuye-guanli-tiaoli/");
        await SampleServer.JourneyAsync(page, "comment-count", async () =>
        {
            var text = page.Locator("#comment-text");
            var counter = page.Locator("#comment-count");
            await Assertions.Expect(counter).ToHaveTextAsync("最多 5000 字");

            await page.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
            Assert.Equal("请填写此项", await text.EvaluateAsync<string>("t => t.validationMessage"));
            await Assertions.Expect(page.Locator("#comment-result")).Not.ToContainTextAsync("正在提交");

            await text.FillAsync("物业费");
            await Assertions.Expect(counter).ToHaveTextAsync("已写 3 字，至少 5 字");
            Assert.Equal("至少 5 字，已写 3 字", await text.EvaluateAsync<string>("t => t.validationMessage"));
            await text.FillAsync("建议物业费公示到楼栋。");
            await Assertions.Expect(counter).ToHaveTextAsync("已写 11 字，还可写 4989 字");
            Assert.True(await text.EvaluateAsync<bool>("t => t.checkValidity()"));
        });
    }

    [BrowserFact]
    public async Task CommentForm_KeepsTheTextAfterAFailedNetworkCall()
    {
        var page = await server.OpenAsync("phone", "/drafts/wuye-guanli-tiaoli/");
        await SampleServer.JourneyAsync(page, "offline-comment", async () =>
        {
            const string text = "网络断了也不能丢的意见：建议物业费公示到楼栋。";
            await page.RouteAsync("**/api/drafts/*/comments", route => route.AbortAsync("internetdisconnected"));
            await page.GetByLabel("意见内容（5 至 5000 字，必填）").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();

            await Assertions.Expect(page.Locator("#comment-result")).ToContainTextAsync("网络连接失败，意见未提交");
            await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync(text);

            // Closing the page and coming back later: the text is still there.
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync(text);
        });
    }

    // #20 case 10: a store failure answered 500 with no body, and the page said "网络连接失败".
    [BrowserFact]
    public async Task CommentForm_StoreUnavailable_SaysTheServersSentenceAndKeepsTheText()
    {
        var page = await server.OpenAsync("phone", "/drafts/wuye-guanli-tiaoli/");
        await SampleServer.JourneyAsync(page, "store-unavailable", async () =>
        {
            const string text = "意见库出故障时提交的意见：建议公示维修资金的使用。";
            await page.RouteAsync("**/api/drafts/*/comments", route => route.FulfillAsync(new()
            {
                Status = 503,
                ContentType = "application/problem+json; charset=utf-8",
                Headers = new Dictionary<string, string> { ["Retry-After"] = "30" },
                Body = "{\"title\":\"意见库暂时无法访问\",\"status\":503,\"detail\":\"意见库暂时无法访问，您的意见没有保存。请稍后再试，您填写的内容仍在本页\"}",
            }));
            await page.GetByLabel("意见内容（5 至 5000 字，必填）").FillAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();

            await Assertions.Expect(page.Locator("#comment-result")).ToContainTextAsync("意见库暂时无法访问，您的意见没有保存");
            await Assertions.Expect(page.Locator("#comment-result")).Not.ToContainTextAsync("网络连接失败");
            await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync(text);
        });
    }

    // #20 case 14: the page states the deadline; the endpoint's answer keeps the status and the form.
    [BrowserFact]
    public async Task OpenDraft_StatesTheDeadline_AndStaysOpenByTheLiveClock()
    {
        var page = await server.OpenAsync("desktop", "/drafts/wuye-guanli-tiaoli/");
        await SampleServer.JourneyAsync(page, "draft-status", async () =>
        {
            // The deadline as the end of the whole period (征求意见时间：… 至 2026年12月31日).
            await Assertions.Expect(page.Locator(".draft-status")).ToContainTextAsync(new Regex(@"征求意见时间：\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日"));
            await Assertions.Expect(page.Locator("[data-stat=comments]")).ToHaveTextAsync(new Regex(@"^\d+$"));
            await Assertions.Expect(page.Locator(".draft-status .status")).ToHaveTextAsync("征求意见中");
            await Assertions.Expect(page.Locator("#comment-form")).ToBeVisibleAsync();
        });
    }

    // #20 case 15: `serve` sent none of the headers netlify.toml sets.
    [BrowserFact]
    public async Task Serve_SendsTheSecurityHeaders_OnPagesAndTheApi()
    {
        using var client = new HttpClient();
        foreach (var path in new[] { "/", "/drafts/wuye-guanli-tiaoli/", "/assets/site.css", "/api/drafts/wuye-guanli-tiaoli/stats", "/no-such-page/" })
        {
            var response = await client.GetAsync(server.BaseUrl + path);
            foreach (var (name, value) in Site.Intake.Http.SecurityHeaders.Values)
            {
                Assert.True(response.Headers.TryGetValues(name, out var values), $"{path} has no {name}");
                Assert.Equal(value, string.Join(", ", values));
            }
        }
    }

    [BrowserFact]
    public async Task KeyboardOnly_SkipLinkThenTheFirstHeading()
    {
        var page = await server.OpenAsync("desktop", "/stations/");
        await SampleServer.JourneyAsync(page, "keyboard", async () =>
        {
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("跳到正文");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("id", "main");
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => document.activeElement.closest('main') ? 'main' : 'outside'");
            Assert.Equal("main", focused);
        });
    }

    /// <summary>Nothing wider than the screen: the phone user never scrolls sideways.</summary>
    private static async Task AssertNothingOverflowsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
    }
}
