using Site.Generator.Diagnostics;
using Site.Generator.Indexing;
using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// Issue #24, the site's side: a page per suggestion with the office's reply, stories naming
/// suggestions, the message form (给Ta留言) on deputies' and stations' pages, and the receipt lookup.
/// </summary>
public sealed class SuggestionAndMessagePageTests
{
    private const string Site = TestSite.MinimalConfig + """

        resultClasses:
          A: 已解决或基本解决
          B: 列入计划逐步解决
        -- input/stations/s.yaml --
        - id: S01
          name: 花石镇代表之家
          kind: 代表之家
        -- input/deputies/d.yaml --
        - id: D0001
          name: 陈美华
          levels: [县]
          station: S01
        - id: D0002
          name: 方玉梅
          levels: [县]
        - id: D0003
          name: 刘敬阳
          levels: [县]
          station: S01
          termEnded: 2026-06-30
        - id: D0004
          name: 申倩
          levels: [县]
          termEnded: 2027-01-31
        -- input/suggestions/s.yaml --
        - number: "2026-001"
          title: 关于在农村推广老年助餐点的建议
          session: 县十八届人大七次会议
          deputies: [D0001, D0002]
          unit: 县民政局
          key: 是
          status: 办结
          result: A
          satisfaction: 满意
          assigned: 2026-03-10
          answered: 2026-05-20
          closed: 2026-09-18
          reply: |
            陈美华代表：
            今年在花石镇建设六个老年助餐点，每个补助三万元。
        - number: 2026/002
          title: 关于增设乡镇卫生院夜间急诊的建议
          session: 县十八届人大七次会议
          deputies: [D0002]
          status: 交办
          assigned: 2026-03-10
        -- content/stories/banjie.md --
        ---
        title: 一条建议是怎样办结的
        date: 2026-09-22
        column: 履职故事
        suggestions: ["2026-001"]
        ---
        助餐点全部投入使用。
        """;

    [Fact]
    public async Task SuggestionPage_ShowsHandlingStagesReplyAndStories()
    {
        using var site = await TestSite.BuildAsync(Site);

        site.AssertNoErrors();
        var page = site.Html("suggestions/2026-001/index.html");
        var main = page.QuerySelector("main")!;
        Assert.Equal("关于在农村推广老年助餐点的建议", main.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/deputies/D0001/", "/deputies/D0002/"], main.QuerySelectorAll("dd.deputies a").Select(a => a.GetAttribute("href")));
        Assert.Contains("县十八届人大七次会议", main.TextContent);
        Assert.Contains("县民政局", main.TextContent);
        Assert.Contains("重点督办", main.TextContent);
        Assert.Equal(["交办2026年3月10日", "答复2026年5月20日", "办结2026年9月18日"],
            main.QuerySelectorAll(".stages li").Select(li => string.Concat(li.TextContent.Where(c => !char.IsWhiteSpace(c)))));
        Assert.Contains("A类：已解决或基本解决", main.TextContent);
        Assert.Contains("满意", main.TextContent);
        Assert.Equal(["陈美华代表：", "今年在花石镇建设六个老年助餐点，每个补助三万元。"], main.QuerySelectorAll(".reply p:not(.meta)").Select(p => p.TextContent));
        Assert.Equal("/stories/banjie/", main.QuerySelector("section[aria-labelledby=stories] a")!.GetAttribute("href"));
    }

    // ~900 pasted characters in the header's search box made a URL the server refused (网址过长);
    // the query is cut to ChineseQuery.MaxLength anyway, so no search box takes more.
    [Fact]
    public async Task EverySearchBox_TakesAtMostTheQueryLength()
    {
        using var site = await TestSite.BuildAsync(Site);

        site.AssertNoErrors();
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).ToList();
        var boxes = pages.SelectMany(p => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(p)).QuerySelectorAll("input[type=search], input[name=q]")
            .Select(input => (Page: Path.GetRelativePath(site.Output, p), Id: input.Id, MaxLength: input.GetAttribute("maxlength")))).ToList();

