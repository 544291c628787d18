using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>The search page: results come from /api/search as you type (and from /api/search/page without JavaScript).</summary>
public static class SearchPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        yield return PageJob.For<SearchTemplate, SearchPage>(SiteRoutes.Search, () => new SearchPage(
            PageContext.Meta("全站搜索", "搜索代表、家站点、履职故事、建议和法规草案条文", SiteRoutes.Search, "search", new Crumb("搜索", null)),
            "",
            null,
            Examples(context.Site)));
    }

    /// <summary>
    /// Queries the search box suggests, taken from this site's own records so that each finds
    /// something: the township of the first station (or the first township), the first deputy's name.
    /// </summary>
    public static IReadOnlyList<string> Examples(Model.SiteModel site) =>
        new[]
        {
            site.Stations.Select(s => site.Township(s.Region)?.Name).FirstOrDefault(n => n is not null)
                ?? site.Regions.Values.FirstOrDefault(r => r.Level == "town")?.Name,
            site.Deputies.FirstOrDefault()?.Name,
        }.OfType<string>().ToList();
}
