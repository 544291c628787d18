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
            null));
    }
}