        Assert.Contains(boxes, b => b.Id == "site-q");
        Assert.Contains(boxes, b => b.Id == "search-q");
        Assert.Contains(boxes, b => b.Id == "name-filter");
        Assert.Contains(boxes, b => b.Id == "station-filter");
        Assert.All(boxes, b => Assert.True(b.MaxLength == ChineseQuery.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{b.Page} #{b.Id}: maxlength {b.MaxLength}"));
    }

    [Fact]
    public async Task SuggestionPage_NotAnsweredYet_SaysSo_AndItsNumberWithASlashIsASafeSlug()
    {
        using var site = await TestSite.BuildAsync(Site);

        var main = site.Html("suggestions/2026-002/index.html").QuerySelector("main")!;
        Assert.Contains("承办单位尚未答复", main.TextContent);
        Assert.Empty(main.QuerySelectorAll(".stages li.done time").Skip(1));
    }

    [Fact]
    public async Task SuggestionList_LinksEachRowToItsPage_AndEachDeputyToTheirs()
    {
        using var site = await TestSite.BuildAsync(Site);

        var rows = site.Html("suggestions/index.html").QuerySelectorAll("#suggestions tbody tr");
        Assert.Equal(["/suggestions/2026-001/", "/suggestions/2026-002/"], rows.Select(r => r.QuerySelector("a.title")!.GetAttribute("href")));
        Assert.Equal(["/deputies/D0001/", "/deputies/D0002/"], rows[0].QuerySelectorAll(".deputies a").Select(a => a.GetAttribute("href")));
        var filter = site.Html("suggestions/index.html").QuerySelector("form[data-filter-table]")!;
        Assert.Equal("get", filter.GetAttribute("method"));
        Assert.Equal(["status", "result", "unit"], filter.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
    }

    // The 承办单位 choice needed the script; without it each unit's own page is a link away.
    [Fact]
    public async Task SuggestionList_EachUnitHasItsOwnPage_LinkedForBrowsersWithoutScript()
    {
        const string bracketed = "县发展和改革局（县粮食和物资储备局）";
        using var site = await TestSite.BuildAsync(Site + $$"""

            -- input/suggestions/t.yaml --
            - number: "2026-003"
              title: 关于保障秋粮收购资金的建议
              session: 县十八届人大七次会议
              deputies: [D0001]
              unit: {{bracketed}}
              status: 交办
              assigned: 2026-03-10
            """);
        site.AssertNoErrors();

        var list = site.Html("suggestions/index.html");
        var links = list.QuerySelectorAll("details.unit-links a").ToList();
        Assert.Equal([bracketed, "县民政局"], links.Select(a => a.TextContent)); // as the unit choice has them (ordinal)
        Assert.Matches("^/suggestions/units/u[0-9a-f]{8}/$", links[0].GetAttribute("href"));
        Assert.Equal("/suggestions/units/县民政局/", links[1].GetAttribute("href"));
        Assert.Contains("js-hidden", list.QuerySelector("details.unit-links")!.ClassName);

        var unit = site.Html("suggestions/units/县民政局/index.html");
        Assert.Equal("县民政局承办的代表建议", unit.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/suggestions/2026-001/"], unit.QuerySelectorAll("#suggestions tbody a.title").Select(a => a.GetAttribute("href")));
        Assert.Equal("1", unit.QuerySelector(".figures strong")!.TextContent);
        Assert.Null(unit.QuerySelector("#f-unit"));
        Assert.Equal("page", unit.QuerySelector("details.unit-links a[href='/suggestions/units/县民政局/']")!.GetAttribute("aria-current"));
        var other = site.Html(links[0].GetAttribute("href")!.TrimStart('/') + "index.html");
        Assert.Equal(["关于保障秋粮收购资金的建议"], other.QuerySelectorAll("#suggestions tbody a.title").Select(a => a.TextContent));
    }

    [Fact]
    public async Task SearchHit_ForASuggestion_LandsOnItsPage_WhereTheReplyIs()
    {
        using var site = await TestSite.BuildAsync(Site);

        var document = Assert.Single(SearchDocuments.From(site.Report.Model!), d => d.Type == SearchTypes.Suggestion && d.Title.Contains("助餐点"));
        Assert.Equal("/suggestions/2026-001/", document.Url);
        Assert.Contains("六个老年助餐点", document.Body);
        Assert.Contains("六个老年助餐点", site.ReadFile("suggestions/2026-001/index.html"));
    }

    [Fact]
    public async Task Story_NamingAnUnknownSuggestion_IsAPositionedChineseError()
    {
        using var site = await TestSite.BuildAsync(Site + """

            -- content/stories/cuo.md --
            ---
            title: 写错编号的故事
            date: 2026-10-01
            column: 履职故事
            suggestions: ["2026-001", "2026-099"]
            ---
            正文。
            """, checkOnly: true);

        var error = site.AssertDiagnostic("content/stories/cuo.md", 5, DiagnosticCodes.UnknownSuggestion);
        Assert.Contains("找不到建议编号 \"2026-099\"", error.Message);
        Assert.Contains("suggestions（相关建议）", error.Message);
        Assert.Equal(1, site.Report.Diagnostics.ErrorCount);
    }

    [Fact]
    public async Task DeputyAndStationPages_HaveTheMessageForm_PostingToTheEndpoint()
    {
        using var site = await TestSite.BuildAsync(Site);

        foreach (var (file, action) in new[]
        {
            ("deputies/D0001/index.html", "/api/deputies/D0001/messages"),
            ("deputies/D0004/index.html", "/api/deputies/D0004/messages"),
            ("stations/S01/index.html", "/api/stations/S01/messages"),
        })
        {
            var page = site.Html(file);
            var form = page.QuerySelector("form#message-form");
            Assert.True(form is not null, file);
            Assert.Equal("post", form!.GetAttribute("method"));
            Assert.Equal(action, form.GetAttribute("action"));
            var text = form.QuerySelector("textarea[name=text]")!;
            Assert.Equal(("5", "2000"), (text.GetAttribute("minlength"), text.GetAttribute("maxlength")));
            Assert.True(text.HasAttribute("required"));
            Assert.NotNull(form.QuerySelector("input[name=name]"));
            Assert.Contains("不会公开", form.QuerySelector("label[for=message-contact]")!.TextContent);
            var publish = form.QuerySelector("input[name=publish][type=checkbox]")!;
            Assert.False(publish.HasAttribute("checked"));
            Assert.NotNull(form.QuerySelector("input[type=hidden][name=idempotencyKey]"));
            Assert.NotNull(form.QuerySelector("a[href='/receipts/']"));
            Assert.Equal("#message", page.QuerySelector("a.write")!.GetAttribute("href"));
            Assert.Equal(action, page.QuerySelector("[data-messages]")!.GetAttribute("data-messages"));
            // Without script the link opens the endpoint's page of the same list and figures, not its JSON.
            Assert.NotNull(page.QuerySelector($"[data-messages] a[href='{action}/page']"));
        }
    }

    [Fact]
    public async Task DeputyWhoseTermEnded_HasNoForm_AndIsPointedToTheStation()
    {
        using var site = await TestSite.BuildAsync(Site);

        var page = site.Html("deputies/D0003/index.html");
        Assert.Null(page.QuerySelector("form#message-form"));
        Assert.Null(page.QuerySelector("a.write"));
        Assert.Contains("已于2026年6月30日离任", page.QuerySelector("section.messages")!.TextContent);
        Assert.Equal("/stations/S01/#message", page.QuerySelector("section.messages .notice a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task DeputyWhoseTermEnded_IsNotAmongTheStationsServingDeputies_NorOnItsPoster_ButListedApartWithTheDate()
    {
        using var site = await TestSite.BuildAsync(Site);

        var station = site.Html("stations/S01/index.html").QuerySelector("section[aria-labelledby=deputies]")!;
        Assert.Equal("进站代表（1 名）", station.QuerySelector("h2")!.TextContent);
        Assert.Equal(["/deputies/D0001/"], station.QuerySelectorAll("ul.chips a").Select(a => a.GetAttribute("href")));
        Assert.Equal("已离任代表", station.QuerySelector("h3#departed")!.TextContent);
        var departed = Assert.Single(station.QuerySelectorAll("h3#departed + ul li"));
        Assert.Equal("/deputies/D0003/", departed.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("2026年6月30日离任", departed.QuerySelector(".note")!.TextContent);

        var poster = site.Html("stations/S01/poster/index.html").QuerySelector(".poster-deputies")!;
        Assert.Contains("陈美华", poster.TextContent);
        Assert.DoesNotContain("刘敬阳", poster.TextContent);
    }

    [Fact]
    public async Task DeputyWhoseTermEnded_IsLeftOutOfRostersAndCounts_ButKeepsTheirPageAndIsFoundBySearch()
    {
        using var site = await TestSite.BuildAsync(Site);

        var roster = site.Html("deputies/index.html").QuerySelector("main")!;
        Assert.Null(roster.QuerySelector("a[href='/deputies/D0003/']"));
        // Whose term ends later serves until then.
        Assert.NotNull(roster.QuerySelector("a[href='/deputies/D0004/']"));
        Assert.Equal(["D0001", "D0002", "D0004"], site.Report.Model!.ServingDeputies.Select(d => d.Id.Value).Order(StringComparer.Ordinal));
        var figures = site.Html("index.html").QuerySelectorAll("ul.figures li").ToDictionary(li => li.QuerySelector("span")!.TextContent, li => li.QuerySelector("strong")!.TextContent);
        Assert.Equal("3 名", figures["人大代表"]);

        Assert.Contains("已于2026年6月30日离任", site.Html("deputies/D0003/index.html").QuerySelector("main")!.TextContent);
        Assert.Contains(SearchDocuments.From(site.Report.Model!), d => d.Url == "/deputies/D0003/");
    }

    [Fact]
    public async Task OpenData_CarriesEachDeputysTermEndDate_UnderItsRosterLabel()
    {
        using var site = await TestSite.BuildAsync(Site);

        var csv = site.ReadFile("data/deputies.csv").TrimStart('\uFEFF').Split("\r\n");
        var header = csv[0].Split(',');
        var column = Array.IndexOf(header, "离任日期");
        Assert.True(column >= 0, csv[0]);
        var rows = csv.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToDictionary(r => r[0]);
        Assert.Equal("2026-06-30", rows["D0003"][column]);
        Assert.Equal("2027-01-31", rows["D0004"][column]);
        Assert.Equal("", rows["D0001"][column]);

        using var json = System.Text.Json.JsonDocument.Parse(site.ReadFile("data/deputies.json"));
        Assert.Contains(json.RootElement.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "termEnded" && f.GetProperty("label").GetString() == "离任日期");
        var record = Assert.Single(json.RootElement.GetProperty("records").EnumerateArray(), r => r.GetProperty("id").GetString() == "D0003");
        Assert.Equal("2026-06-30", record.GetProperty("termEnded").GetString());
    }

    [Fact]
    public async Task ReceiptLookup_IsAGetFormToTheEndpoint_LinkedFromTheFooter()
    {
        using var site = await TestSite.BuildAsync(Site);

        var form = site.Html("receipts/index.html").QuerySelector("form#receipt-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/api/receipts/lookup", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=number][required]"));
        Assert.NotNull(site.Html("index.html").QuerySelector("footer a[href='/receipts/']"));
    }
}
