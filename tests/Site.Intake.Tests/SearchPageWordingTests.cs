using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Site.Contracts;
using Site.Search;

namespace Site.Intake.Tests;

/// <summary>
/// What a fresh tester of the search page met on a phone (issue #23, its last findings): two readings of
/// one draft that looked like one hit twice, counts that contradicted the notice beside them, filter
/// values echoed as typed, page=0 taken silently, and a raw UTF-8 address answered with 400.
/// </summary>
public sealed class SearchPageWordingTests
{
    private static readonly HtmlParser Parser = new();

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string query) =>
        Parser.ParseDocument(await client.GetStringAsync("/api/search/page?" + query));

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    /// <summary>A data folder whose drafts.json has two readings of one title (一审 closed, 二审 open) and whose index has both and an article of the second.</summary>
    private static string TwoReadings()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        var now = DateTimeOffset.UtcNow;
        var manifest = new DraftManifest(
        [
            new DraftEntry("wuye", "某县物业管理条例（草案）", "/drafts/wuye/", now.AddDays(-5), now.AddDays(20), [new ArticleEntry("article-1", "第一条")], Reading: "二审"),
            new DraftEntry("wuye-yishen", "某县物业管理条例（草案）", "/drafts/wuye-yishen/", now.AddDays(-150), now.AddDays(-120), [new ArticleEntry("article-1", "第一条")], Reading: "一审"),
            new DraftEntry("wenming", "某县文明行为促进办法（征求意见稿）", "/drafts/wenming/", now.AddDays(10), now.AddDays(40), [], Reading: "征求意见稿"),
        ]);
        File.WriteAllText(Path.Combine(folder, DraftManifest.FileName), JsonSerializer.Serialize(manifest, DraftManifest.Json));
        IntakeApplication.WriteSearchData(folder,
        [
            new SearchDocument("/drafts/wuye/", "某县物业管理条例（草案）", "物业服务 二审", SearchTypes.Draft, Date: DateOnly.FromDateTime(now.AddDays(-5).UtcDateTime)),
            new SearchDocument("/drafts/wuye-yishen/", "某县物业管理条例（草案）", "物业服务 一审", SearchTypes.Draft, Date: DateOnly.FromDateTime(now.AddDays(-150).UtcDateTime)),
            new SearchDocument("/drafts/wuye/#article-1", "某县物业管理条例（草案） 第一条", "为了规范物业管理活动", SearchTypes.Article),
            new SearchDocument("/drafts/wenming/", "某县文明行为促进办法（征求意见稿）", "文明行为 物业", SearchTypes.Draft),
            new SearchDocument("/stories/a/", "物业管理座谈会", "代表听取物业管理意见", SearchTypes.Story),
        ]);
        return folder;
    }

    [Fact]
    public async Task TwoReadingsOfOneTitle_EachHitSaysItsReadingAndWhetherItIsOpen()
    {
        await using var application = new IntakeApplication(TwoReadings());
        var document = await PageAsync(application.CreateClient(), Q("物业"));

        string Meta(string url) => document.QuerySelector($".search-hits a[href='{url}']")!.Closest("li")!.QuerySelector(".meta")!.TextContent;
        Assert.StartsWith("法规草案 · 二审 · 征求意见中", Meta("/drafts/wuye/"));
        Assert.StartsWith("法规草案 · 一审 · 已截止", Meta("/drafts/wuye-yishen/"));
        Assert.StartsWith("草案条文 · 二审 · 征求意见中", Meta("/drafts/wuye/#article-1"));
        Assert.StartsWith("法规草案 · 征求意见稿 · 尚未开始", Meta("/drafts/wenming/"));
        Assert.Equal("履职故事", Meta("/stories/a/"));
        Assert.Equal("status closed", document.QuerySelector(".search-hits a[href='/drafts/wuye-yishen/']")!.Closest("li")!.QuerySelector(".status")!.ClassName);
    }

    // The notice said none of the 3 hits has the filter, and "找到 0 条结果" under it said there were none at all.
    [Theory]
    [InlineData("&region=" + "%E7%81%AB%E6%98%9F%E9%95%87", "地区：火星镇")]
    [InlineData("&year=1999", "年份：1999年")]
    [InlineData("&region=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "地区：" + Site.Intake.Search.SearchApi.Unrecognised)]
    [InlineData("&type=%3Cb%3E", "类型：" + Site.Intake.Search.SearchApi.Unrecognised)]
    [InlineData("&year=2025%22onmouseover", "年份：" + Site.Intake.Search.SearchApi.Unrecognised)]
    public async Task AFilterNoHitHas_IsNamedSafely_AndNoCountContradictsTheNotice(string filter, string said)
    {
        await using var application = new IntakeApplication();
        var document = await PageAsync(application.CreateClient(), Q("接待日") + filter);

        Assert.Equal($"有 3 条结果包含“接待日”，但没有一条符合筛选条件（{said}）。查看不加筛选的 3 条结果", document.QuerySelector("#search-filtered-out")?.TextContent);
        Assert.Null(document.QuerySelector("#search-total"));
        Assert.DoesNotContain("0 条结果", document.QuerySelector("#search-results")!.TextContent);
        Assert.DoesNotContain("script", document.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("onmouseover", document.QuerySelector("main")!.TextContent);
    }

    // 300 characters pasted into region= were echoed in the notice and in a chip.
    [Fact]
    public async Task ALongJunkFilterValue_IsNotEchoed()
    {
        await using var application = new IntakeApplication();
        var junk = string.Concat(Enumerable.Repeat("花石镇", 100));
        var document = await PageAsync(application.CreateClient(), Q("接待日") + "&region=" + Uri.EscapeDataString(junk));

        var main = document.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("花石镇花石镇", main);
        Assert.Contains("地区：" + Site.Intake.Search.SearchApi.Unrecognised, document.QuerySelector("#search-filtered-out")?.TextContent);
        Assert.Contains(Site.Intake.Search.SearchApi.Unrecognised + "（0）", document.QuerySelectorAll("nav.facets a[aria-current='true']").Select(a => a.TextContent));
    }

    // "找到 0 条结果" and "没有找到…" both appeared; now one message, with the likely query when there is one.
    [Fact]
    public async Task NothingFound_SaysSoOnce_WithTheSuggestionWhenThereIsOne()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        var typo = await PageAsync(client, Q("花石真"));
        var nothing = await PageAsync(client, Q("火星基地"));

        Assert.Equal("没有找到包含“花石真”的内容。您是不是要找：花石镇", typo.QuerySelector("#search-none")?.TextContent);
        Assert.Equal("/api/search/page?" + Q("花石镇"), typo.QuerySelector("#search-none #search-suggestion a")?.GetAttribute("href"));
        Assert.Equal("没有找到包含“火星基地”的内容。可以少输几个字，或换个说法，如只输姓名、镇名。", nothing.QuerySelector("#search-none")?.TextContent);
        foreach (var document in new[] { typo, nothing })
        {
            Assert.Null(document.QuerySelector("#search-total"));
            Assert.Single(document.QuerySelectorAll("#search-results p"));
        }
    }

    // page=0 and page=-1 showed page 1 without a word, where page=abc said so.
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("00")]
    [InlineData("abc")]
    public async Task APageThatIsNoPage_ShowsTheFirstAndSaysSo(string asked)
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        var document = await PageAsync(client, Q("接待日") + "&page=" + Uri.EscapeDataString(asked));
        var first = await PageAsync(client, Q("接待日"));

        Assert.Equal($"页码“{asked}”不对，页码应为 1、2、3 这样的数字。下面是第 1 页。", document.QuerySelector("#search-bad-page")?.TextContent);
        Assert.Equal(
            first.QuerySelectorAll(".search-hits > li a").Select(a => a.GetAttribute("href")),
            document.QuerySelectorAll(".search-hits > li a").Select(a => a.GetAttribute("href")));
    }

    // The title's date (述职评议（2026年1月12日）) broke before 日 at 375 px: dates and counts in a title keep together.
    [Fact]
    public async Task AHitTitleWithADate_KeepsTheDateOnOneLine()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteSearchData(folder, [new SearchDocument("/deputies/D0001/#report-2026-01-12", "王建国代表述职评议（2026年1月12日）", "述职评议 参加选民 38 人", SearchTypes.Deputy)]);
        await using var application = new IntakeApplication(folder);

        var document = await PageAsync(application.CreateClient(), Q("述职评议"));

        Assert.Equal("2026年1月12日", document.QuerySelector(".search-hits .card-title a .nw")?.TextContent);
        Assert.Equal("王建国代表述职评议（2026年1月12日）", document.QuerySelector(".search-hits .card-title a")?.TextContent);
    }

    // Some in-app browsers (WeChat's) send the typed query as raw UTF-8, not percent-encoded; Kestrel refused it with 400.
    [Fact]
    public async Task ARawUtf8Query_IsSearched_AsItsEncodedForm()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder());

        var raw = await RawAsync(server.BaseAddress, "GET /api/search/page?q=易俗河&type=station HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        var json = await RawAsync(server.BaseAddress, "GET /api/search?q=接待日 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var encoded = await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString("易俗河") + "&type=station");

        Assert.StartsWith("HTTP/1.1 200 ", raw);
        var body = Parser.ParseDocument(raw[(raw.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.Equal("易俗河", body.QuerySelector("#search-q")?.GetAttribute("value"));
        Assert.Equal(
            Parser.ParseDocument(encoded).QuerySelectorAll(".search-hits > li a").Select(a => a.GetAttribute("href")),
            body.QuerySelectorAll(".search-hits > li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/stations/S01/"], body.QuerySelectorAll(".search-hits > li h2 a").Select(a => a.GetAttribute("href")));
        Assert.StartsWith("HTTP/1.1 200 ", json);
        Assert.Equal(["接待日"], Queries(json));

        // Two requests on one connection, the first with raw UTF-8: both answered, each its own.
        var both = await RawAsync(server.BaseAddress,
            "GET /api/search?q=花石镇 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/search?q=%E6%8E%A5%E5%BE%85%E6%97%A5 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        Assert.Equal(2, both.Split("HTTP/1.1 200 ").Length - 1);
        Assert.Equal(["花石镇", "接待日"], Queries(both));
    }

    /// <summary>The "query" of each JSON answer in <paramref name="answers"/>, in order.</summary>
    private static List<string> Queries(string answers) =>
        System.Text.RegularExpressions.Regex.Matches(answers, "\"query\":(\"(?:[^\"\\\\]|\\\\.)*\")")
            .Select(m => JsonSerializer.Deserialize<string>(m.Groups[1].Value)!).ToList();

    /// <summary>Sends <paramref name="request"/> as UTF-8 bytes on a socket (HttpClient always percent-encodes) and reads the answer to the end.</summary>
    private static async Task<string> RawAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
