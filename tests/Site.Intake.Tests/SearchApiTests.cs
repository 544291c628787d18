using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Site.Intake.Tests;

/// <summary>The search endpoint over a real index the way the build writes it.</summary>
public sealed class SearchApiTests
{
    [Fact]
    public async Task SearchJson_Fragment_ReturnsHitsSnippetsAndFacetCounts()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("俗河"));

        Assert.Equal(3, body.GetProperty("total").GetInt32());
        var first = body.GetProperty("hits")[0];
        Assert.Equal("/stations/S01/", first.GetProperty("url").GetString());
        Assert.Equal("家站点", first.GetProperty("typeLabel").GetString());
        Assert.Contains("<mark>俗河</mark>", first.GetProperty("snippetHtml").GetString());
        var types = body.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("value").GetString()!, t => t.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["deputy"] = 1, ["station"] = 1, ["story"] = 1 }, types);
        Assert.Equal("易俗河镇", body.GetProperty("regions")[0].GetProperty("value").GetString());
    }

    // page=99999999999 answered "应为整数（如 2）" though it is one; 0 and -1 are taken as page 1, as
    // the index clamps them, and the answer says which page it is.
    [Fact]
    public async Task SearchJson_PageOutOfRange_SaysTheRange_ZeroAndNegativeAreTheFirstPage()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();
        var q = "/api/search?q=" + Uri.EscapeDataString("俗河");

        var huge = await client.GetAsync(q + "&page=99999999999");
        var first = await client.GetFromJsonAsync<JsonElement>(q + "&page=1");
        var zero = await client.GetFromJsonAsync<JsonElement>(q + "&page=0");
        var negative = await client.GetFromJsonAsync<JsonElement>(q + "&page=-1");

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal($"参数 page 的值“99999999999”超出范围，应为 1 到 {Site.Search.SearchRequest.MaxPage} 之间的整数",
            (await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        foreach (var clamped in new[] { zero, negative })
        {
            Assert.Equal(1, clamped.GetProperty("page").GetInt32());
            Assert.Equal(first.GetProperty("hits").GetRawText(), clamped.GetProperty("hits").GetRawText());
        }
    }

    [Fact]
    public async Task SearchJson_TypeAndYearFilters_NarrowHits()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        var stories = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("接待日") + "&type=story");
        var in2025 = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("接待日") + "&year=2025");

        Assert.Equal(2, stories.GetProperty("total").GetInt32());
        Assert.Equal("/stories/b/", Assert.Single(in2025.GetProperty("hits").EnumerateArray()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task SearchPage_WithoutJavaScript_RendersResultsInTheSiteLayout()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        var response = await client.GetAsync("/api/search/page?q=" + Uri.EscapeDataString("接待日"));
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("接待日", document.QuerySelector("#search-q")?.GetAttribute("value"));
        Assert.Equal("找到 3 条结果", document.QuerySelector("#search-total")?.TextContent);
        Assert.Equal(3, document.QuerySelectorAll(".search-hits > li").Length);
        Assert.All(document.QuerySelectorAll(".search-hits mark"), m => Assert.Equal("接待日", m.TextContent));
        // A hit's day as citizens read it, the ISO day kept for machines (the JSON keeps 2026-03-15).
        var day = document.QuerySelector(".search-hits a[href='/stories/a/']")!.Closest("li")!.QuerySelector("time")!;
        Assert.Equal("2026年3月15日", day.TextContent);
        Assert.Equal("2026-03-15", day.GetAttribute("datetime"));
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", document.QuerySelector(".search-hits")!.TextContent);

        // The type facet links keep the query and choose the type.
        var storyFacet = document.QuerySelectorAll("nav.facets a").Single(a => a.TextContent.StartsWith("履职故事", StringComparison.Ordinal));
        Assert.Equal("/api/search/page?q=%E6%8E%A5%E5%BE%85%E6%97%A5&type=story", storyFacet.GetAttribute("href"));
    }

    // Nothing holds 联络站接待 as typed; the relaxed answer (each word in one field) finds the story whose body has 联络站的接待日,
    // and the page says so rather than passing it off as the text that was typed.
    [Fact]
    public async Task SearchPage_RelaxedAnswer_IsSaidToBeOne()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();
        var query = Uri.EscapeDataString("联络站接待");

        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + query);
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/api/search/page?q=" + query));
        var exact = new HtmlParser().ParseDocument(await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString("接待日")));

        Assert.True(body.GetProperty("relaxed").GetBoolean());
        Assert.Contains(body.GetProperty("hits").EnumerateArray(), h => h.GetProperty("url").GetString() == "/stories/a/");
        Assert.Contains("没有找到与“联络站接待”完全一致的内容", document.QuerySelector("#search-relaxed")?.TextContent);
        Assert.Null(exact.QuerySelector("#search-relaxed"));
    }

    // page=11 of an old link or a hand-edited address showed 第 11 / 10 页 and no hit.
    [Fact]
    public async Task SearchPage_APagePastTheLast_ShowsTheLastPageAndSaysSo()
    {
        await using var application = new IntakeApplication(ManyHits(25));
        var client = application.CreateClient();
        var q = "/api/search/page?q=" + Uri.EscapeDataString("接待日");

        var past = new HtmlParser().ParseDocument(await client.GetStringAsync(q + "&page=11"));
        var huge = new HtmlParser().ParseDocument(await client.GetStringAsync(q + "&page=99999999999"));
        var last = new HtmlParser().ParseDocument(await client.GetStringAsync(q + "&page=3"));

        Assert.Equal("没有第 11 页：结果共 3 页，下面是最后一页（第 3 页）。回到第 1 页", past.QuerySelector("#search-past-end")?.TextContent);
        Assert.Equal(q, past.QuerySelector("#search-past-end a")?.GetAttribute("href"));
        Assert.Equal("第 3 / 3 页", past.QuerySelector(".pager span")?.TextContent);
        Assert.Equal(Hits(last), Hits(past));
        Assert.Equal(5, Hits(past).Count);
        Assert.Contains("没有第 99999999999 页", huge.QuerySelector("#search-past-end")?.TextContent);
        Assert.Equal(Hits(last), Hits(huge));
        Assert.Null(last.QuerySelector("#search-past-end"));
    }

    // page=abc answered a bare 400 where a person expects results (the JSON API still says 400, in Chinese).
    [Fact]
    public async Task SearchPage_APageThatIsNotANumber_ShowsTheFirstPageAndSaysSo()
    {
        await using var application = new IntakeApplication(ManyHits(25));
        var client = application.CreateClient();
        var q = "/api/search/page?q=" + Uri.EscapeDataString("接待日");

        var response = await client.GetAsync(q + "&page=abc");
        var bad = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var fullWidth = new HtmlParser().ParseDocument(await client.GetStringAsync(q + "&page=" + Uri.EscapeDataString("２")));
        var first = new HtmlParser().ParseDocument(await client.GetStringAsync(q));
        var second = new HtmlParser().ParseDocument(await client.GetStringAsync(q + "&page=2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("页码“abc”不对，页码应为 1、2、3 这样的数字。下面是第 1 页。", bad.QuerySelector("#search-bad-page")?.TextContent);
        Assert.Equal(Hits(first), Hits(bad));
        Assert.Equal(Hits(second), Hits(fullWidth));
        Assert.Null(first.QuerySelector("#search-bad-page"));
    }

    // A region or year nobody has, typed into the address, said 没有找到 though the text matches.
    [Theory]
    [InlineData("&region=" + "%E7%81%AB%E6%98%9F%E9%95%87", "地区：火星镇")]
    [InlineData("&year=1999", "年份：1999年")]
    [InlineData("&type=story&year=1999", "类型：履职故事，年份：1999年")]
    public async Task SearchPage_AFilterNoneOfTheHitsHas_SaysSoAndOffersTheHitsWithoutIt(string filter, string said)
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();
        var q = "/api/search/page?q=" + Uri.EscapeDataString("接待日");

        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(q + filter));

        var notice = document.QuerySelector("#search-filtered-out");
        Assert.Equal($"有 3 条结果包含“接待日”，但没有一条符合筛选条件（{said}）。查看不加筛选的 3 条结果", notice?.TextContent);
        Assert.Equal(q, notice!.QuerySelector("a")?.GetAttribute("href"));
        Assert.DoesNotContain("没有找到", document.QuerySelector("#search-results")!.TextContent);
        Assert.Empty(Hits(document));
        var chosen = document.QuerySelectorAll("nav.facets a[aria-current='true']").Select(a => a.TextContent).ToList();
        Assert.Contains(said.Split('，')[^1].Split('：')[1] + "（0）", chosen);
    }

    [Fact]
    public async Task SearchPage_ATypo_SuggestsWhatTheTitlesHold()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        var document = new HtmlParser().ParseDocument(await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString("花石真")));
        var found = new HtmlParser().ParseDocument(await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString("花石镇")));

        Assert.Equal("您是不是要找：花石镇", document.QuerySelector("#search-suggestion")?.TextContent);
        Assert.Equal("/api/search/page?q=" + Uri.EscapeDataString("花石镇"), document.QuerySelector("#search-suggestion a")?.GetAttribute("href"));
        Assert.Null(found.QuerySelector("#search-suggestion"));
    }

    private static List<string> Hits(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.QuerySelectorAll(".search-hits > li a").Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>A data folder whose index has <paramref name="count"/> stories with 接待日.</summary>
    private static string ManyHits(int count)
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteSearchData(folder, Enumerable.Range(1, count).Select(i => new Site.Search.SearchDocument(
            $"/stories/s{i:00}/", $"第{i}次接待日", "代表联络站的接待日记录", "story")));
        return folder;
    }

    [Fact]
    public async Task SearchPage_MarkupInQueryAndText_IsNeverReflectedUnescaped()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        var html = await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString("<script>alert(1)</script> 不打烊"));
        var stored = await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString("不打烊"));

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;b&gt;<mark>不打烊</mark>&lt;/b&gt;", stored);
    }

    [Fact]
    public async Task Search_LongQueryWithAstralCharacterAtEveryCut_AnswersOkOnBothEndpoints()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        // 𠮷 and an emoji family (surrogate pairs joined by ZWJ) straddle the 100-character cut at every offset.
        for (var prefix = 88; prefix <= 101; prefix++)
        {
            var query = "接待日 " + new string('站', prefix - 4) + string.Concat(Enumerable.Repeat("𠮷👨‍👩‍👧", 4));
            var json = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
            var page = await client.GetAsync("/api/search/page?q=" + Uri.EscapeDataString(query));

            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await json.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(query, body.GetProperty("query").GetString());
            Assert.DoesNotContain("\uFFFD", await page.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Search_SnippetAroundAstralCharacters_NeverShowsAReplacementCharacter()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteSearchData(folder, Enumerable.Range(0, 30).Select(shift => new Site.Search.SearchDocument(
            $"/stories/{shift}/", "记录", new string('文', shift) + string.Concat(Enumerable.Repeat("𠮷😀", 40)) + "接待日" + string.Concat(Enumerable.Repeat("😀𠮷", 60)), "story")));
        await using var application = new IntakeApplication(folder);
        var client = application.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("接待日"));
        var page = await client.GetStringAsync("/api/search/page?q=" + Uri.EscapeDataString("接待日"));

        Assert.Equal(30, body.GetProperty("total").GetInt32());
        foreach (var hit in body.GetProperty("hits").EnumerateArray())
        {
            var snippet = System.Net.WebUtility.HtmlDecode(hit.GetProperty("snippetHtml").GetString()!);
            Assert.DoesNotContain('\uFFFD', snippet);
            Assert.Equal(snippet, Site.Search.TextElements.Valid(snippet));
            Assert.Contains("<mark>接待日</mark>", snippet);
        }

        Assert.DoesNotContain('\uFFFD', System.Net.WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task Search_BeforeAnyBuild_AnswersUnavailableInChinese()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient();

        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("代表"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("搜索索引尚未生成，请稍后再试", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Search_AfterRebuild_ServesTheNewIndex()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("新建"));

        // What the build does: write a new folder aside, swap it in.
        var index = Path.Combine(application.Folder, "index");
        var fresh = index + ".new";
        Site.Search.SearchIndexWriter.Write(fresh, [new Site.Search.SearchDocument("/stories/new/", "新建的代表之家", "新建", "story")]);
        Directory.Move(index, index + ".old");
        Directory.Move(fresh, index);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("新建"));

        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Equal(1, after.GetProperty("total").GetInt32());
    }
}
