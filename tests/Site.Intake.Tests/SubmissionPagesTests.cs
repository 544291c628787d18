using AngleSharp.Html.Parser;
using Site.Intake.Storage.Schema;
using Site.Theme;
using Site.Theme.Templates;
using Site.Theme.ViewModels;

namespace Site.Intake.Tests;

/// <summary>#20 case 14 on the static page, and the schema files (#19): what the theme and the stores are given.</summary>
public sealed partial class SubmissionPagesTests
{
    private static readonly SiteChrome Chrome = new("测试县人大", "测试县人大", "https://rd.example.org", "/assets/site.css", "/assets/site.js", [], [], "");

    private static DraftPage Draft(bool isOpen, bool notYetOpen) => new(
        new PageMeta("某某条例（草案）", "d", "/drafts/d/", "drafts", []),
        "d", "某某条例（草案）", "法制委员会", "一审", "2026年12月1日", "2026年12月31日", "2026-12-31T23:59:59+08:00",
        isOpen, null, null, [], [], [new DraftChapterView("", "text", [new DraftArticleView("article-1", "第一条", ["为了……制定本条例。"])], [])],
        [new ArticleOption("article-1", "第一条")], null, [])
    {
        NotYetOpen = notYetOpen,
        OpensIso = "2026-12-01T00:00:00+08:00",
    };

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> RenderAsync(DraftPage page)
    {
        await using var renderer = StaticHtml.CreateRenderer();
        return new HtmlParser().ParseDocument(await StaticHtml.RenderAsync(renderer, Chrome, typeof(DraftTemplate), page));
    }

    [Fact]
    public async Task DraftPage_Open_StatesTheDeadlineAndCarriesThePeriodForTheScript()
    {
        var document = await RenderAsync(Draft(isOpen: true, notYetOpen: false));

        var status = document.QuerySelector(".draft-status")!;
        Assert.Equal("征求意见中", status.QuerySelector(".status")?.TextContent);
        // The whole period, not only its last day (a tester saw only the closing date on the open draft).
        Assert.Contains("征求意见时间：2026年12月1日 至 2026年12月31日", status.TextContent);
        Assert.Equal("2026-12-01T00:00:00+08:00", status.GetAttribute("data-opens"));
        Assert.Equal("2026-12-31T23:59:59+08:00", status.GetAttribute("data-closes"));
        Assert.False(document.QuerySelector("#comment-form")!.HasAttribute("hidden"));
        Assert.True(document.QuerySelector(".comment-closed")!.HasAttribute("hidden"));
    }

    // A draft whose period had not begun was labelled 已截止.
    [Fact]
    public async Task DraftPage_NotYetOpen_HasItsOwnStateAndAFormTheScriptCanShow()
    {
        var document = await RenderAsync(Draft(isOpen: false, notYetOpen: true));

        Assert.Equal("尚未开始征求意见", document.QuerySelector(".draft-status .status")?.TextContent);
        Assert.DoesNotContain("已截止", document.QuerySelector("article.draft")!.TextContent);
        Assert.True(document.QuerySelector("#comment-form")!.HasAttribute("hidden"));
        Assert.Contains("将于 2026年12月1日 开始征求意见", document.QuerySelector(".comment-upcoming")?.TextContent);
        Assert.False(document.QuerySelector(".comment-upcoming")!.HasAttribute("hidden"));
    }

    // A draft whose period had not begun was listed under 已截止.
    [Fact]
    public async Task DraftList_NotYetOpen_IsListedAsUpcomingNotClosed()
    {
        var upcoming = new DraftSummary("某某条例（草案）", "/drafts/d/", "法制委员会", "2026年12月1日 至 2026年12月31日", "2026年12月31日", "2026-12-31T23:59:59+08:00", false, null);
        var page = new DraftListPage(new PageMeta("法规草案征求意见", "d", "/drafts/", "drafts", []), [], []) { Upcoming = [upcoming] };
        await using var renderer = StaticHtml.CreateRenderer();

        var document = new HtmlParser().ParseDocument(await StaticHtml.RenderAsync(renderer, Chrome, typeof(DraftListTemplate), page));

        var headings = document.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["正在征求意见", "即将征求意见", "已截止"], headings);
        Assert.Equal("尚未开始", document.QuerySelector(".status.upcoming")?.TextContent);
        Assert.Equal("暂无。", document.QuerySelectorAll("main .empty").Last().TextContent);
    }

    [Fact]
    public void SchemaFiles_DeclareTheSameColumnsInBothDialects()
    {
        static List<string> Columns(string sql, string table) =>
            ColumnLine().Matches(sql[sql.IndexOf($"CREATE TABLE IF NOT EXISTS {table}", StringComparison.Ordinal)..].Split(");")[0])
                .Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(Columns(StoreSchema.Sqlite, "comments"), Columns(StoreSchema.PostgreSql, "comments"));
        Assert.Contains("fingerprint", Columns(StoreSchema.Sqlite, "comments"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s+([a-z_]+) [A-Z]", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex ColumnLine();
}
