using Site.Generator.Model;
using Site.Generator.Rendering.Markdown;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// Decides every page of the site. Adding a page kind = a view-model record, a template, and one
/// line here.
/// </summary>
public static class PagePlanner
{
    private static readonly Func<PageContext, IEnumerable<PageJob>>[] Kinds =
    [
        HomePages.Plan,
        StoryPages.Plan,
        DraftPages.Plan,
        DeputyPages.Plan,
        StationPages.Plan,
        SuggestionPages.Plan,
        BallotPages.Plan,
        SearchPages.Plan,
    ];

    public static IReadOnlyList<PageJob> Plan(PageContext context) =>
        Kinds.SelectMany(kind => kind(context)).ToList();

    /// <summary>Registers every page, static file and content source, so links can be checked while rendering.</summary>
    public static void RegisterUrls(SiteModel site, IReadOnlyList<PageJob> jobs, IEnumerable<string> staticFiles, SiteUrls urls)
    {
        foreach (var job in jobs)
        {
            urls.AddPage(job.Url);
        }

        foreach (var file in staticFiles)
        {
            urls.AddStaticFile(file);
        }

        foreach (var story in site.Stories)
        {
            urls.AddSource(story.Body.Path, story.Url);
        }

        foreach (var page in site.Pages)
        {
            urls.AddSource(page.Body.Path, page.Url);
        }

        foreach (var draft in site.Drafts)
        {
            urls.AddSource(draft.SourcePath, draft.Url);
        }
    }
}
