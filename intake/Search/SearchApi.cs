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

    public static async Task<IResult> SearchPageAsync(string? q, string? type, string? region, string? year, int? page, SearchService search, SearchPageRenderer renderer)
    {
        var request = new SearchRequest(q, type, region, year, page ?? 1);
        var response = search.Search(request);
        var chrome = search.Chrome;
        if (chrome is null)
        {
            return Results.Problem(NotBuilt, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var html = await renderer.RenderAsync(chrome, Page(request, response ?? SearchResponse.Empty(q ?? "", NotBuilt)) with { Examples = search.Examples });
        return Results.Content(html, "text/html; charset=utf-8", statusCode: response is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private const string NotBuilt = "搜索索引尚未生成，请稍后再试";

    /// <summary>The endpoint's answer as the theme's view model: facet and pager links keep the other filters.</summary>
    public static SearchPage Page(SearchRequest request, SearchResponse response)
    {
        var title = response.Query.Length == 0 ? "全站搜索" : $"搜索：{response.Query}";
        var meta = new PageMeta(title, "全站搜索结果", "/search/", "search", [new Crumb("搜索", "/search/"), new Crumb(response.Query, null)], NoIndex: true);
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
            response.Hits.Select(h => new SearchHit(h.Url, h.Title, h.TypeLabel, h.SnippetHtml, h.Date, h.Region)).ToList(),
            facets,
            response.Page > 1 ? Url(request with { Page = response.Page - 1 }) : null,
            response.Page < response.PageCount ? Url(request with { Page = response.Page + 1 }) : null,
            response.Error,
            response.Estimated,
            response.Relaxed);
        return new SearchPage(meta, response.Query, results);
    }

    private static FacetGroup Group(string label, IReadOnlyList<FacetCount> counts, string? selected, Func<string?, SearchRequest> with)
    {
        var values = new List<Facet> { new("全部", null, Url(with(null)), string.IsNullOrEmpty(selected)) };
        values.AddRange(counts.Select(c => new Facet(c.Label, c.Count, Url(with(c.Value)), c.Value == selected)));
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
