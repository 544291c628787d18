using Site.Contracts;
using Site.Intake.Drafts;
using Site.Search;
using Site.Theme;
using Site.Theme.Templates;
using Site.Theme.ViewModels;

namespace Site.Intake.Search;

/// <summary>
/// GET /api/search (JSON: hits, total, counts per type/region/year) and GET /api/search/page (the
/// same results as a full HTML page in the site's layout, so search works without JavaScript).
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchJson);
        app.MapGet("/api/search/page", SearchPageAsync);
        return app;
    }

    public static IResult SearchJson(string? q, string? type, string? region, string? year, int? page, SearchService search)
    {
        var response = search.Search(new SearchRequest(q, type, region, year, page ?? 1));
        return response is null
            ? Results.Json(SearchResponse.Empty(q ?? "", NotBuilt), statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Json(response);
    }

    /// <param name="page">
    /// Taken as text: a page number that is not one (page=abc from a mangled link) shows the first page
    /// and says so, rather than a bare error where a person expects results.
    /// </param>
    public static async Task<IResult> SearchPageAsync(string? q, string? type, string? region, string? year, string? page, SearchService search, SearchPageRenderer renderer, DraftCatalog drafts, TimeProvider clock)
    {
        var (number, badPage) = PageNumber(page);
        var request = new SearchRequest(q, type, region, year, number);
        var response = search.Search(request);
        var chrome = search.Chrome;
        if (chrome is null)
        {
            return Results.Problem(NotBuilt, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var view = Page(request, response ?? SearchResponse.Empty(q ?? "", NotBuilt), drafts.Find, clock.GetUtcNow());
        if (view.Results is { } results)
        {
            // A number beyond int (page=99999999999) is said as typed, not as the int it was read as.
            view = view with
            {
                Results = results with
                {
                    BadPage = badPage,
                    PastEnd = results.PastEnd is null ? null : PageAsTyped(page) ?? results.PastEnd,
                    Section = SectionWords.For(view.Query, chrome) is { } section ? (section.Label, section.Url) : null,
                },
            };
        }

        var html = await renderer.RenderAsync(chrome, view with { Examples = search.Examples });
        return Results.Content(html, "text/html; charset=utf-8", statusCode: response is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private const string NotBuilt = "搜索索引尚未生成，请稍后再试";

    private static string? PageAsTyped(string? page) =>
        (page ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimStart('+').TrimStart('0') is { Length: > 0 and <= 20 } digits && digits.All(char.IsAsciiDigit) ? digits : null;

    /// <summary>The page asked for (full-width digits too), or 1 and the text when it is not a whole number.</summary>
    public static (int Page, string? Bad) PageNumber(string? page)
    {
        var text = TextElements.Cut((page ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim(), 20);
        if (text.Length == 0)
        {
            return (1, null);
        }

        var digits = text.TrimStart('+', '-');
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return (1, text);
        }

        // 0 and below are no page: the first is shown and said so, as for page=abc. A number too large
        // for int is past any last page.
        if (text[0] == '-' || digits.All(c => c == '0'))
        {
            return (1, text);
        }

        return (int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : int.MaxValue, null);
    }

    /// <summary>The endpoint's answer as the theme's view model: facet and pager links keep the other filters.</summary>
    /// <param name="drafts">
    /// The build's drafts by id (drafts.json): a hit of a draft or of its article shows the draft's
    /// reading (一审, 二审) and its status at <paramref name="now"/>, so two readings of one title are told apart.
    /// </param>
    public static SearchPage Page(SearchRequest request, SearchResponse response, Func<string, DraftEntry?>? drafts = null, DateTimeOffset? now = null)
    {
        var shown = SearchPage.Shown(response.Query);
        var title = response.Query.Length == 0 ? "全站搜索" : $"搜索：{shown}";
        var meta = new PageMeta(title, "全站搜索结果", "/search/", "search", [new Crumb("搜索", "/search/"), new Crumb(shown, null)], NoIndex: true);
        var facets = new List<FacetGroup>
        {
            Group("类型", response.Types, request.Type, v => request with { Type = v, Page = 1 }),
            Group("地区", response.Regions, request.Region, v => request with { Region = v, Page = 1 }),
            Group("年份", response.Years, request.Year, v => request with { Year = v, Page = 1 }),
        };
        var results = new SearchResults(
            response.Total,
            response.Page,
            response.PageCount,
            response.Hits.Select(h => Hit(h, drafts, now ?? DateTimeOffset.UtcNow)).ToList(),
            facets,
            response.Page > 1 ? Url(request with { Page = response.Page - 1 }) : null,
            response.Page < response.PageCount ? Url(request with { Page = response.Page + 1 }) : null,
            response.Error,
            response.Estimated,
            response.Relaxed)
        {
            PastEnd = response.PastEnd?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FirstUrl = response.PastEnd is null ? null : Url(request with { Page = 1 }),
            Unfiltered = response.Unfiltered,
            Filters = response.Unfiltered is null ? [] : Filters(request),
            UnfilteredUrl = response.Unfiltered is null ? null : Url(new SearchRequest(request.Query)),
            Suggestion = response.Suggestion,
            SuggestionUrl = response.Suggestion is null ? null : Url(request with { Query = response.Suggestion, Page = 1 }),
            Deputy = response.Deputy,
        };
        return new SearchPage(meta, response.Query, results);
    }

    /// <summary>A hit as the page shows it; a draft's and its articles' with the reading and the status (征求意见中, 已截止).</summary>
    private static SearchHit Hit(SearchHitResult h, Func<string, DraftEntry?>? drafts, DateTimeOffset now)
    {
        var hit = new SearchHit(h.Url, h.Title, h.TypeLabel, h.SnippetHtml, h.Date, h.Region);
        if (drafts is null || h.Type is not (SearchTypes.Draft or SearchTypes.Article) || DraftId(h.Url) is not { } id || drafts(id) is not { } draft)
        {
            return hit;
        }

        // The words and classes of the drafts list (征求意见中, 尚未开始, 已截止), at the time of the search.
        var (status, kind) = now < draft.Opens ? ("尚未开始", "upcoming") : now <= draft.Closes ? ("征求意见中", "open") : ("已截止", "closed");
        return hit with { Reading = string.IsNullOrWhiteSpace(draft.Reading) ? null : draft.Reading.Trim(), Status = status, StatusClass = kind };
    }

    /// <summary>The draft id of /drafts/{id}/ and /drafts/{id}/#article-5; null for any other URL.</summary>
    private static string? DraftId(string url)
    {
        const string prefix = "/drafts/";
        if (!url.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var slash = url.IndexOf('/', prefix.Length);
        return slash > prefix.Length && (url.Length == slash + 1 || url[slash + 1] == '#') ? url[prefix.Length..slash] : null;
    }

    /// <summary>The filters of a request as a person reads them: (类型, 人大代表), (地区, 花石镇), (年份, 2025年).</summary>
    private static List<(string Label, string Value)> Filters(SearchRequest request)
    {
        var filters = new List<(string, string)>();
        foreach (var (label, value) in new[] { ("类型", request.Type), ("地区", request.Region), ("年份", request.Year) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                filters.Add((label, Display(label, value.Trim())));
            }
        }

        return filters;
    }

    /// <summary>
    /// A filter's value as its chip says it: a type by its label, a year with 年, a region as it is. A value
    /// that is none of these (an unknown type, region=&lt;script&gt;, 300 characters pasted into the
    /// address) is not echoed: <see cref="Unrecognised"/> stands for it.
    /// </summary>
    private static string Display(string label, string value) => label switch
    {
        "类型" => SearchTypes.All.Any(t => t.Type == value) ? SearchTypes.Label(value) : Unrecognised,
        "年份" => value.Length == 4 && value.All(char.IsAsciiDigit) ? value + "年" : Unrecognised,
        _ => Plain(value) ? value : Unrecognised,
    };

    /// <summary>What a filter value that is not shown is called.</summary>
    public const string Unrecognised = "无法识别的值";

    /// <summary>The longest region value shown as typed: the county's longest place names are far shorter.</summary>
    private const int ShownValueLength = 12;

    /// <summary>A short value of letters and digits only (花石镇, 430321100): shown as typed.</summary>
    private static bool Plain(string value) =>
        value.Length <= ShownValueLength && value.All(char.IsLetterOrDigit);

    /// <summary>
    /// A dimension's values; a value asked for that none of the hits has (typed into the address, or
    /// from an old link) is kept as a chosen chip with no count, so the page shows what is filtering.
    /// </summary>
    private static FacetGroup Group(string label, IReadOnlyList<FacetCount> counts, string? selected, Func<string?, SearchRequest> with)
    {
        var values = new List<Facet> { new("全部", null, Url(with(null)), string.IsNullOrEmpty(selected)) };
        values.AddRange(counts.Select(c => new Facet(c.Label, c.Count, Url(with(c.Value)), c.Value == selected)));
        if (!string.IsNullOrWhiteSpace(selected) && counts.All(c => c.Value != selected))
        {
            values.Add(new Facet(Display(label, selected.Trim()), 0, Url(with(selected)), true));
        }

        return new FacetGroup(label, values);
    }

    public static string Url(SearchRequest r)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(r.Query ?? "") };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("type", r.Type);
        Add("region", r.Region);
        Add("year", r.Year);
        if (r.Page > 1)
        {
            query.Add("page=" + r.Page);
        }

        return "/api/search/page?" + string.Join("&", query);
    }
}

/// <summary>
/// Renders the theme's search template with a renderer of its own for each page: a renderer keeps
/// every component it has rendered until it is disposed, so one shared renderer would grow with every
/// search for as long as the endpoint runs (and its one dispatcher would serialise all renders).
/// </summary>
public sealed class SearchPageRenderer
{
    public async Task<string> RenderAsync(SiteChrome chrome, SearchPage page)
    {
        await using var renderer = StaticHtml.CreateRenderer();
        return await StaticHtml.RenderAsync(renderer, chrome, typeof(SearchTemplate), page);
    }
}
